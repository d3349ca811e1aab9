package platform

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// Causes kept in the Err field of the client's errors, so callers can tell
// failures with the same code apart with errors.Is.
var (
	// ErrWrongCredentials: the platform refused the username/email or password.
	ErrWrongCredentials = errors.New("platform: wrong credentials")
	// ErrDeactivated: the platform says the account is deactivated.
	ErrDeactivated = errors.New("platform: account deactivated")
	// ErrSessionExpired: the platform refused the token (expired, invalid, or
	// the user is gone or inactive). The user must sign in again.
	ErrSessionExpired = errors.New("platform: session ended")
	// ErrNotSignedIn: a call that needs a token was made without one.
	ErrNotSignedIn = errors.New("platform: no session token")
	// ErrNotPlatformAPI: the address answered 403, 404 or 405 or redirected,
	// so it is probably not the platform's API (check the address).
	ErrNotPlatformAPI = errors.New("platform: address does not serve the platform API")
	// ErrOffContract: a 2xx answer that does not follow the platform's contract.
	ErrOffContract = errors.New("platform: answer off the contract")
)

// maxDetail is the longest platform detail shown to people, in characters.
const maxDetail = 200

// statusError maps a non-2xx answer to an error. body may be nil.
func (c *Client) statusError(cl call, resp *http.Response, body []byte) error {
	status := resp.StatusCode
	detail := errorDetail(body, cl.secrets)
	switch {
	case status == http.StatusUnauthorized && cl.path == PathLogin:
		if strings.Contains(strings.ToLower(detail), "deactivated") {
			return backend.WrapError(ErrDeactivated, backend.EUNAUTHORIZED, "This account is deactivated.")
		}
		return backend.WrapError(ErrWrongCredentials, backend.EUNAUTHORIZED, "Wrong username/email or password.")
	case status == http.StatusUnauthorized:
		return backend.WrapError(ErrSessionExpired, backend.EUNAUTHORIZED, "Your session has ended. Sign in again.")
	case status == http.StatusBadRequest && detail != "":
		return backend.Errorf(backend.EINVALID, "The platform rejected the request: %s", sentence(detail))
	case status == http.StatusForbidden || status == http.StatusNotFound || status == http.StatusMethodNotAllowed:
		return backend.WrapError(ErrNotPlatformAPI, backend.EINVALID, fmt.Sprintf(
			"%s does not look like the platform's API (HTTP %d at %s). Check the platform address.", textsafe.Quote(c.BaseURL()), status, cl.path))
	case status >= 300 && status <= 399:
		return backend.WrapError(ErrNotPlatformAPI, backend.EINVALID, fmt.Sprintf(
			"%s redirects elsewhere (HTTP %d%s). Enter the address the platform is served at.", textsafe.Quote(c.BaseURL()), status, textsafe.Quote(redirectTarget(resp))))
	case status == http.StatusTooManyRequests:
		return backend.Errorf(backend.EUNAVAILABLE, "The platform is busy (HTTP 429). Try again in a moment.")
	case status >= 500 && detail != "":
		return backend.Errorf(backend.EUNAVAILABLE, "The platform had an internal error (HTTP %d): %s", status, sentence(detail))
	case status >= 500:
		return backend.Errorf(backend.EUNAVAILABLE, "The platform had an internal error (HTTP %d).", status)
	case status >= 400:
		return backend.Errorf(backend.EINVALID, "The platform rejected the request (HTTP %d at %s).", status, cl.path)
	default:
		return backend.WrapError(ErrOffContract, backend.EBADDATA, fmt.Sprintf(
			"The platform answered with an unexpected HTTP status %d at %s.", status, cl.path))
	}
}

// errorDetail returns the platform's {"detail": "..."} text when it is short
// printable text that holds none of secrets, and "" otherwise.
func errorDetail(body []byte, secrets []string) string {
	var e struct {
		Detail any `json:"detail"`
	}
	if len(body) == 0 || json.Unmarshal(body, &e) != nil {
		return ""
	}
	d, ok := e.Detail.(string)
	d = strings.TrimSpace(d)
	if !ok || d == "" || !utf8.ValidString(d) || utf8.RuneCountInString(d) > maxDetail {
		return ""
	}
	for _, r := range d {
		if !unicode.IsPrint(r) {
			return ""
		}
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(d, s) {
			return ""
		}
	}
	return d
}

// sentence ends s with a full stop unless it already ends with punctuation.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// redirectTarget describes a redirect's destination by scheme and host only.
func redirectTarget(resp *http.Response) string {
	loc, err := resp.Location()
	if err != nil || loc.Host == "" {
		return ""
	}
	return " to " + loc.Scheme + "://" + loc.Host
}

// transportError maps a failure to send or to read an answer. ctx is the
// call's context (with the client's timeout).
func (c *Client) transportError(ctx context.Context, err error) error {
	host := textsafe.Quote(c.base.Host)
	var (
		unknownCA  x509.UnknownAuthorityError
		hostErr    x509.HostnameError
		invalidErr x509.CertificateInvalidError
		verifyErr  *tls.CertificateVerificationError
		recordErr  tls.RecordHeaderError
		alertErr   tls.AlertError
		dnsErr     *net.DNSError
		netErr     net.Error
	)
	switch {
	case errors.Is(err, context.Canceled) && ctx.Err() == context.Canceled:
		return backend.WrapError(context.Canceled, backend.EUNAVAILABLE, "The request to the platform was cancelled.")
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded ||
		(errors.As(err, &netErr) && netErr.Timeout()):
		return backend.WrapError(context.DeadlineExceeded, backend.EUNAVAILABLE,
			fmt.Sprintf("The platform at %s did not answer in time.", host))
	case errors.As(err, &unknownCA):
		return tlsError(err, "it is signed by an authority this computer does not trust")
	case errors.As(err, &hostErr):
		return tlsError(err, fmt.Sprintf("it is not valid for %s", textsafe.Quote(c.base.Hostname())))
	case errors.As(err, &invalidErr):
		if invalidErr.Reason == x509.Expired {
			return tlsError(err, "it has expired or is not valid yet")
		}
		return tlsError(err, "it is not valid")
	case errors.As(err, &verifyErr):
		return tlsError(err, "it could not be verified")
	case errors.As(err, &recordErr) || errors.Is(err, http.ErrSchemeMismatch):
		return backend.WrapError(cause(err), backend.EUNAVAILABLE,
			fmt.Sprintf("%s did not answer with TLS; it may serve plain http only.", host))
	case errors.As(err, &alertErr) || strings.Contains(err.Error(), "tls: "):
		return backend.WrapError(cause(err), backend.EUNAVAILABLE,
			fmt.Sprintf("The secure (TLS) connection to %s failed.", host))
	case errors.As(err, &dnsErr):
		return backend.WrapError(cause(err), backend.EUNAVAILABLE,
			fmt.Sprintf("Cannot reach %s: the name %s cannot be found.", host, textsafe.Quote(c.base.Hostname())))
	case errors.Is(err, syscall.ECONNREFUSED):
		return backend.WrapError(cause(err), backend.EUNAVAILABLE,
			fmt.Sprintf("Cannot reach %s: the connection was refused. Is the platform running?", host))
	default:
		return backend.WrapError(cause(err), backend.EUNAVAILABLE, fmt.Sprintf("Cannot reach %s.", host))
	}
}

// tlsError is the error for an untrusted certificate.
func tlsError(err error, reason string) error {
	return backend.WrapError(cause(err), backend.EUNAVAILABLE, "The platform's TLS certificate is not trusted: "+reason+".")
}

// cause strips a *url.Error (which repeats the method and URL) from err.
func cause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
