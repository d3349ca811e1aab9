package pricing_test

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// litellmFile builds a LiteLLM price file from the embedded table's rates in
// force on 2026-12-04 (per token, as LiteLLM writes them), then lets edit
// change entries. Keys are family ids; a non-Anthropic entry and LiteLLM's
// sample_spec are there too.
func litellmFile(t testing.TB, edit func(map[string]map[string]any)) []byte {
	t.Helper()
	tb := pricing.Default()
	entries := map[string]map[string]any{
		"sample_spec": {"input_cost_per_token": 0, "litellm_provider": "one of https://docs.litellm.ai/docs/providers"},
		"gpt-4o":      {"input_cost_per_token": 2.5e-6, "output_cost_per_token": 1e-5, "litellm_provider": "openai"},
	}
	for _, f := range tb.Families() {
		p, _ := tb.Lookup(f, day("2026-12-04"))
		entries[f] = map[string]any{"litellm_provider": "anthropic", "mode": "chat",
			"input_cost_per_token": p.Input / 1e6, "output_cost_per_token": p.Output / 1e6,
			"cache_creation_input_token_cost": p.CacheWrite5m / 1e6, "cache_creation_input_token_cost_above_1hr": p.CacheWrite1h / 1e6,
			"cache_read_input_token_cost": p.CacheRead / 1e6}
	}
	if edit != nil {
		edit(entries)
	}
	raw, err := json.Marshal(entries)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// serve starts an HTTPS server with its own test CA answering handler, and
// an updater whose store is in a fresh folder and whose client trusts only
// that CA, with a short deadline.
func serve(t *testing.T, handler http.HandlerFunc) (*httptest.Server, *pricing.Updater, pricing.Store) {
	return serveWithin(t, 30*time.Second, handler)
}

// serveWithin is serve with the download deadline timeout.
func serveWithin(t *testing.T, timeout time.Duration, handler http.HandlerFunc) (*httptest.Server, *pricing.Updater, pricing.Store) {
	t.Helper()
	srv := httptest.NewTLSServer(handler)
	t.Cleanup(srv.Close)
	store := pricing.Store{Path: filepath.Join(t.TempDir(), "prices", "litellm.json")}
	return srv, pricing.NewUpdater(pricing.Default(), store, pricing.FetchOptions{Client: srv.Client(), Timeout: timeout}), store
}

func bytesHandler(body []byte, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	}
}

// TestUpdateMergesAGoodFile merges a good file and checks the provenance of
// the table in force row by row, the stored file, and costs at a changed and
// a new row.
func TestUpdateMergesAGoodFile(t *testing.T) {
	good := litellmFile(t, func(e map[string]map[string]any) {
		e["claude-sonnet-4-6"]["input_cost_per_token"] = 3.3e-6                   // a price change the table lacks
		e["claude-haiku-3"]["cache_creation_input_token_cost_above_1hr"] = 0.3e-6 // known wrong in LiteLLM
		e["claude-sonnet-5"]["input_cost_per_token"] = 3e-6                       // the cancelled rise, known wrong
		e["claude-opus-6"] = map[string]any{"litellm_provider": "anthropic",      // a model the table lacks, no 1-hour field
			"input_cost_per_token": 6e-6, "output_cost_per_token": 3e-5, "cache_creation_input_token_cost": 7.5e-6,
			"cache_read_input_token_cost": 6e-7, "provider_specific_entry": map[string]float64{"fast": 2, "us": 1.1}}
	})
	srv, up, store := serve(t, bytesHandler(good, "application/json"))
	info, err := up.Check(context.Background(), srv.URL+"/model_prices_and_context_window.json")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(good)
	if info.SHA256 != hex.EncodeToString(sum[:]) || info.URL != srv.URL+"/model_prices_and_context_window.json" || len(info.KeptOut) != 0 {
		t.Errorf("info %+v", info)
	}
	tb := up.Table()
	fetched := info.FetchedAt.UTC().Truncate(24 * time.Hour)
	for _, f := range tb.Families() {
		rows := tb.Rows(f)
		last := rows[len(rows)-1]
		switch f {
		case "claude-sonnet-4-6":
			if len(rows) != 2 || rows[0].Provenance.Check != "kept" || last.Provenance.Origin != pricing.OriginLiteLLM ||
				last.Provenance.Check != "added" || last.Input != 3.3 || last.Output != 15 || !last.From.Equal(fetched) ||
				last.Confidence != pricing.ConfidenceSecondary || last.Provenance.SHA256 != info.SHA256 {
				t.Errorf("%s rows %+v", f, rows)
			}
		case "claude-opus-6":
			// 1-hour writes derived as 2x the $6 input: $12.
			if len(rows) != 1 || last.Provenance.Origin != pricing.OriginLiteLLM || last.CacheWrite1h != 12 || last.CacheWrite5m != 7.5 ||
				!strings.Contains(last.Note, "1-hour cache write as 2x input") || len(last.Modifiers) != 2 {
				t.Errorf("%s rows %+v", f, rows)
			}
		case "claude-haiku-3", "claude-opus-3", "claude-sonnet-5":
			if last.Provenance.Origin != pricing.OriginEmbedded || last.Provenance.Check != "confirmed" || !strings.Contains(last.Provenance.Note, "known to get") {
				t.Errorf("%s: %+v", f, last.Provenance)
			}
		default:
			if last.Provenance.Origin != pricing.OriginEmbedded || last.Provenance.Check != "confirmed" || last.Provenance.URL != info.URL {
				t.Errorf("%s: %+v", f, last.Provenance)
			}
		}
	}
	// Sonnet 4.6 from the download's day: 1M input × $3.30; a day before it, $3.
	near(t, "sonnet 4.6 after", mustCostIn(t, tb, "claude-sonnet-4-6", fetched.Add(time.Hour), pricing.Usage{Input: 1_000_000}), 3.3)
	near(t, "sonnet 4.6 before", mustCostIn(t, tb, "claude-sonnet-4-6", fetched.Add(-time.Hour), pricing.Usage{Input: 1_000_000}), 3)
	// Sonnet 5 stays at $2 (LiteLLM's $3 is known wrong); Haiku 3's 1h stays $0.50.
	near(t, "sonnet 5", mustCostIn(t, tb, "claude-sonnet-5", fetched, pricing.Usage{Input: 1_000_000}), 2)
	near(t, "haiku 3 1h", mustCostIn(t, tb, "claude-haiku-3", fetched, pricing.Usage{CacheWrite1h: 1_000_000}), 0.5)
	// Opus 6, fast (x2 from its provider_specific_entry): 100,000 in × $6 ×
	// 2 + 10,000 out × $30 × 2 = 1.20 + 0.60 = 1.80.
	near(t, "opus 6 fast", mustCostIn(t, tb, "claude-opus-6", fetched, pricing.Usage{Input: 100_000, Output: 10_000, Fast: true}), 1.8)

	// The stored file reloads into the same table (offline next start).
	again := pricing.NewUpdater(pricing.Default(), store, pricing.FetchOptions{})
	if again.Table().Version() != tb.Version() || again.Status().Update.SHA256 != info.SHA256 || len(again.Table().Rows("claude-sonnet-4-6")) != 2 {
		t.Errorf("reloaded %q %+v", again.Table().Version(), again.Status())
	}
}

