// Command gen writes a realistic Claude Code transcript corpus for the
// benchmark against ccusage: hundreds of projects and sessions over 45 days,
// large tool results, one line per content block (the first with a
// placeholder output count), subagent transcripts that replay their
// parent's request, agent progress lines, and cut-off lines.
//
//	go run ./bench/claudecode/gen -dir /tmp/corpus -mb 1100
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// models and their shares of requests. claude-opus-5-5 is priced by usagedash
// and (at this ccusage version) unknown to ccusage; claude-mystery-1 is
// unknown to both.
var models = []struct {
	id    string
	share float64
}{
	{"claude-sonnet-4-5-20250929", 0.55},
	{"claude-opus-4-6", 0.22},
	{"claude-haiku-4-5-20251001", 0.17},
	{"claude-opus-5-5", 0.04},
	{"claude-mystery-1", 0.02},
}

func main() {
	dir := flag.String("dir", "", "folder to write (it gets projects/)")
	mb := flag.Int("mb", 1100, "approximate size in MB")
	projects := flag.Int("projects", 300, "number of projects")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-dir is required")
	}
	g := &gen{r: rand.New(rand.NewPCG(*seed, 7)), end: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	g.pool = textPool(g.r)
	budget := int64(*mb) << 20
	perSession := budget / int64(*projects*5)
	for g.written < budget {
		p := g.r.IntN(*projects)
		cwd := fmt.Sprintf("/home/dev/work/project-%03d", p)
		if err := g.session(filepath.Join(*dir, "projects", strings.ReplaceAll(cwd, "/", "-")), cwd, perSession/2+g.r.Int64N(perSession)); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("wrote %d MB in %d sessions, %d requests (%d lines, %d cut off)\n", g.written>>20, g.sessions, g.requests, g.lines, g.bad)
}

type gen struct {
	r                                  *rand.Rand
	end                                time.Time
	pool                               string
	written                            int64
	sessions, requests, lines, bad, id int
}

// out is one transcript being written.
type out struct {
	w *bufio.Writer
	g *gen
}

func (o *out) line(s string) {
	o.w.WriteString(s)
	o.w.WriteByte('\n')
	o.g.written += int64(len(s) + 1)
	o.g.lines++
}

// session writes one session of about size bytes (and maybe a subagent).
func (g *gen) session(dir, cwd string, size int64) error {
	g.sessions++
	sid := fmt.Sprintf("%08x-%04x-4%03x-a%03x-%012x", g.r.Uint32(), g.r.IntN(1<<16), g.r.IntN(1<<12), g.r.IntN(1<<12), g.r.Int64N(1<<48))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, sid+".jsonl"))
	if err != nil {
		return err
	}
	defer f.Close()
	o := &out{w: bufio.NewWriterSize(f, 1<<20), g: g}
	at := g.end.Add(-time.Duration(g.r.Int64N(int64(45 * 24 * time.Hour))))
	start := g.written
	head := fmt.Sprintf(`"cwd":%q,"sessionId":%q,"version":"2.1.3","gitBranch":"main"`, cwd, sid)
	var last string
	for g.written-start < size {
		o.line(fmt.Sprintf(`{"parentUuid":null,"isSidechain":false,"userType":"external",%s,"type":"user","message":{"role":"user","content":%q},"uuid":"%s","timestamp":"%s"}`,
			head, g.text(200+g.r.IntN(800)), g.uuid(), stamp(at)))
		for range 1 + g.r.IntN(6) {
			at = at.Add(time.Duration(5+g.r.IntN(60)) * time.Second)
			last = g.request(o, head, at, false)
			o.line(fmt.Sprintf(`{"parentUuid":"%s","isSidechain":false,"userType":"external",%s,"type":"user","message":{"role":"user","content":[{"tool_use_id":"toolu_%d","type":"tool_result","content":%q}]},"uuid":"%s","timestamp":"%s","toolUseResult":{"stdout":%q}}`,
				g.uuid(), head, g.id, g.text(g.toolSize()), g.uuid(), stamp(at), g.text(200)))
		}
		if g.r.IntN(40) == 0 {
			o.line(fmt.Sprintf(`{"type":"summary","summary":%q,"leafUuid":"%s"}`, g.text(60), g.uuid()))
		}
		if g.r.IntN(500) == 0 {
			g.bad++
			o.line(`{"parentUuid":"` + g.uuid() + `","type":"assistant","message":{"usage":{"input_tokens":12`)
		}
		if g.r.IntN(25) == 0 && last != "" {
			if err := g.subagent(o, dir, sid, head, at, last); err != nil {
				return err
			}
		}
		at = at.Add(time.Duration(30+g.r.IntN(900)) * time.Second)
	}
	return o.w.Flush()
}

