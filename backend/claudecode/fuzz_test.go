package claudecode

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseLine checks the hand-written scanner against encoding/json: on
// every line encoding/json accepts, parseLine reads the same request (or
// none), and it never panics on anything.
func FuzzParseLine(f *testing.F) {
	files, _ := filepath.Glob("testdata/claude/projects/*/*.jsonl")
	subs, _ := filepath.Glob("testdata/claude/projects/*/*/subagents/*.jsonl")
	for _, p := range append(files, subs...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			f.Add(append([]byte(nil), sc.Bytes()...))
		}
	}
	f.Add([]byte(`{"message":{"usage":{"input_tokens":1.5e2,"output_tokens":null,"cache_creation":{"ephemeral_1h_input_tokens":-3}}},"timestamp":"2026-02-30T00:00:00.000Z"}`))
	f.Add([]byte(`{"cwd":"C:\\Users\\u","message":{"id":"a\"b","usage":{"speed":"fast","inference_geo":"GLOBAL"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var got line
		ok := parseLine(b, &got)
		want, wantOK := reference(b)
		if !wantOK {
			return // encoding/json rejects it, or it holds values outside the oracle
		}
		if !ok {
			t.Fatalf("parseLine rejected a line encoding/json reads: %q", b)
		}
		if got.hasUsage != want.hasUsage || string(got.messageID) != string(want.messageID) || string(got.requestID) != string(want.requestID) ||
			string(got.model) != string(want.model) || string(got.sessionID) != string(want.sessionID) || string(got.cwd) != string(want.cwd) ||
			got.tokens != want.tokens || !got.at.Equal(want.at) {
			t.Fatalf("line %q\n got %+v\nwant %+v", b, got, want)
		}
	})
}

// reference reads a line with encoding/json, case-sensitively, as
// parseLine is meant to. ok is false for lines it does not judge: not a
// valid JSON object, invalid UTF-8, or token counts that are not numbers of
// a safe size.
func reference(b []byte) (l line, ok bool) {
	if !utf8.Valid(b) {
		return l, false
	}
	var top map[string]any
	if json.Unmarshal(b, &top) != nil || top == nil {
		return l, false
	}
	ok = true
	str := func(m map[string]any, k string) []byte {
		if s, isStr := m[k].(string); isStr {
			return []byte(s)
		}
		return nil
	}
	num := func(m map[string]any, k string) int64 {
		switch v := m[k].(type) {
		case nil:
			return 0
		case float64:
			if math.Abs(v) > 1e15 {
				ok = false
			}
			return int64(v)
		default:
			ok = false
			return 0
		}
	}
	readMessage := func(l *line, m map[string]any) {
		l.messageID, l.model = str(m, "id"), str(m, "model")
		u, isObj := m["usage"].(map[string]any)
		if !isObj {
			return
		}
		l.hasUsage = true
		t := &l.tokens
		t.Input, t.Output = num(u, "input_tokens"), num(u, "output_tokens")
		t.CacheCreation, t.CacheRead = num(u, "cache_creation_input_tokens"), num(u, "cache_read_input_tokens")
		if c, isObj := u["cache_creation"].(map[string]any); isObj {
			t.Write5m, t.Write1h = num(c, "ephemeral_5m_input_tokens"), num(c, "ephemeral_1h_input_tokens")
		}
		t.Batch = string(str(u, "service_tier")) == "batch"
		t.Fast = string(str(u, "speed")) == "fast"
		g := str(u, "inference_geo")
		t.Regional = len(g) > 0 && !bytes.EqualFold(g, []byte("global"))
	}
	at := func(m map[string]any) time.Time {
		tm, err := time.Parse(time.RFC3339Nano, string(str(m, "timestamp")))
		if err != nil {
			return time.Time{}
		}
		return tm.UTC()
	}
	l.at, l.sessionID, l.cwd, l.requestID = at(top), str(top, "sessionId"), str(top, "cwd"), str(top, "requestId")
	if m, isObj := top["message"].(map[string]any); isObj {
		readMessage(&l, m)
	}
	if l.hasUsage {
		return l, ok
	}
	d, _ := top["data"].(map[string]any)
	outer, _ := d["message"].(map[string]any)
	inner, isObj := outer["message"].(map[string]any)
	if !isObj {
		return l, ok
	}
	var p line
	readMessage(&p, inner)
	if !p.hasUsage {
		return l, ok
	}
	p.at, p.requestID, p.sessionID, p.cwd = at(outer), str(outer, "requestId"), str(outer, "sessionId"), str(outer, "cwd")
	if len(p.sessionID) == 0 {
		p.sessionID = l.sessionID
	}
	if len(p.cwd) == 0 {
		p.cwd = l.cwd
	}
	return p, ok
}
