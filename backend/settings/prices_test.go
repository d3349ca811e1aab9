package settings_test

import (
	"path/filepath"
	"testing"

	"usagedash/backend"
	"usagedash/backend/settings"
)

// TestPriceSettings: daily checks are on by default, the price-list address
// must be https, a cache-TTL policy must be one of three, and both survive
// a save and a reopen.
func TestPriceSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	s, err := settings.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Get()
	if !st.CheckPricesDaily || st.PriceListURL != "" || st.CacheTTL == nil {
		t.Fatalf("defaults %+v", st)
	}
	st.PriceListURL = "http://example.com/prices.json"
	if _, err := s.Save(st); backend.ErrorMessage(err) != "The price list address must be an https:// URL." {
		t.Errorf("http address: %v", err)
	}
	st.PriceListURL = "https://example.com/prices.json"
	st.CacheTTL = map[string]backend.CacheTTL{"p1": "2h"}
	if _, err := s.Save(st); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("bad TTL: %v", err)
	}
	st.CacheTTL = map[string]backend.CacheTTL{"p1": backend.CacheTTL1h}
	st.CheckPricesDaily = false
	if _, err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	again, err := settings.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Get(); got.CheckPricesDaily || got.PriceListURL != st.PriceListURL || got.CacheTTL["p1"] != backend.CacheTTL1h {
		t.Errorf("reopened %+v", got)
	}
}
