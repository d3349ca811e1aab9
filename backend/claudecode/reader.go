package claudecode

import (
	"bytes"
	"errors"
	"hash/fnv"
	"io"
	"os"
	"strconv"
)

// fileState is what the index remembers of one transcript, so a refresh
// reads only what was appended since.
type fileState struct {
	Size  int64  `json:"size"`
	ModNS int64  `json:"mtime_ns"`
	Inode uint64 `json:"inode"`
	// Offset is how far the file was read: through its last complete line.
	Offset int64 `json:"offset"`
	// Head is a hash of the file's first HeadLen bytes, to tell a file
	// replaced by another of at least the same size.
	Head    uint64 `json:"head"`
	HeadLen int    `json:"head_len"`
	// The file's partial sums up to Offset: lines read, request lines among
	// them, and unreadable lines.
	Lines    int64 `json:"lines"`
	Requests int64 `json:"requests"`
	Bad      int64 `json:"bad"`
	// Pending is set when the file ends in a line that is not complete
	// JSON yet (being written, or cut off); it is read again next time.
	Pending bool `json:"pending,omitempty"`
}

// headLen is how many leading bytes Head covers at most.
const headLen = 1024

// chunkSize is how much of a transcript is read at once. Lines longer than
// it (a large tool result) grow the buffer for that file only.
const chunkSize = 1 << 20

// unchanged reports whether info describes the file as st last saw it.
func (st *fileState) unchanged(info os.FileInfo) bool {
	return st.Size == info.Size() && st.ModNS == info.ModTime().UnixNano() && st.Inode == inode(info)
}

// fileRead is the outcome of reading one transcript.
type fileRead struct {
	state    fileState
	requests []parsed
	// reset is set when the file was read again from its start (it shrank
	// or was replaced).
	reset bool
}

// readTranscript reads path from where prev left it (from the start when the
// file shrank, was replaced, or is new) and returns the requests its new
// lines state. The file is opened without blocking and must be a regular
// file, so a FIFO in its place fails at once.
func readTranscript(path string, prev fileState, buf *[]byte) (fileRead, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return fileRead{state: prev}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fileRead{state: prev}, err
	}
	if !info.Mode().IsRegular() {
		return fileRead{state: prev}, errors.New("not a regular file")
	}
	out := fileRead{state: prev}
	st := &out.state
	if st.Inode != inode(info) || info.Size() < st.Offset || !sameHead(f, st) {
		*st, out.reset = fileState{Inode: inode(info)}, prev != (fileState{})
	}
	if _, err := f.Seek(st.Offset, io.SeekStart); err != nil {
		return fileRead{state: prev}, err
	}
	st.Pending = false
	r := lineReader{path: path, names: map[string]string{}, buf: buf}
	if err := r.read(f, &out); err != nil {
		return fileRead{state: prev}, err
	}
	if st.HeadLen < headLen {
		st.Head, st.HeadLen, err = headHash(f, min(info.Size(), headLen))
		if err != nil {
			return fileRead{state: prev}, err
		}
	}
	st.Size, st.ModNS = info.Size(), info.ModTime().UnixNano()
	return out, nil
}

// sameHead reports whether the file still starts with the bytes st hashed.
func sameHead(f *os.File, st *fileState) bool {
	if st.HeadLen == 0 {
		return true
	}
	h, n, err := headHash(f, int64(st.HeadLen))
	return err == nil && n == st.HeadLen && h == st.Head
}

// headHash hashes the first n bytes of f.
func headHash(f *os.File, n int64) (uint64, int, error) {
	buf := make([]byte, n)
	got, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, 0, err
	}
	h := fnv.New64a()
	h.Write(buf[:got])
	return h.Sum64(), got, nil
}

// lineReader splits a transcript into lines and parses them.
type lineReader struct {
	path string
	// buf is the read buffer, kept by the caller from file to file.
	buf   *[]byte
	names map[string]string // interned model, session and folder names
	line  line
}

