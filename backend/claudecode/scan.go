package claudecode

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// scanner walks one JSON value in place without decoding what it skips.
// Transcript lines are mostly long strings (tool results, file contents) that
// the source never needs; skipping a string costs one bytes.IndexByte per
// escaped quote, so a line is read at memory speed. Any structural error (a
// line cut off mid-write, unbalanced brackets) sets bad; the caller then
// drops the line. Values inside skipped strings are not validated, so the
// scanner accepts some lines encoding/json would reject, never the reverse
// for the fields it reads (FuzzParseLine checks this).
type scanner struct {
	b   []byte
	i   int
	bad bool
}

// maxDepth bounds nesting, so a hostile line cannot exhaust the stack.
const maxDepth = 512

// ws skips white space.
func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

// fail marks the input as malformed.
func (s *scanner) fail() { s.bad, s.i = true, len(s.b) }

// rawString reads a string and returns its raw bytes between the quotes
// (escapes not decoded) and whether it holds a backslash.
func (s *scanner) rawString() (raw []byte, escaped bool) {
	if s.peek() != '"' {
		s.fail()
		return nil, false
	}
	start := s.i + 1
	j := start
	for {
		k := bytes.IndexByte(s.b[j:], '"')
		if k < 0 {
			s.fail()
			return nil, false
		}
		j += k
		n := 0 // backslashes right before the quote
		for p := j - 1; p >= start && s.b[p] == '\\'; p-- {
			n++
		}
		if n%2 == 0 {
			break
		}
		j++
	}
	raw = s.b[start:j]
	s.i = j + 1
	return raw, bytes.IndexByte(raw, '\\') >= 0
}

// str reads a string value. The result aliases the input unless the string
// has escapes, which are decoded (a Windows cwd, say).
func (s *scanner) str() []byte {
	start := s.i
	raw, escaped := s.rawString()
	if s.bad || !escaped {
		return raw
	}
	var out string
	if err := json.Unmarshal(s.b[start:s.i], &out); err != nil {
		s.fail()
		return nil
	}
	return []byte(out)
}

// int reads an integer; a fraction, exponent or null reads 0 and fails the
// line only when the value is not a JSON number at all.
func (s *scanner) int() int64 {
	s.ws()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	tok := s.b[start:s.i]
	if n, ok := digitsValue(tok); ok {
		return n
	}
	if len(tok) == 0 {
		s.skip(0)
		if !s.bad && string(s.b[start:s.i]) != "null" {
			s.fail() // a string or object where a token count belongs
		}
		return 0
	}
	n, err := strconv.ParseInt(string(tok), 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(string(tok), 64)
		if ferr != nil {
			s.fail()
			return 0
		}
		return int64(f)
	}
	return n
}

// object calls field for each key of an object; field must consume the
// value (with skip or a reader) and may return false to stop early, which
// leaves the rest of the object unread.
func (s *scanner) object(field func(key []byte) bool) {
	if s.peek() != '{' {
		s.fail()
		return
	}
	s.i++
	if s.peek() == '}' {
		s.i++
		return
	}
	for !s.bad {
		key, _ := s.rawString()
		if s.peek() != ':' {
			s.fail()
			return
		}
		s.i++
		if !field(key) {
			return
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return
		default:
			s.fail()
			return
		}
	}
}

// skip skips one value of any kind; depth is the current nesting.
func (s *scanner) skip(depth int) {
	switch c := s.peek(); c {
	case '"':
		s.rawString()
	case '{', '[':
		if depth >= maxDepth {
			s.fail()
			return
		}
		s.container(depth)
	case 0:
		s.fail()
	default:
		start := s.i
		for s.i < len(s.b) {
			c := s.b[s.i]
			if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				break
			}
			s.i++
		}
		if s.i == start || !validScalar(s.b[start:s.i]) {
			s.fail()
		}
	}
}

// container skips an object or array, checking that brackets balance and
// that keys and values alternate.
func (s *scanner) container(depth int) {
	closer := byte('}')
	if s.b[s.i] == '[' {
		closer = ']'
	}
	s.i++
	if s.peek() == closer {
		s.i++
		return
	}
	for !s.bad {
		if closer == '}' {
			s.rawString()
			if s.peek() != ':' {
				s.fail()
				return
			}
			s.i++
		}
		s.skip(depth + 1)
		switch s.peek() {
		case ',':
			s.i++
		case closer:
			s.i++
			return
		default:
			s.fail()
			return
		}
	}
}

// validScalar reports whether tok is a JSON literal or number.
func validScalar(tok []byte) bool {
	switch string(tok) {
	case "true", "false", "null":
		return true
	}
	_, err := strconv.ParseFloat(string(tok), 64)
	return err == nil && tok[0] != '+' && tok[0] != '.'
}

// digitsValue parses a plain non-negative integer of at most 18 digits
// without allocating (every token count in practice).
func digitsValue(tok []byte) (int64, bool) {
	if len(tok) == 0 || len(tok) > 18 || (tok[0] == '0' && len(tok) > 1) {
		return 0, false
	}
	var n int64
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}
