package export_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/export"
)

// TestExportsSayWhichRulesPriced: both formats name the rules and how many
// logs each priced, the secondary-source rows that priced something, and
// how cache writes of unknown TTL were priced.
func TestExportsSayWhichRulesPriced(t *testing.T) {
	r := testReport(t)
	r.Pricing.Rules = []backend.RuleUse{{Rule: "long-context", Logs: 3}, {Rule: "cache-1h", Logs: 12}}
	r.Pricing.SecondaryRows = []backend.SecondaryRowUse{{Row: "claude-fable-5-2@2026-11-09", Logs: 4, ComputedUSD: 1.23}}
	r.Pricing.CacheTTLNote = "Cache writes priced as 1-hour writes: they match the reported cost within 0.4%."
	m := export.NewMeta(r, "test", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	var csvOut bytes.Buffer
	if err := export.WriteCSV(&csvOut, r, m); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"# pricing_rules: long-context 3 logs; cache-1h 12 logs\n",
		"# secondary_source_rows: claude-fable-5-2@2026-11-09 4 logs $1.23\n",
		"# cache_ttl: Cache writes priced as 1-hour writes: they match the reported cost within 0.4%.\n",
	} {
		if !strings.Contains(csvOut.String(), line) {
			t.Errorf("CSV lacks %q", line)
		}
	}
	var jsonOut bytes.Buffer
	if err := export.WriteJSON(&jsonOut, r, m); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Meta export.Meta `json:"meta"`
	}
	if err := json.Unmarshal(jsonOut.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Meta.PricingRules) != 2 || f.Meta.PricingRules[1] != (backend.RuleUse{Rule: "cache-1h", Logs: 12}) ||
		len(f.Meta.SecondarySourceRows) != 1 || f.Meta.CacheTTLNote != r.Pricing.CacheTTLNote {
		t.Errorf("JSON meta %+v", f.Meta)
	}
}
