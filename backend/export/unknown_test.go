package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/export"
)

// TestUnknownValuesAreEmptyNeverZero exports a platform report, whose series
// has no log counts and nothing priced: those cells are empty in the CSV and
// null in the JSON, while the figures it has (0 included) stay.
func TestUnknownValuesAreEmptyNeverZero(t *testing.T) {
	s := &backend.Series{Bucket: backend.BucketDay, Rows: []backend.UsageRow{
		{Key: "2026-11-01", Label: "2026-11-01", Tokens: backend.TokenBreakdown{InputTokens: 7, TotalTokens: 7}, CostUSD: 1.5, ExecutionTimeMS: 10},
		{Key: "2026-11-02", Label: "2026-11-02"},
	}}
	s.MarkUnknown(backend.FieldLogs, backend.FieldUnpricedTokens, backend.FieldComputedUSD)
	r := &backend.Report{Source: backend.SourceInfo{Kind: backend.SourcePlatform, Label: "p"}, Series: s, TotalCostUSD: 1.5}
	m := export.NewMeta(r, "dev", time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC))

	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(&buf)
	cr.Comment = '#'
	records, err := cr.ReadAll()
	if err != nil || len(records) != 4 {
		t.Fatalf("records %q, %v", records, err)
	}
	want := [][]string{
		{"day", "2026-11-01", "2026-11-01", "", "7", "0", "0", "0", "7", "1.5", "", "", "10"},
		{"day", "2026-11-02", "2026-11-02", "", "0", "0", "0", "0", "0", "0", "", "", "0"},
	}
	for i, w := range want {
		if got := strings.Join(records[2+i], ","); got != strings.Join(w, ",") {
			t.Errorf("day row %d: %s, want %s", i, got, strings.Join(w, ","))
		}
	}

	buf.Reset()
	if err := export.WriteJSON(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Report struct {
			Series struct {
				Rows    []map[string]any `json:"rows"`
				Unknown []string         `json:"unknown"`
			} `json:"series"`
		} `json:"report"`
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	rows := f.Report.Series.Rows
	if len(rows) != 2 || strings.Join(f.Report.Series.Unknown, ",") != "computed_usd,logs,unpriced_tokens" {
		t.Fatalf("series %+v", f.Report.Series)
	}
	for i, row := range rows {
		for _, field := range []string{"logs", "computed_usd", "unpriced_tokens"} {
			if v, ok := row[field]; !ok || v != nil {
				t.Errorf("row %d: %s = %v, want null", i, field, v)
			}
		}
		if row["cost_usd"] == nil || row["execution_time_ms"] == nil {
			t.Errorf("row %d lost a known figure: %v", i, row)
		}
	}
	if rows[0]["cost_usd"] != 1.5 || rows[1]["cost_usd"] != 0.0 {
		t.Errorf("costs %v, %v", rows[0]["cost_usd"], rows[1]["cost_usd"])
	}

	// Decoded again, the series is what was exported.
	var back struct {
		Report *backend.Report `json:"report"`
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Report.Series.Knows(backend.FieldLogs) || back.Report.Series.Rows[0].CostUSD != 1.5 {
		t.Fatalf("decoded %v %+v", err, back.Report)
	}
}
