package backend

import (
	"errors"
	"fmt"

	"usagedash/backend/textsafe"
)

// Error codes. They say what kind of failure happened so the UI and the CLI
// can react (ask to sign in again, offer a retry) without parsing messages.
const (
	EINVALID      = "invalid"      // the request or configuration is wrong
	ENOTFOUND     = "not_found"    // a user, profile or report does not exist
	EUNAUTHORIZED = "unauthorized" // credentials are wrong or the session ended
	EUNAVAILABLE  = "unavailable"  // the server or database cannot be reached
	ELOCKED       = "locked"       // the keychain is locked: unlock it, then retry
	EBADDATA      = "bad_data"     // the server answered something off-contract
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is a failure meant for people: Message is a complete sentence that is
// safe to show (it never carries secrets), Code classifies it, and Err keeps
// the underlying cause for logs and errors.Is.
type Error struct {
	Code    string
	Message string
	Err     error
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message. Text
// arguments (strings, errors, Stringers) are what a person typed or a server
// sent: they are cleaned of control characters and cut to
// textsafe.MaxQuoted characters, so a message never repeats 100 KB of input
// or carries escape codes.
func Errorf(code, format string, args ...any) *Error {
	safe := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			safe[i] = textsafe.Quote(v)
		case error:
			safe[i] = textsafe.Quote(v.Error())
		case fmt.Stringer:
			safe[i] = textsafe.Quote(v.String())
		default:
			safe[i] = a
		}
	}
	return &Error{Code: code, Message: fmt.Sprintf(format, safe...)}
}

// WrapError returns an *Error with code and message that keeps err as its cause.
func WrapError(err error, code, message string) *Error {
	return &Error{Code: code, Message: message, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of the first *Error in err's chain,
// or a generic sentence for other errors (whose text may not be fit to show).
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong inside usagedash."
}
