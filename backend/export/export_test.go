package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/export"
	"usagedash/backend/usage"
)

const secretLabel = "MongoDB mongodb://user:secret@db.example.com:27017/?authSource=admin / claude_workflows"

// fakeLog is one log of the test report, with every attribute a section
// splits by.
type fakeLog struct {
	day, model, workflow, instance, mode, user string
	tokens                                     backend.TokenBreakdown
	cost, computed                             float64
	unpriced, execMS                           int64
}

// testReport builds a report whose sections each split the same logs, so
// they sum to the total, with labels that try formula injection.
func testReport(t *testing.T) *backend.Report {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	var logs []fakeLog
	for range 60 {
		in, out := rng.Int64N(50_000), rng.Int64N(9_000)
		cw, cr := rng.Int64N(20_000), rng.Int64N(300_000)
		logs = append(logs, fakeLog{
			day: pick("2026-11-24", "2026-11-25", "2026-11-26"), model: pick("claude-sonnet-4-5", "claude-opus-4-7", ""),
			workflow: pick("w1", "w2"), instance: pick("i1", "i2", "i3", "i4"), mode: pick("api-key", "max-plan"), user: pick("u1", "u2", ""),
			tokens: backend.TokenBreakdown{InputTokens: in, OutputTokens: out, CacheCreationInputTokens: cw, CacheReadInputTokens: cr, TotalTokens: in + out + cw + cr},
			cost:   rng.Float64() * 3, computed: rng.Float64() * 3, unpriced: rng.Int64N(1000), execMS: rng.Int64N(90_000),
		})
	}
	labels := map[string]string{"w1": "=HYPERLINK(\"http://evil\")", "w2": "+cmd|' /C calc'!A0", "u1": "@alice", "u2": "-bob", "": "Unassigned"}
	split := func(key func(fakeLog) string) []backend.UsageRow {
		byKey := map[string]*backend.UsageRow{}
		var order []string
		for _, l := range logs {
			k := key(l)
			row := byKey[k]
			if row == nil {
				label := labels[k]
				if label == "" {
					label = k
				}
				row = &backend.UsageRow{Key: k, Label: label}
				byKey[k] = row
				order = append(order, k)
			}
			row.Logs++
			row.Tokens.InputTokens += l.tokens.InputTokens
			row.Tokens.OutputTokens += l.tokens.OutputTokens
			row.Tokens.CacheCreationInputTokens += l.tokens.CacheCreationInputTokens
			row.Tokens.CacheReadInputTokens += l.tokens.CacheReadInputTokens
			row.Tokens.TotalTokens += l.tokens.TotalTokens
			row.CostUSD += l.cost
			row.ComputedUSD += l.computed
			row.UnpricedTokens += l.unpriced
			row.ExecutionTimeMS += l.execMS
		}
		var out []backend.UsageRow
		for _, k := range order {
			row := *byKey[k]
			row.CostUSD, row.ComputedUSD = usage.RoundCost(row.CostUSD), usage.RoundCost(row.ComputedUSD)
			out = append(out, row)
		}
		return out
	}
	total := split(func(fakeLog) string { return "" })[0]
	start := time.Date(2026, 10, 28, 4, 0, 0, 0, time.UTC)
	end := time.Date(2026, 11, 27, 4, 59, 59, 0, time.UTC)
	return &backend.Report{
		UserID: "*", Username: "everyone", TotalWorkflows: 2, TotalInstances: 4,
		TotalTokens: total.Tokens.TotalTokens, TotalInputTokens: total.Tokens.InputTokens, TotalOutputTokens: total.Tokens.OutputTokens,
		TotalCacheCreationTokens: total.Tokens.CacheCreationInputTokens, TotalCacheReadTokens: total.Tokens.CacheReadInputTokens,
		TotalCostUSD: total.CostUSD, TotalExecutionTimeMS: total.ExecutionTimeMS, PeriodStart: &start, PeriodEnd: &end,
		TokenBreakdown: total.Tokens,
		Source:         backend.SourceInfo{Kind: backend.SourceMongoDB, Label: secretLabel, Account: "everyone"},
		GeneratedAt:    time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC),
		Period:         backend.Period{Preset: "last_30_days", Label: "Last 30 days", Start: &start, End: &end, TimeZone: "America/New_York", Bucket: backend.BucketDay},
		Breakdowns: &backend.Breakdowns{
			ByModel:    split(func(l fakeLog) string { return l.model }),
			ByWorkflow: split(func(l fakeLog) string { return l.workflow }),
			ByInstance: split(func(l fakeLog) string { return l.instance }),
			ByMode:     split(func(l fakeLog) string { return l.mode }),
			ByUser:     split(func(l fakeLog) string { return l.user }),
		},
		Series: &backend.Series{Bucket: backend.BucketDay, Rows: split(func(l fakeLog) string { return l.day })},
		Pricing: &backend.PricingSummary{TableVersion: "2026-02-17", TableSource: "test", ComputedUSD: total.ComputedUSD,
			UnpricedTokens: total.UnpricedTokens, UnpricedModels: []string{"claude-opus-4-7"}},
	}
}

func meta(r *backend.Report) export.Meta {
	return export.NewMeta(r, "1.2.3", time.Date(2026, 11, 26, 15, 4, 5, 0, time.UTC))
}