// request writes one API request as 1-3 lines (one per content block, the
// first with a placeholder output count) and returns its last line.
func (g *gen) request(o *out, head string, at time.Time, sidechain bool) string {
	g.requests++
	g.id++
	model := g.model(sidechain)
	in, out := int64(1+g.r.IntN(20)), int64(20+g.r.IntN(2000))
	w5, w1 := int64(0), int64(g.r.IntN(8000))
	read := int64(g.r.IntN(120000))
	if g.r.IntN(30) == 0 && strings.HasPrefix(model, "claude-sonnet") {
		read = 190000 + g.r.Int64N(150000) // a long-context request
	}
	if g.r.IntN(10) == 0 {
		w5, w1 = w1, 0
	}
	extra := `"service_tier":"standard","inference_geo":""`
	if strings.HasPrefix(model, "claude-opus-4-6") && g.r.IntN(15) == 0 {
		extra += `,"speed":"fast"`
	}
	msg, req := fmt.Sprintf("msg_01%020d", g.id), fmt.Sprintf("req_011C%020d", g.id)
	blocks := 1 + g.r.IntN(3)
	var line string
	for b := range blocks {
		o2 := out
		if b == 0 && blocks > 1 {
			o2 = int64(1 + g.r.IntN(9)) // the streamed placeholder
		}
		content := fmt.Sprintf(`[{"type":"text","text":%q}]`, g.text(100+g.r.IntN(1500)))
		if b == blocks-1 && g.r.IntN(2) == 0 {
			content = fmt.Sprintf(`[{"type":"tool_use","id":"toolu_%d","name":"Edit","input":{"file_path":"/src/x.go","old_string":%q,"new_string":%q}}]`,
				g.id, g.text(300), g.text(400))
		}
		line = fmt.Sprintf(`{"parentUuid":"%s","isSidechain":%v,"userType":"external",%s,"message":{"id":"%s","type":"message","role":"assistant","model":"%s","content":%s,"stop_reason":null,"usage":{"input_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d,"cache_creation":{"ephemeral_5m_input_tokens":%d,"ephemeral_1h_input_tokens":%d},"output_tokens":%d,%s}},"requestId":"%s","type":"assistant","uuid":"%s","timestamp":"%s"}`,
			g.uuid(), sidechain, head, msg, model, content, in, w5+w1, read, w5, w1, o2, extra, req, g.uuid(), stamp(at))
		o.line(line)
	}
	return line
}

// subagent writes an agent's transcript: a replay of the parent's last
// request, then its own requests, each mirrored as a progress line in the
// parent's transcript.
func (g *gen) subagent(parent *out, dir, sid, head string, at time.Time, last string) error {
	sub := filepath.Join(dir, sid, "subagents")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	agent := fmt.Sprintf("a%016x", g.r.Uint64())
	f, err := os.OpenFile(filepath.Join(sub, "agent-"+agent+".jsonl"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	o := &out{w: bufio.NewWriterSize(f, 1<<16), g: g}
	o.line(strings.Replace(last, `"isSidechain":false`, `"isSidechain":true,"agentId":"`+agent+`"`, 1))
	for range 2 + g.r.IntN(6) {
		at = at.Add(time.Duration(3+g.r.IntN(20)) * time.Second)
		l := g.request(o, head+`,"agentId":"`+agent+`"`, at, true)
		parent.line(fmt.Sprintf(`{"parentUuid":"%s","isSidechain":false,"userType":"external",%s,"type":"progress","data":{"type":"agent_progress","agentId":"%s","message":%s},"uuid":"%s","timestamp":"%s"}`,
			g.uuid(), head, agent, l, g.uuid(), stamp(at)))
	}
	return o.w.Flush()
}

func (g *gen) model(sidechain bool) string {
	if sidechain && g.r.IntN(2) == 0 {
		return "claude-haiku-4-5-20251001"
	}
	x := g.r.Float64()
	for _, m := range models {
		if x -= m.share; x < 0 {
			return m.id
		}
	}
	return models[0].id
}

// toolSize is a tool result's size: mostly a few KB, sometimes a whole file.
func (g *gen) toolSize() int {
	switch n := g.r.IntN(100); {
	case n < 80:
		return 300 + g.r.IntN(2700)
	case n < 98:
		return 3000 + g.r.IntN(17000)
	default:
		return 50000 + g.r.IntN(150000)
	}
}

// text is n bytes of code-like text cut from the pool.
func (g *gen) text(n int) string {
	n = min(n, len(g.pool)/2)
	i := g.r.IntN(len(g.pool) - n)
	return g.pool[i : i+n]
}

func (g *gen) uuid() string {
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", g.r.Uint32(), g.r.IntN(1<<16), g.r.IntN(1<<12), g.r.IntN(1<<12), g.r.Int64N(1<<48))
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// textPool is 1 MB of source-code-like text with quotes, backslashes,
// braces, tabs and newlines (which the transcripts escape).
func textPool(r *rand.Rand) string {
	words := []string{"func", "return", "if err != nil {", "}", "\"usage\"", "ctx", "\t", "\n", "package", "import", "\"fmt\"",
		"x := y[i]", "// comment", "C:\\path\\to", "{\"key\": \"value\"}", "for _, v := range vs {", "s.mu.Lock()", "usage", "tokens"}
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.String()
}
