package mongodb

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"slices"
	"strings"
	"syscall"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/x/mongo/driver"
	"go.mongodb.org/mongo-driver/x/mongo/driver/auth"
	"go.mongodb.org/mongo-driver/x/mongo/driver/connstring"
	"go.mongodb.org/mongo-driver/x/mongo/driver/topology"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// queryFailed maps a driver error met while reading to a safe message.
func (s *Source) queryFailed(err error) error {
	var authErr *auth.Error
	if errors.As(err, &authErr) || hasCode(err, codeAuthenticationFailed) {
		return backend.WrapError(err, backend.EUNAUTHORIZED, "MongoDB refused the user name or password ("+s.label+").")
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return backend.WrapError(err, backend.EUNAVAILABLE, "The database did not answer in time ("+s.label+").")
	}
	if errors.Is(err, context.Canceled) {
		return backend.WrapError(err, backend.EUNAVAILABLE, "The request was cancelled.")
	}
	if mongo.IsNetworkError(err) || isSelectionError(err) {
		return unreachable(err, s.label)
	}
	return backend.WrapError(err, backend.EUNAVAILABLE, "The database refused the query ("+s.label+").")
}

// lostMidScan maps an error met after logs were already read: the partial
// sums are thrown away, and the message says so.
func (s *Source) lostMidScan(err error, read int64) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return s.queryFailed(err)
	}
	return backend.WrapError(err, backend.EUNAVAILABLE, fmt.Sprintf(
		"The connection to %s broke after %d logs were read, so no report was made from partial data. Try again.", s.label, read))
}

func unreachable(err error, label string) error {
	return backend.WrapError(err, backend.EUNAVAILABLE, "Cannot reach "+label+". Check that the server is running and the address is right.")
}

func isSelectionError(err error) bool {
	var se topology.ServerSelectionError
	return errors.As(err, &se) || errors.Is(err, mongo.ErrClientDisconnected) ||
		strings.Contains(err.Error(), "server selection")
}

// transient reports whether err is a network failure that a new attempt may
// not meet: a broken or refused connection, or a server the driver could not
// select. Deadlines, cancellations and refused queries are not transient.
func transient(err error) bool {
	if err == nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return false
	}
	var le interface{ HasErrorLabel(string) bool }
	if errors.As(err, &le) && (le.HasErrorLabel("RetryableReadError") || le.HasErrorLabel("NetworkError")) {
		return true
	}
	return mongo.IsNetworkError(err) || isSelectionError(err)
}

// invalidValueRE finds the option a connection-string error is about, so the
// message can name it without repeating its value (which may be a secret).
var invalidValueRE = regexp.MustCompile(`invalid (?:value for|option key|option value) "([^"]{1,60})"`)

// uriError maps the driver's refusal of a connection string to a sentence
// that names what is wrong, never the string or an option's value.
func uriError(err error) error {
	msg := err.Error()
	reason := "it is malformed"
	switch m := invalidValueRE.FindStringSubmatch(msg); {
	case strings.Contains(msg, "scheme must be"):
		reason = `it must start with "mongodb://" or "mongodb+srv://"`
	case m != nil && strings.HasPrefix(m[0], "invalid value for"):
		reason = "the option " + m[1] + " has a value it cannot take"
	case strings.Contains(msg, "must have at least one host") || strings.Contains(msg, "empty host"):
		reason = "it names no server"
	case strings.Contains(msg, "port"):
		reason = "a port is not a number from 1 to 65535"
	case strings.Contains(msg, "escape") || strings.Contains(msg, "unescaped"):
		reason = "a user name or password has a character that must be percent-encoded (such as @, : or /)"
	}
	// The driver's text may quote a password or an option's value: only
	// the reason is kept, in the message and as the cause.
	return backend.WrapError(errors.New("mongodb: invalid connection string: "+reason), backend.EINVALID,
		"The MongoDB connection string is not valid: "+reason+". It should look like mongodb://host:27017/ or mongodb+srv://cluster.example.com/.")
}

// unknownOptions refuses a connection string with options the driver does
// not know (it would ignore them, so a misspelt option would silently have
// no effect). It names the options, never their values.
func unknownOptions(cs *connstring.ConnString) error {
	if len(cs.UnknownOptions) == 0 {
		return nil
	}
	names := make([]string, 0, len(cs.UnknownOptions))
	for k := range cs.UnknownOptions {
		names = append(names, textsafe.Quote(k))
	}
	slices.Sort(names)
	return backend.Errorf(backend.EINVALID, "The MongoDB connection string has an option usagedash does not know: %s. Check its spelling.",
		strings.Join(names, ", "))
}

// openError maps a failed first contact with the server (the Ping of Open):
// refused credentials, a refused connection, an unknown host name, no
// answer in time, or another network failure.
func openError(ctx context.Context, err error, label string) error {
	var (
		authErr *auth.Error
		dnsErr  *net.DNSError
	)
	switch {
	case errors.As(err, &authErr) || hasCode(err, codeAuthenticationFailed):
		return backend.WrapError(err, backend.EUNAUTHORIZED, "MongoDB refused the user name or password ("+label+
			"). Check the credentials and the authSource of the connection string.")
	case errors.Is(err, context.Canceled) && ctx.Err() == context.Canceled:
		return backend.WrapError(err, backend.EUNAVAILABLE, "The connection to MongoDB was cancelled.")
	case inServerErrors(err, func(e error) bool { return errors.Is(e, syscall.ECONNREFUSED) }):
		return backend.WrapError(err, backend.EUNAVAILABLE, "Cannot reach "+label+
			": the connection was refused. Check that the server is running and the address and port are right.")
	case inServerErrors(err, func(e error) bool { return errors.As(e, &dnsErr) }):
		return backend.WrapError(err, backend.EUNAVAILABLE, "Cannot reach "+label+": the host name cannot be found.")
	case errors.Is(err, context.DeadlineExceeded) || mongo.IsTimeout(err) || isSelectionError(err):
		return backend.WrapError(err, backend.EUNAVAILABLE, label+
			" did not answer in time. Check the address, and that no firewall holds the connection.")
	default:
		return unreachable(err, label)
	}
}

// codeAuthenticationFailed is MongoDB's error code for refused credentials.
const codeAuthenticationFailed = 18

func hasCode(err error, code int32) bool {
	var de driver.Error
	return errors.As(err, &de) && de.Code == code
}

// inServerErrors reports whether match holds for err or for one of the last
// errors of the servers a failed server selection knew: the driver keeps a
// refused connection or an unknown host there.
func inServerErrors(err error, match func(error) bool) bool {
	if match(err) {
		return true
	}
	var se topology.ServerSelectionError
	if errors.As(err, &se) {
		for _, s := range se.Desc.Servers {
			if s.LastError != nil && match(s.LastError) {
				return true
			}
		}
	}
	return false
}
