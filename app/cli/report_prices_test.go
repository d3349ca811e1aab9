package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"usagedash/app"
	"usagedash/app/apptest"
	"usagedash/app/cli"
	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/pricing"
	"usagedash/backend/sample"
	"usagedash/backend/settings"
)

// TestReportPricesLikeTheWindow: `usagedash report` prices with what the
// window prices with: the shipped table merged with the stored price
// download (`prices update --file`) and the custom prices of the saved
// settings. Its report equals one priced by app.SettingsPrices over the
// same files, names the merged table's version, and leaves no model
// unpriced once the settings price the sample's unknown model. (Logs
// without a model, or with only a legacy token count, stay unpriced tokens
// that name no model.)
func TestReportPricesLikeTheWindow(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	paths := app.DefaultPaths()

	// A price file that raises Opus 5.5 from the download's day on (within
	// 10x, so it is merged as a new row) and confirms every other family.
	body := map[string]map[string]any{}
	for _, f := range pricing.Default().Listing(time.Now()).Families {
		r := f.Rows[len(f.Rows)-1]
		in := r.Input
		if f.Family == "claude-opus-5-5" {
			in *= 2
		}
		body[f.Family] = map[string]any{"litellm_provider": "anthropic", "input_cost_per_token": in / 1e6, "output_cost_per_token": r.Output / 1e6}
	}
	raw, _ := json.Marshal(body)
	file := filepath.Join(dir, "litellm.json")
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := runCommand(t, "", "prices", "update", "--file", file); code != 0 {
		t.Fatalf("prices update: exit %d: %s %s", code, out, errOut)
	}

	// The settings price the sample's deliberately unknown model.
	if err := os.MkdirAll(filepath.Dir(paths.Settings), 0o700); err != nil {
		t.Fatal(err)
	}
	st := `{"custom_prices": {"` + sample.UnpricedModel + `": {"input": 1, "output": 5}}}`
	if err := os.WriteFile(paths.Settings, []byte(st), 0o600); err != nil {
		t.Fatal(err)
	}

	srv := apptest.SeededServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	src, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close(ctx)
	prefs, err := settings.OpenReadOnly(paths.Settings)
	if err != nil {
		t.Fatal(err)
	}
	up := app.NewPriceUpdater(paths)
	if up.Table().Update() == nil {
		t.Fatal("the download is not in force")
	}
	start, end := time.Now().Add(-12*24*time.Hour).UTC().Truncate(time.Second), time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	period, _ := backend.CustomPeriod(&start, &end)
	want, err := src.Report(ctx, backend.Query{Account: sample.DemoUsername, Period: period,
		Pricer: app.SettingsPrices(prefs.Get, up.Table, nil)()})
	if err != nil {
		t.Fatal(err)
	}

	t.Setenv(cli.EnvMongoURI, srv.URI())
	out, errOut, code := runCommand(t, "", "report", "--json", "--user", sample.DemoUsername,
		"--from", start.Format(time.RFC3339), "--to", end.Format(time.RFC3339))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got backend.Report
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a report: %v\n%s", err, out)
	}
	p := got.Pricing
	if p == nil || p.TableVersion != up.Table().Version() || !strings.Contains(p.TableVersion, "+litellm-") {
		t.Fatalf("pricing %+v, want table %s", p, up.Table().Version())
	}
	if len(p.UnpricedModels) != 0 || p.ComputedUSD <= 0 {
		t.Errorf("unpriced models %v, computed %v", p.UnpricedModels, p.ComputedUSD)
	}
	got.GeneratedAt, want.GeneratedAt = time.Time{}, time.Time{}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !bytes.Equal(g, w) {
		t.Fatalf("report command printed\n%s\nwant\n%s", g, w)
	}
}
