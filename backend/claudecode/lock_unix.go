//go:build unix

package claudecode

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on f, so two processes (the app and the
// CLI) never interleave their batches; it waits for the other to finish.
func lockFile(f *os.File) (unlock func(), err error) {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return nil, err
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }, nil
}