func mustCostIn(t *testing.T, tb *pricing.Table, model string, at time.Time, u pricing.Usage) float64 {
	t.Helper()
	c, err := tb.Cost(model, at, u)
	if err != nil {
		t.Fatalf("%s: %v", model, err)
	}
	return c.USD
}

// TestUpdateRefusesBadFiles checks each bad download: refused with one
// sentence, the previous table still in force, the stored file unchanged,
// nothing half-written in its folder.
func TestUpdateRefusesBadFiles(t *testing.T) {
	good := litellmFile(t, nil)
	cases := []struct {
		name    string
		handler http.HandlerFunc
		want    string
		timeout time.Duration // 0: 30 s
	}{
		{"truncated", bytesHandler(good[:len(good)/2], "application/json"), "not a JSON object", 0},
		{"HTML page", bytesHandler([]byte("<!DOCTYPE html><html><body>Rate limited</body></html>"), "text/html"), "not a JSON object", 0},
		{"100 MB", func(w http.ResponseWriter, _ *http.Request) {
			chunk := []byte(strings.Repeat(" ", 1<<20))
			for range 100 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, "larger than 64 MiB", 0},
		{"never answers", func(_ http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()        // the client gave up
			panic(http.ErrAbortHandler) // and no response is ever sent
		}, "did not answer in time", 300 * time.Millisecond},
		{"negative price", bytesHandler(litellmFile(t, func(e map[string]map[string]any) {
			e["claude-opus-4-5"]["output_cost_per_token"] = -2.5e-5
		}), "application/json"), "negative or non-finite", 0},
		{"most models missing", bytesHandler([]byte(`{"claude-opus-4-5": {"litellm_provider": "anthropic",
			"input_cost_per_token": 5e-6, "output_cost_per_token": 2.5e-5}}`), "application/json"), "prices only 1 of the", 0},
		{"server error", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "boom", http.StatusBadGateway) }, "answered 502", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var bad atomic.Bool
			srv, up, store := serveWithin(t, cmp.Or(tc.timeout, 30*time.Second), func(w http.ResponseWriter, r *http.Request) {
				if !bad.Load() {
					bytesHandler(good, "application/json")(w, r)
					return
				}
				tc.handler(w, r)
			})
			if _, err := up.Check(context.Background(), srv.URL); err != nil {
				t.Fatal(err)
			}
			before, stored := up.Table(), readFile(t, store.Path)
			bad.Store(true)
			_, err := up.Check(context.Background(), srv.URL)
			msg := backend.ErrorMessage(err)
			if err == nil || !strings.Contains(msg, tc.want) || strings.Count(msg, ". ") > 0 || !strings.HasSuffix(msg, ".") {
				t.Fatalf("err %#v (message %q), want one sentence with %q", err, msg, tc.want)
			}
			if up.Table() != before || readFile(t, store.Path) != stored || up.Status().LastError != msg {
				t.Error("a refused download changed the table in force or the stored file")
			}
			entries, _ := os.ReadDir(filepath.Dir(store.Path))
			if len(entries) != 1 {
				t.Errorf("folder holds %d files, want the stored one only", len(entries))
			}
		})
	}
}

