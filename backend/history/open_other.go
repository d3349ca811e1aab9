//go:build !unix

package history

// openFlags: systems without O_NOFOLLOW and O_NONBLOCK rely on the Lstat
// check before the open and the SameFile check after it.
const openFlags = 0
