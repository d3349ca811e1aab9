package mongodb

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/x/mongo/driver/topology"

	"usagedash/backend"
)

// queryFailed maps a driver error met while reading to a safe message.
func (s *Source) queryFailed(err error) error {
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
