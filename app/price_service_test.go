package app

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// TestPriceServiceChecksAndSaysWhen checks prices against a local HTTPS
// server with its own CA: before, the shipped table and "not checked yet";
// after, the download in force and how long ago it was checked; a bad file
// leaves the prices as they were and says why.
func TestPriceServiceChecksAndSaysWhen(t *testing.T) {
	body := `{`
	for _, f := range pricing.Default().Families() {
		p, _ := pricing.Default().Lookup(f, time.Time{})
		body += `"` + f + `": {"litellm_provider": "anthropic", "input_cost_per_token": ` + ftoa(p.Input/1e6) +
			`, "output_cost_per_token": ` + ftoa(p.Output/1e6) + `},`
	}
	body = strings.TrimSuffix(body, ",") + `}`
	var bad atomic.Bool
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if bad.Load() {
			w.Write([]byte("<html>maintenance</html>"))
			return
		}
		w.Write([]byte(body))
	}))
	defer srv.Close()
	up := pricing.NewUpdater(pricing.Default(), pricing.Store{Path: filepath.Join(t.TempDir(), "prices", "litellm.json")},
		pricing.FetchOptions{Client: srv.Client()})
	st := backend.DefaultSettings()
	st.PriceListURL = srv.URL
	life := NewLifecycle()
	defer life.Shutdown()
	s := NewPriceService(life, up, func() backend.Settings { return st })

	if got := s.Status(); got.Checked != nil || got.CheckedText != "Prices not checked yet: the shipped table of 2026-12-04 is in force." ||
		!got.DailyCheck || got.URL != srv.URL {
		t.Fatalf("before %+v", got)
	}
	got, err := s.CheckNow()
	if err != nil {
		t.Fatal(err)
	}
	if got.Checked == nil || got.CheckedText != "Prices checked less than an hour ago." || got.Update == nil || !strings.Contains(got.Version, "+litellm-") {
		t.Errorf("after %+v", got)
	}
	checked := *got.Checked
	s.now = func() time.Time { return checked.Add(3*24*time.Hour + time.Minute) }
	if got := s.Status().CheckedText; got != "Prices checked 3 days ago." {
		t.Errorf("3 days on: %q", got)
	}
	if l := s.Table(); len(l.Families) != len(pricing.Default().Families()) || l.Update == nil {
		t.Errorf("listing has %d families", len(l.Families))
	}
	bad.Store(true)
	if _, err := s.CheckNow(); err == nil || s.Status().Update.SHA256 != got.Update.SHA256 || s.Status().LastError == "" {
		t.Errorf("bad file: %v, %+v", err, s.Status())
	}
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
