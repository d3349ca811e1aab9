package pricing

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"time"

	"usagedash/backend"
)

// Limits of a price download.
const (
	// FetchTimeout is the deadline of one download.
	FetchTimeout = 10 * time.Second
	// MaxDownloadBytes caps a download (LiteLLM's file is a few MB).
	MaxDownloadBytes = 64 << 20
)

// FetchOptions configure a download; the zero value is the defaults.
type FetchOptions struct {
	// Client is the HTTP client (nil: a client of its own). Tests pass one
	// that trusts their own CA.
	Client *http.Client
	// Timeout is the deadline of the whole download (0: FetchTimeout).
	Timeout time.Duration
	// MaxBytes caps the body (0: MaxDownloadBytes).
	MaxBytes int64
}

// Fetch downloads the LiteLLM price file at rawURL over HTTPS only, within
// the options' deadline and size cap, and parses it (ParseLiteLLM). Errors
// are *backend.Error values with one sentence that never quotes the body.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions) (*Download, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, backend.Errorf(backend.EINVALID, "The price list address must be an https:// URL.")
	}
	ctx, cancel := context.WithTimeout(ctx, cmp.Or(opts.Timeout, FetchTimeout))
	defer cancel()
	client := opts.Client
	if client == nil {
		client = &http.Client{}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, backend.WrapError(err, backend.EINVALID, "The price list address is not valid.")
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, backend.WrapError(err, backend.EUNAVAILABLE, "The price list server did not answer in time.")
		}
		return nil, backend.WrapError(err, backend.EUNAVAILABLE, "The price list could not be downloaded (offline, or the server is unreachable).")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, backend.Errorf(backend.EUNAVAILABLE, "The price list server answered %s.", resp.Status)
	}
	limit := cmp.Or(opts.MaxBytes, MaxDownloadBytes)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, backend.WrapError(err, backend.EUNAVAILABLE, "The price list server did not answer in time.")
		}
		return nil, backend.WrapError(err, backend.EUNAVAILABLE, "The price list download was cut short.")
	}
	if int64(len(raw)) > limit {
		return nil, backend.Errorf(backend.EINVALID, "The price list is larger than %d MiB, so it is not used.", limit>>20)
	}
	return ParseLiteLLM(raw, u.String(), time.Now())
}

// ReadFile parses a LiteLLM price file saved at path (for
// `usagedash prices update --file`).
func ReadFile(path string) (*Download, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, backend.WrapError(err, backend.ENOTFOUND, fmt.Sprintf("The price file %s cannot be read.", path))
	}
	if info.Size() > MaxDownloadBytes {
		return nil, backend.Errorf(backend.EINVALID, "The price file is larger than %d MiB, so it is not used.", MaxDownloadBytes>>20)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, backend.WrapError(err, backend.ENOTFOUND, fmt.Sprintf("The price file %s cannot be read.", path))
	}
	return ParseLiteLLM(raw, "file://"+path, time.Now())
}
