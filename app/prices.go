package app

import (
	"cmp"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// NewPriceUpdater returns the price table in force for paths: the shipped
// table merged with the last good download stored at paths.Prices (the
// shipped table alone at a first start offline).
func NewPriceUpdater(paths Paths) *pricing.Updater {
	return pricing.NewUpdater(pricing.Default(), pricing.Store{Path: paths.Prices}, pricing.FetchOptions{})
}

// SettingsPrices returns what ReportService.Prices wants: a function that,
// at each call, builds the table in force (tables, nil: the shipped one)
// with the model aliases and custom prices of the current settings and the
// cache-TTL policy of the active profile (active, nil: the default), so a
// saved change or a new download applies to the next fetch.
func SettingsPrices(current func() backend.Settings, tables func() *pricing.Table, active func() (backend.Profile, error)) func() backend.Pricer {
	return func() backend.Pricer {
		st := current()
		t := pricing.Default()
		if tables != nil {
			t = tables()
		}
		ttl := backend.CacheTTLMatch
		if active != nil {
			if p, err := active(); err == nil {
				ttl = cmp.Or(st.CacheTTL[p.ID], ttl)
			}
		}
		return t.WithOverrides(st.ModelAliases, pricing.CustomPrices(st.CustomPrices)).WithCacheTTL(ttl)
	}
}

// priceListURL is the address price checks read: the setting, else
// LiteLLM's main-branch file.
func priceListURL(st backend.Settings) string {
	return cmp.Or(st.PriceListURL, pricing.DefaultLiteLLMURL)
}
