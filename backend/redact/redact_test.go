package redact_test

import (
	"strings"
	"testing"

	"usagedash/backend"
	"usagedash/backend/redact"
)

func TestURIsDropsUserinfoAndQueries(t *testing.T) {
	cases := map[string]string{
		"MongoDB 127.0.0.1:27017 / claude_workflows":                  "MongoDB 127.0.0.1:27017 / claude_workflows",
		"mongodb://user:secret@db.example.com:27017/x":                "mongodb://db.example.com:27017/x",
		"mongodb+srv://u:p@ss@cluster0.example.net/?authSource=admin": "mongodb+srv://cluster0.example.net/",
		"see https://h.example/p?token=secret and more":               "see https://h.example/p and more",
	}
	for in, want := range cases {
		got := redact.URIs(in)
		if got != want || strings.Contains(got, "secret") {
			t.Errorf("URIs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReportScrubsLabelsOfACopy(t *testing.T) {
	r := &backend.Report{TotalCostUSD: 1.5}
	r.Source.Label = "MongoDB mongodb://u:secret@h:27017/db"
	r.Source.Account = "https://h.example/?token=secret"
	r.Period.Label = "mongodb://a:secret@b"
	got := redact.Report(r)
	if got.Source.Label != "MongoDB mongodb://h:27017/db" || got.Source.Account != "https://h.example/" ||
		got.Period.Label != "mongodb://b" || got.TotalCostUSD != 1.5 {
		t.Errorf("Report = %+v", got)
	}
	if !strings.Contains(r.Source.Label, "secret") {
		t.Error("Report modified its argument")
	}
}

// TestReportRemovesControlCharacters: escape codes a platform put into a
// username or a workflow name are gone from the copy (what the history
// stores), and the original keeps them.
func TestReportRemovesControlCharacters(t *testing.T) {
	rows := []backend.UsageRow{{Key: "w1", Label: "fine"}, {Key: "w2\x07", Label: "\x1b]0;pwned\x07Nightly"}}
	r := &backend.Report{Username: "ali\x1b[2Jce\rTotal cost $0.00", UserID: "u\x001",
		Breakdowns: &backend.Breakdowns{ByWorkflow: rows}, Series: &backend.Series{Rows: rows}}
	got := redact.Report(r)
	if got.Username != "ali[2JceTotal cost $0.00" || got.UserID != "u1" {
		t.Errorf("Username %q, UserID %q", got.Username, got.UserID)
	}
	for _, table := range [][]backend.UsageRow{got.Breakdowns.ByWorkflow, got.Series.Rows} {
		if table[0] != rows[0] || table[1].Key != "w2" || table[1].Label != "]0;pwnedNightly" {
			t.Errorf("rows %+v", table)
		}
	}
	if rows[1].Label != "\x1b]0;pwned\x07Nightly" || r.Username[3] != 0x1b {
		t.Error("Report modified its argument")
	}
	clean := []backend.UsageRow{{Key: "a", Label: "b"}}
	if out := redact.Report(&backend.Report{Series: &backend.Series{Rows: clean}}); &out.Series.Rows[0] != &clean[0] {
		t.Error("clean rows were copied")
	}
}
