package app

import (
	"time"

	"usagedash/backend/pricing"
)

// PriceTableInfo describes the shipped price table for the settings window:
// its version and source, and the current price of every model family.
type PriceTableInfo struct {
	Version string          `json:"version"`
	Source  string          `json:"source"`
	Models  []pricing.Price `json:"models"`
}

// PriceTable returns the shipped price table's current prices (without the
// user's overrides), so the window can offer known models to map to.
func (s *SettingsService) PriceTable() PriceTableInfo {
	t := pricing.Default()
	info := PriceTableInfo{Version: t.Version(), Source: t.Source()}
	for _, id := range t.Families() {
		if p, ok := t.Lookup(id, time.Time{}); ok {
			info.Models = append(info.Models, p)
		}
	}
	return info
}
