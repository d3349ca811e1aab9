package platform

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"usagedash/backend"
)

// Version is sent in the User-Agent header as "usagedash/<Version>"; main
// sets it to the app's version at start-up.
var Version = "dev"

// Defaults for Options.
const (
	DefaultTimeout          = 15 * time.Second
	DefaultMaxResponseBytes = 1 << 20
)

// Options tune a Client. The zero value is a safe default.
type Options struct {
	// AllowInsecureHTTP permits plain http:// to a host that is not loopback.
	// Tokens and passwords then cross the network unencrypted.
	AllowInsecureHTTP bool
	// Timeout bounds each call (default DefaultTimeout); ctx may shorten it.
	Timeout time.Duration
	// HTTPClient replaces the client's own *http.Client. Its redirect
	// policy then applies; the client's own one follows no redirects.
	HTTPClient *http.Client
	// MaxResponseBytes bounds a response body (default DefaultMaxResponseBytes).
	MaxResponseBytes int64
}

// Client calls the platform's API. It is safe for concurrent use. Every
// error it returns is a *backend.Error whose Message is fit to show and never
// holds a password, a token or a response body.
type Client struct {
	base     *url.URL // scheme, host and path prefix without a trailing slash
	insecure bool
	timeout  time.Duration
	maxBytes int64
	http     *http.Client
}

