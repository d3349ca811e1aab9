package textsafe_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"usagedash/backend/textsafe"
)

func TestCleanRemovesControls(t *testing.T) {
	cases := map[string]string{
		"alice":                        "alice",
		"Zoë Ünal 李":                   "Zoë Ünal 李",
		"\x1b]0;pwned\x07ali\x1b[2Jce": "]0;pwnedali[2Jce",
		"a\rTotal cost $0.00\n":        "aTotal cost $0.00",
		"tab\there\x7f":                "tabhere",
		"c1\u009b31mred":               "c131mred",
		"bidi\u202Egnp.exe":            "bidignp.exe",
		"isolate\u2066x\u2069":         "isolatex",
		"bad\xffutf8":                  "bad\uFFFDutf8",
		"":                             "",
	}
	for in, want := range cases {
		if got := textsafe.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCut(t *testing.T) {
	long := strings.Repeat("é", 100_000)
	got := textsafe.Cut(long, 200)
	if n := utf8.RuneCountInString(got); n != 200 || !strings.HasSuffix(got, textsafe.Ellipsis) {
		t.Fatalf("Cut kept %d characters, ending %q", n, got[len(got)-6:])
	}
	if got := textsafe.Cut("short", 200); got != "short" {
		t.Fatalf("Cut(short) = %q", got)
	}
	if got := textsafe.Cut(strings.Repeat("x", 200), 200); got != strings.Repeat("x", 200) {
		t.Fatal("Cut shortened text of exactly the limit")
	}
	if got := textsafe.Quote("\x1b[31m" + strings.Repeat("a", 500)); utf8.RuneCountInString(got) != 200 || strings.ContainsRune(got, 0x1b) {
		t.Fatalf("Quote = %q", got)
	}
}
