//go:build !unix

package claudecode

import "os"

// lockFile is a no-op where flock is missing: there, run one usagedash at a
// time against a record.
func lockFile(*os.File) (unlock func(), err error) { return func() {}, nil }
