package pricing

import "usagedash/backend"

// CustomPrices converts the prices a user entered in the settings into the
// custom prices of WithOverrides and ValidateOverrides. Zero cache rates stay
// zero, so WithOverrides derives them from the input rate.
func CustomPrices(rates map[string]backend.ModelRates) map[string]Price {
	out := make(map[string]Price, len(rates))
	for id, r := range rates {
		out[id] = Price{Rates: Rates{Input: r.Input, Output: r.Output,
			CacheWrite5m: r.CacheWrite5m, CacheWrite1h: r.CacheWrite1h, CacheRead: r.CacheRead}}
	}
	return out
}

// FromSettings is the shipped table with the overrides of st: its model
// aliases and custom prices.
func FromSettings(st backend.Settings) *Table {
	return Default().WithOverrides(st.ModelAliases, CustomPrices(st.CustomPrices))
}
