// Package atomicfile writes files so that a crash at any moment leaves either
// the old content or the new one, never a torn mix, and sets aside files that
// cannot be read rather than overwriting them.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// DirMode and FileMode are the permissions of usagedash's own folders and
// files: only the user can read them.
const (
	DirMode  os.FileMode = 0o700
	FileMode os.FileMode = 0o600
)

// WriteFile writes data to path through a temporary file in the same folder:
// write, fsync, rename over path, fsync the folder. The folder is created
// with DirMode when missing; the file gets FileMode.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(FileMode); err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	committed = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// SetAside renames the file at path, which could not be read, to
// "<path>.unreadable-<unix seconds>" so that it is kept rather than
// overwritten, and returns the new path.
func SetAside(path string) (string, error) {
	aside := fmt.Sprintf("%s.unreadable-%d", path, time.Now().Unix())
	return aside, os.Rename(path, aside)
}
