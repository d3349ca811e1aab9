//go:build unix

package claudecode

import (
	"os"
	"syscall"
)

// openNoBlock opens without waiting for a writer, so a FIFO named like a
// transcript cannot hang a read (a regular file ignores the flag).
const openNoBlock = syscall.O_NONBLOCK

// inode is the file's inode number, which changes when a file is replaced.
func inode(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
