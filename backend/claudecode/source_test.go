package claudecode

import (
	"path/filepath"

	"slices"
	"testing"
	"usagedash/backend"
)

// The committed corpus, by hand (rates per million tokens from the shipped
// table: Sonnet 4.5 3/15, 1h writes 6, reads 0.30, above 200K prompt the
// whole request at 6/22.50; Haiku 4.5 1/5, reads 0.10; Opus 4.6 5/25, fast
// x6, batch x0.5, regional x1.1):
//
//	A  msg_a sonnet: 3 lines (placeholder output 1, 1, then 400) and a
//	   replay in the subagent file: once, output 400, 1000 1h writes,
//	   20000 reads: 10*3+400*15+1000*6+20000*0.3        = 0.018030
//	B  msg_b haiku 2026-12-01T23:30Z: 100*1+50*5         = 0.000350
//	C  msg_c claude-mystery-1: 2000 tokens unpriced       (never $0)
//	D  msg_d haiku (subagent): 200*1+20*5+1000*0.1       = 0.000400
//	E  msg_e haiku (agent progress line): 7*1+3*5        = 0.000022
//	F  msg_f opus fast: (1000*5+100*25)*6                = 0.045000
//	G  msg_g sonnet 250000 prompt: 250000*6+1000*22.5    = 1.522500
//	H  msg_h opus batch: (1000*5+1000*25)*0.5            = 0.015000
//	I  msg_i opus inference_geo us: (1000*5+1000*25)*1.1 = 0.033000
//
// plus a <synthetic> zero line (no request), a summary and a user line,
// and 3 unreadable lines in 2 files: a cut-off line and a half-written last
// line in the session file, "not json at all" in the subagent file.
const (
	corpusRequests = 9
	corpusInput    = 10 + 100 + 1000 + 200 + 7 + 1000 + 250000 + 1000 + 1000
	corpusOutput   = 400 + 50 + 1000 + 20 + 3 + 100 + 1000 + 1000 + 1000
	corpusWrites   = 1000
	corpusReads    = 20000 + 1000
	corpusUSD      = 0.018030 + 0.000350 + 0.000400 + 0.000022 + 0.045 + 1.5225 + 0.015 + 0.033
)

func TestCorpusTotals(t *testing.T) {
	s := open(t, newStores(t), copyCorpus(t))
	r := report(t, s, allTime())
	if r.TotalInputTokens != corpusInput || r.TotalOutputTokens != corpusOutput ||
		r.TotalCacheCreationTokens != corpusWrites || r.TotalCacheReadTokens != corpusReads {
		t.Errorf("tokens in/out/write/read = %d/%d/%d/%d, want %d/%d/%d/%d", r.TotalInputTokens, r.TotalOutputTokens,
			r.TotalCacheCreationTokens, r.TotalCacheReadTokens, corpusInput, corpusOutput, corpusWrites, corpusReads)
	}
	near(t, "cost", r.TotalCostUSD, corpusUSD)
	if r.Pricing == nil {
		t.Fatal("no pricing")
	}
	near(t, "computed", r.Pricing.ComputedUSD, corpusUSD)
	if r.Pricing.UnpricedTokens != 2000 || !slices.Equal(r.Pricing.UnpricedModels, []string{"claude-mystery-1"}) {
		t.Errorf("unpriced = %d %v, want 2000 [claude-mystery-1]", r.Pricing.UnpricedTokens, r.Pricing.UnpricedModels)
	}
	if r.Pricing.LogsWithoutCost != corpusRequests || r.Pricing.LongContextLogs != 1 {
		t.Errorf("requests %d long-context %d, want %d and 1", r.Pricing.LogsWithoutCost, r.Pricing.LongContextLogs, corpusRequests)
	}
	if !r.Source.CostComputed || r.Source.Vocabulary != "projects-sessions" || r.Source.Kind != "claude-code" {
		t.Errorf("source = %+v", r.Source)
	}
	wantNotes := []string{
		"3 unreadable lines in 2 files could not be read and were skipped.",
		"Pricing rules applied (requests): long-context 1, fast 1, batch 1, regional 1, cache-1h 1.",
	}
	if !slices.Equal(r.Notes, wantNotes) {
		t.Errorf("notes = %q\nwant %q", r.Notes, wantNotes)
	}
	var logs int64
	var usd float64
	for _, row := range r.Series.Rows {
		logs += row.Logs
		usd += row.CostUSD
	}
	if logs != corpusRequests {
		t.Errorf("series rows sum %d requests, want %d", logs, corpusRequests)
	}
	near(t, "series cost", usd, corpusUSD)
}

