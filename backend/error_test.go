package backend_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"usagedash/backend"
)

// TestErrorfCutsAndCleansArguments: a message quoting an outside value
// repeats at most 200 of its characters and none of its control characters.
func TestErrorfCutsAndCleansArguments(t *testing.T) {
	huge := strings.Repeat("x", 100_000)
	msg := backend.ErrorMessage(backend.Errorf(backend.ENOTFOUND, "No user %q in %s.", huge, "MongoDB\x1b]0;pwned\x07 db"))
	if n := utf8.RuneCountInString(msg); n > 300 {
		t.Fatalf("the message is %d characters long", n)
	}
	if !strings.Contains(msg, strings.Repeat("x", 199)+"…") {
		t.Fatalf("the long value is not cut with an ellipsis: %.300q", msg)
	}
	if strings.ContainsAny(msg, "\x1b\x07") || !strings.HasSuffix(msg, " in MongoDB]0;pwned db.") {
		t.Fatalf("control characters kept: %q", msg[len(msg)-40:])
	}
	if got := backend.ErrorMessage(backend.Errorf(backend.EINVALID, "%d of %s", 42, "ok")); got != "42 of ok" {
		t.Fatalf("plain arguments changed: %q", got)
	}
}
