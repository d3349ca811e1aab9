//go:build unix

package history

import "syscall"

// openFlags make opening a report file safe whatever sits at its path: a
// symbolic link is not followed (the open fails) and a FIFO does not block
// the open waiting for a writer.
const openFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