func TestCorpusBreakdowns(t *testing.T) {
	dir := copyCorpus(t)
	s := open(t, newStores(t), dir)
	r := report(t, s, allTime())
	b := r.Breakdowns
	byKey := func(rows []backend.UsageRow, key string) backend.UsageRow {
		for _, row := range rows {
			if row.Key == key {
				return row
			}
		}
		t.Fatalf("no row %q in %+v", key, rows)
		return backend.UsageRow{}
	}
	alpha := byKey(b.ByWorkflow, "/home/u/alpha")
	if alpha.Logs != 4 || alpha.Tokens.InputTokens != 10+100+1000+200 {
		t.Errorf("project alpha = %+v, want 4 requests (A, B, C, D)", alpha)
	}
	near(t, "project beta", byKey(b.ByWorkflow, "/home/u/beta").CostUSD, 0.000022+0.045+1.5225+0.015+0.033)
	if sess := byKey(b.ByInstance, "s-alpha-1"); sess.Label != "s-alpha-" || sess.Logs != 4 {
		t.Errorf("session = %+v", sess)
	}
	haiku := byKey(b.ByModel, "claude-haiku-4-5-20251001")
	if haiku.Logs != 3 {
		t.Errorf("haiku requests = %d, want 3 (B, D, E)", haiku.Logs)
	}
	near(t, "haiku", haiku.CostUSD, 0.00035+0.0004+0.000022)
	if r.TotalWorkflows != 2 || r.TotalInstances != 2 {
		t.Errorf("projects/sessions = %d/%d, want 2/2", r.TotalWorkflows, r.TotalInstances)
	}
}

func TestDaysInZones(t *testing.T) {
	s := open(t, newStores(t), copyCorpus(t))
	// B at 2026-12-01T23:30Z is Dec 1 in UTC and Dec 2 in Paris.
	utc := report(t, s, days(t, "UTC", "2026-12-01", "2026-12-01"))
	if utc.Pricing.LogsWithoutCost != 2 {
		t.Errorf("UTC Dec 1 requests = %d, want 2 (A, B)", utc.Pricing.LogsWithoutCost)
	}
	paris := report(t, s, days(t, "Europe/Paris", "2026-12-02", "2026-12-03"))
	if paris.Pricing.LogsWithoutCost != 8 || len(paris.Series.Rows) != 2 || paris.Series.Rows[0].Logs != 8 || paris.Series.Rows[1].Logs != 0 {
		t.Errorf("Paris Dec 2-3: %d requests, rows %+v; want 8 on Dec 2 and a zero row for Dec 3", paris.Pricing.LogsWithoutCost, paris.Series.Rows)
	}
}

func TestDetect(t *testing.T) {
	dir := copyCorpus(t)
	d := Detect([]string{dir, filepath.Join(dir, "missing"), dir})
	if !d.Found() || d.Transcripts != 3 || !slices.Equal(d.Folders, []string{dir}) {
		t.Errorf("detect = %+v, want 3 transcripts in %s", d, dir)
	}
	if d := Detect([]string{t.TempDir()}); d.Found() {
		t.Errorf("empty folder detected: %+v", d)
	}
}

func TestDefaultFoldersFromEnv(t *testing.T) {
	t.Setenv("CLAUDE_CONFIG_DIR", "/a/one, /b/two,")
	if got := DefaultFolders(); !slices.Equal(got, []string{"/a/one", "/b/two"}) {
		t.Errorf("folders = %q", got)
	}
}
