//go:build !unix

package claudecode

import "os"

// openNoBlock is 0 where opening a FIFO does not block.
const openNoBlock = 0

// inode is 0 where the platform has no inode numbers; a replaced file is
// then told by its size, time and first bytes.
func inode(os.FileInfo) uint64 { return 0 }
