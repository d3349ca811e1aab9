package history

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"usagedash/backend"
)

// errNotRegular is the reason for a report-named path that is a symbolic
// link, a folder, a FIFO, a device or a socket: only regular files are read.
var errNotRegular = &decodeError{"it is a link or a special file, not a stored report"}

// cancelled is the error of a read stopped by its context.
func cancelled(ctx context.Context) error {
	return backend.WrapError(ctx.Err(), backend.EUNAVAILABLE, "Reading the stored reports was cancelled.")
}

// openRegular opens path for reading only if it is a regular file: it is
// checked without following links before the open, opened without following
// links or blocking (see openFlags), and checked again once open, so that a
// file swapped in between is refused too.
func openRegular(path string) (*os.File, error) {
	before, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !before.Mode().IsRegular() {
		return nil, errNotRegular
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		if _, statErr := os.Lstat(path); statErr == nil {
			return nil, errNotRegular // a link swapped in (O_NOFOLLOW's ELOOP)
		}
		return nil, err
	}
	after, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !after.Mode().IsRegular() || !os.SameFile(before, after) {
		f.Close()
		return nil, errNotRegular
	}
	return f, nil
}

// readFile reads a regular file of at most MaxFileSize bytes, stopping when
// ctx ends.
func readFile(ctx context.Context, path string) ([]byte, error) {
	if ctx.Err() != nil {
		return nil, cancelled(ctx)
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return nil, errTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(ctxReader{ctx, f}, MaxFileSize+1))
	if ctx.Err() != nil {
		return nil, cancelled(ctx)
	}
	return data, err
}

// ctxReader is a reader that fails once its context has ended.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// read reads, decodes and checks one report file.
func (s *Store) read(ctx context.Context, pid, name string) (Entry, *backend.Report, error) {
	data, err := readFile(ctx, filepath.Join(s.dir, pid, name))
	if err != nil {
		return Entry{}, nil, err
	}
	e, r, err := decodeReportFile(data)
	if err != nil {
		return Entry{}, nil, err
	}
	if e.ProfileID != pid {
		return Entry{}, nil, &decodeError{"the file belongs to another connection"}
	}
	e.ID = pid + "/" + stem(name)
	return e, r, nil
}

// isCancel reports whether err is a read stopped by its context.
func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
