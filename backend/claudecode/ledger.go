package claudecode

import (
	"slices"
	"strings"
)

// request is one counted API request. Its names (model, working directory,
// session, transcript file) are ids into the ledger's interned names, so a
// request holds no pointers and a million of them cost the collector
// nothing to scan.
type request struct {
	key     string
	at      int64 // Unix milliseconds; 0 when the line had no timestamp
	model   uint32
	project uint32
	session uint32
	file    uint32
	tokens  Tokens
}

// ledger holds every request counted so far, each once by its key
// (message.id and requestId), with its largest usage. Merging the same line
// twice changes nothing, which is what makes a re-read after a crash safe.
type ledger struct {
	names    []string
	nameIDs  map[string]uint32
	requests []request
	byKey    map[string]int32
}

func newLedger() *ledger {
	l := &ledger{nameIDs: map[string]uint32{}, byKey: map[string]int32{}}
	l.intern("") // id 0 is "no name"
	return l
}

// intern returns the id of name, adding it when new.
func (l *ledger) intern(name string) uint32 {
	if id, ok := l.nameIDs[name]; ok {
		return id
	}
	id := uint32(len(l.names))
	l.names = append(l.names, name)
	l.nameIDs[name] = id
	return id
}

// parsed is one request as a transcript line states it, detached from the
// line's bytes.
type parsed struct {
	key                 string
	at                  int64
	model, session, cwd string
	tokens              Tokens
}

// syntheticModel is what Claude Code writes for messages it made itself
// (errors, interruptions): no API request.
const syntheticModel = "<synthetic>"

// merge counts p, first seen in the transcript with name id file. A request
// seen before keeps its first line's time, model, folder and session and
// takes p's usage when p's is larger (a streamed placeholder corrected, a
// subagent's replay). It returns the index of the request it changed, or -1
// when nothing changed.
func (l *ledger) merge(p *parsed, file uint32) int {
	if i, ok := l.byKey[p.key]; ok {
		r := &l.requests[i]
		if p.tokens.Sum() <= r.tokens.Sum() {
			return -1
		}
		r.tokens = p.tokens
		return int(i)
	}
	if p.tokens.Sum() == 0 || p.model == syntheticModel {
		return -1
	}
	l.requests = append(l.requests, request{key: p.key, at: p.at, model: l.intern(p.model),
		project: l.intern(p.cwd), session: l.intern(p.session), file: file, tokens: p.tokens})
	i := len(l.requests) - 1
	l.byKey[p.key] = int32(i)
	return i
}

// put counts a request read back from the record. A key already counted
// takes r's usage when it is larger, as merge does, so entries written by two
// processes in either order give the same ledger.
func (l *ledger) put(r request) {
	if i, ok := l.byKey[r.key]; ok {
		if q := &l.requests[i]; r.tokens.Sum() > q.tokens.Sum() {
			q.tokens = r.tokens
		}
		return
	}
	l.requests = append(l.requests, r)
	l.byKey[r.key] = int32(len(l.requests) - 1)
}

// requestKey is the key one request is counted once by.
func requestKey(messageID, requestID []byte) string {
	var b strings.Builder
	b.Grow(len(messageID) + 1 + len(requestID))
	b.Write(messageID)
	b.WriteByte(0)
	b.Write(requestID)
	return b.String()
}

// bytesPerRequest is a low estimate of transcript bytes per request, to
// size the ledger before a large read instead of growing it many times.
const bytesPerRequest = 6000

// expect makes room for the requests of about newBytes of transcripts.
func (l *ledger) expect(newBytes int64) {
	n := int(newBytes / bytesPerRequest)
	l.requests = slices.Grow(l.requests, n)
	if len(l.byKey) == 0 && n > 0 {
		l.byKey = make(map[string]int32, n)
	}
}