// read reads f to its end from out.state.Offset, advancing the offset past
// every complete line.
func (r *lineReader) read(f io.Reader, out *fileRead) error {
	if len(*r.buf) < chunkSize {
		*r.buf = make([]byte, chunkSize)
	}
	buf := *r.buf
	defer func() { *r.buf = buf }()
	start, end := 0, 0 // buf[start:end] is unread
	for {
		if end == len(buf) {
			if start > 0 {
				end = copy(buf, buf[start:end])
				start = 0
			} else {
				buf = append(buf, make([]byte, len(buf))...)
			}
		}
		n, err := f.Read(buf[end:])
		end += n
		for {
			nl := bytes.IndexByte(buf[start:end], '\n')
			if nl < 0 {
				break
			}
			r.take(buf[start:start+nl], out)
			out.state.Offset += int64(nl + 1)
			start += nl + 1
		}
		if errors.Is(err, io.EOF) || (err == nil && n == 0) {
			break
		}
		if err != nil {
			return err
		}
	}
	if tail := buf[start:end]; len(bytes.TrimSpace(tail)) > 0 {
		if complete := parseLine(bytes.TrimSpace(tail), &r.line); complete {
			r.take(tail, out)
			out.state.Offset += int64(len(tail))
		} else {
			out.state.Pending = true
		}
	}
	return nil
}

// usageMarker is in every line that carries usage; lines without it are
// only checked to be one object, not parsed.
var usageMarker = []byte(`"usage"`)

// mayCarryUsage reports whether line b may carry a request's usage: it
// holds the usage marker and is not a user line. A user line (a prompt or
// a tool result, most of a transcript's bytes) is told by its type field,
// which Claude Code writes before the message, so the line's large content
// is never searched.
func mayCarryUsage(b []byte) bool {
	return string(leadingType(b)) != "user" && bytes.Contains(b, usageMarker)
}

// leadingType is the value of a line's top-level type field when it comes
// before the line's message or data (nil otherwise, or for a malformed
// line: the caller then looks further).
func leadingType(b []byte) (typ []byte) {
	s := scanner{b: b}
	s.object(func(key []byte) bool {
		switch string(key) {
		case "type":
			typ = s.optString(0)
			return false
		case "message", "data", "toolUseResult":
			return false
		}
		s.skip(0)
		return !s.bad
	})
	return typ
}

// take reads one complete line into out and reports whether it was
// readable.
func (r *lineReader) take(b []byte, out *fileRead) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return true
	}
	ok := false
	hasUsage := false
	if mayCarryUsage(b) {
		ok = parseLine(b, &r.line)
		hasUsage = ok && r.line.hasUsage
	} else {
		ok = b[0] == '{' && b[len(b)-1] == '}'
	}
	out.state.Lines++
	if !ok {
		out.state.Bad++
		return false
	}
	if hasUsage {
		out.state.Requests++
		out.requests = append(out.requests, r.detach(out.state.Offset))
	}
	return true
}

// detach copies the current line's request out of the line's bytes.
func (r *lineReader) detach(offset int64) parsed {
	l := &r.line
	p := parsed{at: l.at.UnixMilli(), model: r.name(l.model), session: r.name(l.sessionID), cwd: r.name(l.cwd), tokens: l.tokens}
	if l.at.IsZero() {
		p.at = 0
	}
	if len(l.messageID) > 0 || len(l.requestID) > 0 {
		p.key = requestKey(l.messageID, l.requestID)
	} else { // no id to count it once by: the line is its own request
		p.key = "@" + r.path + ":" + strconv.FormatInt(offset, 10)
	}
	return p
}

// name interns b for this file.
func (r *lineReader) name(b []byte) string {
	if s, ok := r.names[string(b)]; ok {
		return s
	}
	s := string(b)
	r.names[s] = s
	return s
}
