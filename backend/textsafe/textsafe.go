// Package textsafe makes text from outside (a platform's answers, a
// database's documents, a person's input) safe to print and to keep: Clean
// removes the characters a terminal acts on, Cut bounds the length of text
// repeated in a message.
package textsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuoted is how many characters of an outside value a message repeats.
const MaxQuoted = 200

// Ellipsis ends text that Cut shortened.
const Ellipsis = "…"

// Clean returns s without control characters: the C0 and C1 controls
// (escape, bell, backspace, carriage return, line feed, tab, CSI...) and
// DEL, which can retitle or clear a terminal and overwrite what it shows,
// and the Unicode bidirectional controls, which reorder text on screen.
// Invalid UTF-8 becomes U+FFFD. Text without such characters is returned
// as is, without allocating.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		if !unsafeRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= utf8.RuneSelf {
			return isCleanSlow(s)
		}
	}
	return true
}

func isCleanSlow(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune reports whether r is a control character or a bidirectional
// formatting character.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}

// Cut returns s cut to at most max characters, ending with Ellipsis when
// something was cut off.
func Cut(s string, max int) string {
	if len(s) <= max || utf8.RuneCountInString(s) <= max {
		return s
	}
	if max < 1 {
		return Ellipsis
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + Ellipsis
		}
		n++
	}
	return s
}

// Quote is the form in which a message repeats an outside value: cleaned
// and cut to MaxQuoted characters.
func Quote(s string) string { return Cut(Clean(s), MaxQuoted) }
