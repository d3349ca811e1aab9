package app

import (
	"context"
	"sync"

	"usagedash/backend"
)

// opener connects a source; it must honour ctx's deadline.
type opener func(ctx context.Context) (backend.Source, error)

// lazySource connects on first use and, after a failed connection, tries
// again on the next report, so the window can start while the server is down
// and recover (a Retry works) once it is back.
type lazySource struct {
	open    opener
	offline backend.SourceInfo

	mu     sync.Mutex
	source backend.Source
}

var _ backend.Source = (*lazySource)(nil)

// newLazySource returns a lazySource; offline describes the source until it
// has connected.
func newLazySource(open opener, offline backend.SourceInfo) *lazySource {
	return &lazySource{open: open, offline: offline}
}

// Info describes the connected source, or the one it will connect to.
func (l *lazySource) Info() backend.SourceInfo {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.source != nil {
		return l.source.Info()
	}
	return l.offline
}

// Report connects if needed, then asks the source for q's report.
func (l *lazySource) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	src, err := l.connected(ctx)
	if err != nil {
		return nil, err
	}
	return src.Report(ctx, q)
}

func (l *lazySource) connected(ctx context.Context) (backend.Source, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.source == nil {
		src, err := l.open(ctx)
		if err != nil {
			return nil, err
		}
		l.source = src
	}
	return l.source, nil
}

// Close closes the source if it was opened.
func (l *lazySource) Close(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.source == nil {
		return nil
	}
	err := l.source.Close(ctx)
	l.source = nil
	return err
}