// TestCSVSectionsSumToTotal parses the CSV back: the metadata lines, the
// header, and each section's tokens, logs and costs summing to the total row
// (costs to the cent).
func TestCSVSectionsSumToTotal(t *testing.T) {
	r := testReport(t)
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, r, meta(r)); err != nil {
		t.Fatal(err)
	}
	metaLines := map[string]string{}
	for _, line := range strings.Split(buf.String(), "\n") {
		if k, v, ok := strings.Cut(strings.TrimPrefix(line, "# "), ": "); ok && strings.HasPrefix(line, "# ") {
			metaLines[k] = v
		}
	}
	for k, want := range map[string]string{"format": "usagedash-export", "version": "1", "exported_at": "2026-11-26T15:04:05Z",
		"app_version": "1.2.3", "period_label": "Last 30 days", "period_start": "2026-10-28T04:00:00Z", "period_end": "2026-11-27T04:59:59Z",
		"time_zone": "America/New_York", "source_kind": "mongodb", "source_label": "MongoDB mongodb://db.example.com:27017/ / claude_workflows",
		"account": "everyone", "price_table_version": "2026-02-17"} {
		if metaLines[k] != want {
			t.Errorf("metadata %s = %q, want %q", k, metaLines[k], want)
		}
	}
	cr := csv.NewReader(&buf)
	cr.Comment = '#'
	records, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(records[0], export.Header) {
		t.Fatalf("header %q", records[0])
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	if records[1][0] != "total" {
		t.Fatalf("second row %q, want the total", records[1])
	}
	total := records[1]
	sums := map[string]map[string]float64{}
	for _, rec := range records[2:] {
		if sums[rec[0]] == nil {
			sums[rec[0]] = map[string]float64{}
		}
		for _, h := range export.Header[3:] {
			if strings.ContainsAny(rec[col[h]], "eE") {
				t.Errorf("%s cell %q has an exponent", h, rec[col[h]])
			}
			v, err := strconv.ParseFloat(rec[col[h]], 64)
			if err != nil {
				t.Fatalf("%s cell %q: %v", h, rec[col[h]], err)
			}
			sums[rec[0]][h] += v
		}
	}
	for _, section := range []string{"day", "model", "workflow", "instance", "mode", "user"} {
		if sums[section] == nil {
			t.Errorf("no %s rows", section)
			continue
		}
		for _, h := range export.Header[3:] {
			want, _ := strconv.ParseFloat(total[col[h]], 64)
			tol := 0.0
			if strings.HasSuffix(h, "_usd") {
				tol = 0.005
			}
			if got := sums[section][h]; math.Abs(got-want) > tol {
				t.Errorf("%s rows sum %s = %v, total row says %v", section, h, got, want)
			}
		}
	}
	// Injection: text cells that start like a formula are quoted; a
	// spreadsheet shows them as text.
	found := 0
	for _, rec := range records {
		for _, cell := range rec[1:3] {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("unguarded cell %q", cell)
			}
			if strings.HasPrefix(cell, "'=HYPERLINK") || cell == "'+cmd|' /C calc'!A0" || cell == "'@alice" || cell == "'-bob" {
				found++
			}
		}
	}
	if found < 4 {
		t.Errorf("guarded cells found %d times, want the 4 labels", found)
	}
	if strings.Contains(buf.String(), "secret") {
		t.Error("the CSV holds the password")
	}
}

// TestJSONRoundTrips decodes the JSON export back into a backend.Report equal
// to the input (but for the scrubbed source label) and checks its envelope.
func TestJSONRoundTrips(t *testing.T) {
	r := testReport(t)
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, r, meta(r)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "secret") {
		t.Fatal("the JSON holds the password")
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"format\": \"usagedash-export\",\n  \"version\": 1,\n  \"meta\": {") {
		t.Fatalf("envelope: %.80s", buf.String())
	}
	var f struct {
		Format  string          `json:"format"`
		Version int             `json:"version"`
		Meta    export.Meta     `json:"meta"`
		Report  *backend.Report `json:"report"`
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	want := *r
	want.Source.Label = "MongoDB mongodb://db.example.com:27017/ / claude_workflows"
	if !reflect.DeepEqual(f.Report, &want) {
		got, _ := json.Marshal(f.Report)
		exp, _ := json.Marshal(&want)
		t.Fatalf("round trip differs:\n got %s\nwant %s", got, exp)
	}
	gotMeta, _ := json.Marshal(f.Meta)
	wantMeta, _ := json.Marshal(meta(r))
	if !bytes.Equal(gotMeta, wantMeta) {
		t.Errorf("meta %s, want %s", gotMeta, wantMeta)
	}
	if f.Meta.SourceLabel != want.Source.Label || f.Meta.PriceTableVersion != "2026-02-17" {
		t.Errorf("meta %+v", f.Meta)
	}
}

// TestMetaWithoutPricingUsesTheShippedTable checks the price table version of
// a platform report (no Pricing) and that an account or period label with a
// URI loses its credentials.
func TestMetaWithoutPricingUsesTheShippedTable(t *testing.T) {
	r := &backend.Report{Source: backend.SourceInfo{Kind: backend.SourcePlatform, Label: "https://x:secret@platform.example", Account: "a"},
		Period: backend.Period{Label: "mongodb://u:secret@h, =1+1,\"@x\"\nnext"}}
	m := export.NewMeta(r, "dev", time.Now())
	if m.PriceTableVersion == "" || strings.Contains(fmt.Sprint(m), "secret") {
		t.Fatalf("meta %+v", m)
	}
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	// A spreadsheet splits "# key: value" lines at commas: each later cell
	// is guarded, and the value stays on one line.
	if want := "# period_label: mongodb://h,' =1+1,'\"@x\" next\n"; !strings.Contains(buf.String(), want) {
		t.Fatalf("CSV %q lacks %q", buf.String(), want)
	}
	cr := csv.NewReader(&buf)
	cr.Comment = '#'
	records, err := cr.ReadAll()
	if err != nil || len(records) != 2 || records[1][3] != "" || records[1][10] != "" {
		t.Fatalf("records %q, %v: want a header and a total row with empty logs and computed cells", records, err)
	}
}