// NewClient returns a client for the platform at baseURL, such as
// "https://platform.example.com" or "https://host/prefix" (the prefix is kept
// before /api/...). Plain http is accepted only for a loopback host or when
// opts.AllowInsecureHTTP is set; otherwise the error has code EINVALID.
func NewClient(baseURL string, opts Options) (*Client, error) {
	raw := strings.TrimSpace(baseURL)
	if raw == "" {
		return nil, backend.Errorf(backend.EINVALID, "Enter the platform's address, such as https://platform.example.com.")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return nil, backend.Errorf(backend.EINVALID, "The platform address is not a valid URL; use a form such as https://platform.example.com.")
	}
	if u.User != nil {
		return nil, backend.Errorf(backend.EINVALID, "The platform address must not contain a user name or password.")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, backend.Errorf(backend.EINVALID, "The platform address must not contain a query (?...) or a fragment (#...).")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	insecure := false
	switch u.Scheme {
	case "https":
	case "http":
		if !IsLoopback(u.Hostname()) {
			if !opts.AllowInsecureHTTP {
				return nil, backend.Errorf(backend.EINVALID,
					"The platform address %s uses plain http, which would send your password unencrypted; use https, or allow insecure http explicitly.", u.Host)
			}
			insecure = true
		}
	default:
		return nil, backend.Errorf(backend.EINVALID, "The platform address must start with https:// (or http:// for this computer).")
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""

	c := &Client{base: u, insecure: insecure, timeout: opts.Timeout, maxBytes: opts.MaxResponseBytes, http: opts.HTTPClient}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.maxBytes <= 0 {
		c.maxBytes = DefaultMaxResponseBytes
	}
	if c.http == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		c.http = &http.Client{
			Transport: tr,
			// A redirect would turn the login POST into a GET and could
			// move the token elsewhere: report it instead (see statusError).
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	return c, nil
}

// IsLoopback reports whether host is localhost or a loopback IP address:
// the only hosts plain HTTP is allowed to without the user's opt-in.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Insecure reports whether the client speaks plain http to a host that is not
// loopback, so the UI can warn that credentials travel unencrypted.
func (c *Client) Insecure() bool { return c.insecure }

// BaseURL returns the normalised platform address (no trailing slash).
func (c *Client) BaseURL() string { return c.base.String() }

// Host returns the platform's host[:port], for labels and messages.
func (c *Client) Host() string { return c.base.Host }

// CloseIdleConnections closes the client's idle keep-alive connections.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// Login signs in with a username or email and a password. A 401 gives an
// EUNAUTHORIZED error wrapping ErrWrongCredentials or ErrDeactivated.
func (c *Client) Login(ctx context.Context, usernameOrEmail, password string) (*LoginResponse, error) {
	if strings.TrimSpace(usernameOrEmail) == "" || password == "" {
		return nil, backend.Errorf(backend.EINVALID, "Enter a username or email and a password.")
	}
	body, err := json.Marshal(LoginRequest{UsernameOrEmail: usernameOrEmail, Password: password})
	if err != nil {
		return nil, backend.Errorf(backend.EINTERNAL, "usagedash could not build the sign-in request.")
	}
	res, err := c.do(ctx, call{method: http.MethodPost, path: PathLogin, body: body, secrets: []string{password}})
	if err != nil {
		return nil, err
	}
	return decodeLogin(res.body, res.contentType)
}

// Me returns the signed-in user. A 401 gives ErrSessionExpired.
func (c *Client) Me(ctx context.Context, token string) (*UserResponse, error) {
	res, err := c.do(ctx, call{method: http.MethodGet, path: PathMe, token: token})
	if err != nil {
		return nil, err
	}
	return decodeUser(res.body, res.contentType)
}

// UsageStats returns the signed-in user's usage over period; an open end of
// the period is not sent. A 401 gives ErrSessionExpired.
func (c *Client) UsageStats(ctx context.Context, token string, period backend.Period) (*UserUsageStats, error) {
	q := url.Values{}
	if period.Start != nil {
		q.Set("period_start", FormatTime(*period.Start))
	}
	if period.End != nil {
		q.Set("period_end", FormatTime(*period.End))
	}
	res, err := c.do(ctx, call{method: http.MethodGet, path: PathUsageStats, token: token, query: q})
	if err != nil {
		return nil, err
	}
	return decodeUsageStats(res.body, res.contentType)
}

// Logout tells the platform the session ends. The platform is stateless, so
// the caller must discard the token whatever the result; a 401 (the session
// had already ended) counts as success.
func (c *Client) Logout(ctx context.Context, token string) error {
	_, err := c.do(ctx, call{method: http.MethodPost, path: PathLogout, token: token})
	if backend.ErrorCode(err) == backend.EUNAUTHORIZED {
		return nil
	}
	return err
}

// FormatTime formats t as the platform's query parameters expect: RFC 3339 in
// UTC with millisecond precision, e.g. 2026-11-01T00:00:00.000Z.
func FormatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// call is one request to the platform.
type call struct {
	method, path string
	token        string // sent as a bearer token unless this is a login
	query        url.Values
	body         []byte   // JSON
	secrets      []string // never to be echoed in a message (the token is added)
}

// response is a 2xx answer read within the size limit.
type response struct {
	body        []byte
	contentType string
}

// do sends cl with the client's timeout and maps every failure to a *backend.Error.
func (c *Client) do(ctx context.Context, cl call) (*response, error) {
	if cl.path != PathLogin && cl.token == "" {
		return nil, backend.WrapError(ErrNotSignedIn, backend.EUNAUTHORIZED, "You are not signed in to the platform.")
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	u := *c.base
	u.Path = c.base.Path + cl.path
	u.RawQuery = cl.query.Encode()
	var body io.Reader
	if cl.body != nil {
		body = bytes.NewReader(cl.body)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, u.String(), body)
	if err != nil {
		return nil, backend.Errorf(backend.EINTERNAL, "usagedash could not build a request to the platform.")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "usagedash/"+Version)
	if cl.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cl.token != "" {
		req.Header.Set("Authorization", "Bearer "+cl.token)
		cl.secrets = append(cl.secrets, cl.token)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes+1))
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	tooBig := int64(len(data)) > c.maxBytes
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		if tooBig {
			data = nil
		}
		return nil, c.statusError(cl, resp, data)
	}
	if tooBig {
		return nil, offContract(fmt.Sprintf("the answer is larger than %d KiB", c.maxBytes/1024))
	}
	return &response{body: data, contentType: resp.Header.Get("Content-Type")}, nil
}
