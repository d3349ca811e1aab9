package claudecode

import (
	"bytes"
	"time"
)

// Tokens is one API request's usage as a transcript line states it.
type Tokens struct {
	Input  int64 `json:"input"`
	Output int64 `json:"output"`
	// CacheCreation is cache_creation_input_tokens: all cache writes.
	CacheCreation int64 `json:"cache_creation"`
	CacheRead     int64 `json:"cache_read"`
	// Write5m and Write1h are the cache_creation split by TTL (0 when the
	// line has no split).
	Write5m int64 `json:"write_5m"`
	Write1h int64 `json:"write_1h"`
	// Batch is service_tier "batch"; Fast is speed "fast"; Regional is an
	// inference_geo other than "" or "global" (US-only inference).
	Batch    bool `json:"batch,omitempty"`
	Fast     bool `json:"fast,omitempty"`
	Regional bool `json:"regional,omitempty"`
}

// Sum is every token of the request.
func (t Tokens) Sum() int64 { return t.Input + t.Output + t.CacheCreation + t.CacheRead }

// line is what one transcript line says about one API request. Its byte
// slices alias the line (or the scanner's decoded copies): they are valid
// only until the next line is parsed.
type line struct {
	at                   time.Time
	messageID, requestID []byte
	model                []byte
	sessionID, cwd       []byte
	tokens               Tokens
	hasUsage             bool
}

// parseLine reads one transcript line. It returns ok false for a line that
// is not one JSON object (cut off mid-write, say) or whose usage fields are
// not numbers; hasUsage is false for lines that carry no request usage
// (user, summary and system lines). An assistant line carries usage in
// message.usage; an agent progress line in data.message.message.usage, with
// its requestId and timestamp in data.message, and the outer line's session
// and folder.
func parseLine(b []byte, l *line) (ok bool) {
	*l = line{}
	s := scanner{b: b}
	var inner line
	s.object(func(key []byte) bool {
		s.lineField(key, l, 0, &inner)
		return !s.bad
	})
	if s.bad || s.peek() != 0 {
		*l = line{}
		return false
	}
	if !l.hasUsage && inner.hasUsage {
		sess, cwd := l.sessionID, l.cwd
		*l = inner
		if len(l.sessionID) == 0 {
			l.sessionID = sess
		}
		if len(l.cwd) == 0 {
			l.cwd = cwd
		}
	}
	return true
}

// progressData reads an agent progress line's data object: its message is
// itself a transcript line.
func (s *scanner) progressData(l *line) {
	*l = line{}
	s.object(func(key []byte) bool {
		if string(key) == "message" {
			*l = line{} // a repeated key: the last one wins
		}
		if string(key) != "message" || s.peek() != '{' {
			s.skip(1)
			return !s.bad
		}
		s.object(func(key []byte) bool {
			s.lineField(key, l, 2, nil)
			return !s.bad
		})
		return !s.bad
	})
}

// lineField reads the value of one key of a transcript line into l: a line
// of the file (depth 0, whose progress data goes to inner) or the line an
// agent progress line nests (depth 2, inner nil). Values of another type
// than the field's are skipped.
func (s *scanner) lineField(key []byte, l *line, depth int, inner *line) {
	switch string(key) {
	case "timestamp":
		l.at = parseTime(s.optString(depth))
	case "sessionId":
		l.sessionID = s.optString(depth)
	case "cwd":
		l.cwd = s.optString(depth)
	case "requestId":
		l.requestID = s.optString(depth)
	case "message":
		l.messageID, l.model, l.hasUsage, l.tokens = nil, nil, false, Tokens{} // a repeated key: the last one wins
		if s.peek() == '{' {
			s.message(l, depth)
		} else {
			s.skip(depth)
		}
	case "data":
		switch {
		case inner != nil && s.peek() == '{':
			s.progressData(inner)
		case inner != nil:
			*inner = line{}
			s.skip(depth)
		default:
			s.skip(depth)
		}
	default:
		s.skip(depth)
	}
}

// message reads a message object: id, model and usage.
func (s *scanner) message(l *line, depth int) {
	s.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			l.messageID = s.optString(depth + 1)
		case "model":
			l.model = s.optString(depth + 1)
		case "usage":
			l.hasUsage, l.tokens = false, Tokens{}
			if s.peek() == '{' {
				l.hasUsage = true
				s.usage(&l.tokens)
			} else {
				s.skip(depth + 1)
			}
		default:
			s.skip(depth + 1)
		}
		return !s.bad
	})
}

// usage reads a Messages API usage object.
func (s *scanner) usage(t *Tokens) {
	*t = Tokens{}
	s.object(func(key []byte) bool {
		switch string(key) {
		case "input_tokens":
			t.Input = s.int()
		case "output_tokens":
			t.Output = s.int()
		case "cache_creation_input_tokens":
			t.CacheCreation = s.int()
		case "cache_read_input_tokens":
			t.CacheRead = s.int()
		case "cache_creation":
			t.Write5m, t.Write1h = 0, 0
			if s.peek() != '{' {
				s.skip(3)
				break
			}
			s.object(func(key []byte) bool {
				switch string(key) {
				case "ephemeral_5m_input_tokens":
					t.Write5m = s.int()
				case "ephemeral_1h_input_tokens":
					t.Write1h = s.int()
				default:
					s.skip(4)
				}
				return !s.bad
			})
		case "service_tier":
			t.Batch = string(s.optString(3)) == "batch"
		case "speed":
			t.Fast = string(s.optString(3)) == "fast"
		case "inference_geo":
			g := s.optString(3)
			t.Regional = len(g) > 0 && !bytes.EqualFold(g, []byte("global"))
		default:
			s.skip(3)
		}
		return !s.bad
	})
}

// optString reads a string value, or skips a value of another kind (null)
// and returns nil.
func (s *scanner) optString(depth int) []byte {
	if s.peek() == '"' {
		return s.str()
	}
	s.skip(depth)
	return nil
}

// parseTime reads an RFC 3339 timestamp; the fixed layout Claude Code
// writes (2026-12-01T10:00:00.000Z) is read without allocating. A value that
// is not a time reads as the zero time.
func parseTime(b []byte) time.Time {
	if len(b) == 24 && b[4] == '-' && b[7] == '-' && b[10] == 'T' && b[13] == ':' && b[16] == ':' && b[19] == '.' && b[23] == 'Z' {
		n := func(i, w int) int {
			v := 0
			for _, c := range b[i : i+w] {
				if c < '0' || c > '9' {
					return -1
				}
				v = v*10 + int(c-'0')
			}
			return v
		}
		y, mo, d, h, mi, sec, ms := n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2), n(20, 3)
		if y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60 && ms >= 0 {
			if t := time.Date(y, time.Month(mo), d, h, mi, sec, ms*int(time.Millisecond), time.UTC); t.Day() == d {
				return t
			}
		}
	}
	t, err := time.Parse(time.RFC3339Nano, string(b))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
