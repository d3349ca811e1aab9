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
