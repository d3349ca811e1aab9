// Package app holds the thin services the Wails window binds: each turns UI
// calls into backend calls with deadlines, and formats errors for the UI.
package app

import (
	"context"
	"errors"

	"usagedash/backend"
)

// UIError is what a failed bound call rejects with in the frontend.
type UIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// FormatError is the Wails ErrorFormatter: it turns any error into a UIError
// whose message is safe to show (no secrets, no driver internals).
func FormatError(err error) any {
	if errors.Is(err, context.DeadlineExceeded) && backend.ErrorCode(err) == backend.EINTERNAL {
		return UIError{Code: backend.EUNAVAILABLE, Message: "The request took too long and was stopped."}
	}
	if errors.Is(err, context.Canceled) && backend.ErrorCode(err) == backend.EINTERNAL {
		return UIError{Code: backend.EUNAVAILABLE, Message: "The request was cancelled."}
	}
	return UIError{Code: backend.ErrorCode(err), Message: backend.ErrorMessage(err)}
}
