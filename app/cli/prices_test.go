package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"usagedash/backend/pricing"
)

// runIn runs the command line with XDG folders under dir and returns the
// exit status, stdout and stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	var out, errs bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := Run(ctx, args, Env{Stdout: &out, Stderr: &errs, Version: "test"})
	return code, out.String(), errs.String()
}

// TestPricesJSONListsEveryFamily: `usagedash prices --json` lists every
// current family with its rates, dates, sources and confidence; after
// `prices update --file`, the rows say they were checked against the file.
func TestPricesJSONListsEveryFamily(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runIn(t, dir, "prices", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var l pricing.Listing
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	byFamily := map[string]pricing.FamilyListing{}
	for _, f := range l.Families {
		byFamily[f.Family] = f
		for _, r := range f.Rows {
			if r.Source == "" || r.Verified == "" || r.Confidence == "" || r.Input <= 0 || r.From.IsZero() || r.Provenance.Origin != pricing.OriginEmbedded {
				t.Errorf("row %s: %+v", r.Row, r.Price)
			}
		}
	}
	for _, f := range []string{"claude-fable-5-2", "claude-fable-5-1", "claude-fable-5", "claude-opus-5-5", "claude-opus-5",
		"claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5", "claude-opus-4-1", "claude-opus-4", "claude-opus-3",
		"claude-sonnet-5-5", "claude-sonnet-5", "claude-sonnet-4-6", "claude-sonnet-4-5", "claude-sonnet-4", "claude-sonnet-3-7",
		"claude-haiku-5-5", "claude-haiku-4-5", "claude-haiku-3-5", "claude-haiku-3"} {
		if _, ok := byFamily[f]; !ok {
			t.Errorf("family %s missing", f)
		}
	}
	if s := byFamily["claude-sonnet-5-5"]; len(s.Rows) != 2 || s.Rows[1].CacheRead != 0.1 || s.Rows[1].Confidence != pricing.ConfidenceSecondary {
		t.Errorf("sonnet 5.5 %+v", s)
	}
	if f := byFamily["claude-fable-5-2"]; len(f.SameAs) != 1 || f.SameAs[0] != "claude-mythos-5-2" {
		t.Errorf("fable 5.2 %+v", f)
	}

	// A LiteLLM file on disk with the table's own input and output prices.
	body := map[string]map[string]any{}
	for _, f := range l.Families {
		r := f.Rows[len(f.Rows)-1]
		body[f.Family] = map[string]any{"litellm_provider": "anthropic", "input_cost_per_token": r.Input / 1e6, "output_cost_per_token": r.Output / 1e6}
	}
	raw, _ := json.Marshal(body)
	file := filepath.Join(dir, "litellm.json")
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runIn(t, dir, "prices", "update", "--file", file)
	if code != 0 || !strings.Contains(out, "Prices updated from file://"+file+": "+strconv.Itoa(len(l.Families))+" Claude model families") {
		t.Fatalf("update: exit %d, %q %q", code, out, errs)
	}
	code, out, _ = runIn(t, dir, "prices")
	if code != 0 || !strings.Contains(out, "Merged with file://"+file) || !strings.Contains(out, "embedded confirmed") {
		t.Errorf("text after update: %s", out)
	}
}

// TestPricesUpdateRefusals: a plain-HTTP address and both flags at once
// are refused with one line; nothing is stored.
func TestPricesUpdateRefusals(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runIn(t, dir, "prices", "update", "--url", "http://example.com/prices.json")
	if code != 1 || errs != "usagedash: The prices were not updated: The price list address must be an https:// URL.\n" {
		t.Errorf("http: exit %d %q", code, errs)
	}
	code, _, errs = runIn(t, dir, "prices", "update", "--url", "https://example.com/p.json", "--file", "x")
	if code != 2 || !strings.Contains(errs, "give --url or --file, not both") {
		t.Errorf("both: exit %d %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "usagedash", "prices")); !os.IsNotExist(err) {
		t.Errorf("something was stored: %v", err)
	}
}