// TestUpdateKeepsOutImplausiblePrices: a file that prices Opus at $0 is
// used for every other model; the Opus rows stay and the sentence says why.
// A file without 1-hour fields keeps the table's 1-hour rates.
func TestUpdateKeepsOutImplausiblePrices(t *testing.T) {
	zeroOpus := litellmFile(t, func(e map[string]map[string]any) {
		for k, v := range e {
			if strings.HasPrefix(k, "claude-opus-") {
				v["input_cost_per_token"], v["output_cost_per_token"] = 0.0, 0.0
			}
		}
	})
	srv, up, _ := serve(t, bytesHandler(zeroOpus, "application/json"))
	info, err := up.Check(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	opus := 0
	for _, f := range up.Table().Families() {
		if strings.HasPrefix(f, "claude-opus-") {
			opus++
		}
	}
	if len(info.KeptOut) != opus || !strings.Contains(strings.Join(info.KeptOut, " "),
		"LiteLLM's input price for claude-opus-4-5 ($0 per million) is more than 10x away from the one in force ($5), so it is not used.") {
		t.Errorf("kept out %q", info.KeptOut)
	}
	near(t, "opus 4.5", mustCostIn(t, up.Table(), "claude-opus-4-5", day("2026-12-04"), pricing.Usage{Input: 1_000_000}), 5)
	if p := up.Table().Rows("claude-opus-4-5")[0].Provenance; p.Check != "kept" {
		t.Errorf("opus provenance %+v", p)
	}

	no1h := litellmFile(t, func(e map[string]map[string]any) {
		for _, v := range e {
			delete(v, "cache_creation_input_token_cost_above_1hr")
		}
	})
	srv2, up2, _ := serve(t, bytesHandler(no1h, "application/json"))
	if _, err := up2.Check(context.Background(), srv2.URL); err != nil {
		t.Fatal(err)
	}
	// Opus 5.5's 1-hour writes stay $8 per million.
	near(t, "opus 5.5 1h", mustCostIn(t, up2.Table(), "claude-opus-5-5", day("2026-12-04"), pricing.Usage{CacheWrite1h: 1_000_000}), 8)
	if p := up2.Table().Rows("claude-opus-5-5")[0].Provenance; p.Check != "confirmed" {
		t.Errorf("opus 5.5 provenance %+v", p)
	}
}

// TestUpdateNeedsHTTPS refuses a plain-HTTP address before any request.
func TestUpdateNeedsHTTPS(t *testing.T) {
	srv := httptest.NewServer(bytesHandler(litellmFile(t, nil), "application/json"))
	defer srv.Close()
	up := pricing.NewUpdater(pricing.Default(), pricing.Store{Path: filepath.Join(t.TempDir(), "p.json")}, pricing.FetchOptions{})
	if _, err := up.Check(context.Background(), srv.URL); backend.ErrorMessage(err) != "The price list address must be an https:// URL." {
		t.Errorf("err %v", err)
	}
}

// TestFirstStartOffline: without a stored download the embedded table is in
// force; an unreadable stored file is set aside and said so.
func TestFirstStartOffline(t *testing.T) {
	dir := t.TempDir()
	up := pricing.NewUpdater(pricing.Default(), pricing.Store{Path: filepath.Join(dir, "litellm.json")}, pricing.FetchOptions{})
	if up.Table() != pricing.Default() || up.Status().Update != nil || !up.Due(time.Now(), true, false) {
		t.Errorf("first start: %+v", up.Status())
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	up = pricing.NewUpdater(pricing.Default(), pricing.Store{Path: bad}, pricing.FetchOptions{})
	if up.Table() != pricing.Default() || !strings.Contains(up.Status().StoreError, "set aside") {
		t.Errorf("unreadable store: %+v", up.Status())
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// BenchmarkUpdate times a whole update (download over local HTTPS, parse,
// merge, atomic store) of a file the size of LiteLLM's: about 2,500 entries,
// most of other vendors.
func BenchmarkUpdate(b *testing.B) {
	raw := litellmFile(b, func(e map[string]map[string]any) {
		for i := range 2500 {
			e["vendor/model-"+strconv.Itoa(i)] = map[string]any{"litellm_provider": "vendor", "mode": "chat", "max_input_tokens": 128000,
				"input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6, "supports_function_calling": true, "supports_vision": true}
		}
	})
	srv := httptest.NewTLSServer(bytesHandler(raw, "application/json"))
	defer srv.Close()
	up := pricing.NewUpdater(pricing.Default(), pricing.Store{Path: filepath.Join(b.TempDir(), "litellm.json")},
		pricing.FetchOptions{Client: srv.Client()})
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := up.Check(context.Background(), srv.URL); err != nil {
			b.Fatal(err)
		}
	}
}
