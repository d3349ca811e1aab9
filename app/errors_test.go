package app_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"usagedash/app"
	"usagedash/backend"
)

func TestFormatErrorKeepsCodesAndHidesInternals(t *testing.T) {
	cases := []struct {
		err  error
		want app.UIError
	}{
		{backend.Errorf(backend.ENOTFOUND, "No user %q.", "x"), app.UIError{Code: "not_found", Message: `No user "x".`}},
		{fmt.Errorf("wrapped: %w", backend.WrapError(errors.New("dial tcp: secret@host"), backend.EUNAVAILABLE, "Cannot reach the server.")),
			app.UIError{Code: "unavailable", Message: "Cannot reach the server."}},
		{errors.New("mongodb://user:pw@host failed"), app.UIError{Code: "internal", Message: "Something went wrong inside usagedash."}},
		{fmt.Errorf("x: %w", context.DeadlineExceeded), app.UIError{Code: "unavailable", Message: "The request took too long and was stopped."}},
	}
	for _, c := range cases {
		if got := app.FormatError(c.err); got != c.want {
			t.Errorf("FormatError(%v) = %+v, want %+v", c.err, got, c.want)
		}
	}
}
