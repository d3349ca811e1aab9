package settings

import (
	"fmt"
	"maps"
	"slices"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// repair drops from st each entry that fails validation on its own (a
// budget, a model alias, a custom price, a cache-TTL policy) and resets each
// field that fails to its default, so one bad entry costs only itself. It
// returns one sentence per dropped entry. Entries are checked against the
// defaults plus, for aliases, the custom prices that survived.
func repair(st *backend.Settings) []string {
	var dropped []string
	def := backend.DefaultSettings()
	check := func(edit func(*backend.Settings)) bool {
		probe := backend.DefaultSettings()
		edit(&probe)
		return Validate(&probe) == nil
	}
	if !check(func(p *backend.Settings) { p.RefreshMinutes = st.RefreshMinutes }) {
		st.RefreshMinutes = def.RefreshMinutes
		dropped = append(dropped, "The refresh interval was out of range; the default is used.")
	}
	if !check(func(p *backend.Settings) { p.TrayShows = st.TrayShows }) {
		st.TrayShows = def.TrayShows
		dropped = append(dropped, "What the tray shows was unknown; it shows today's cost.")
	}
	if !check(func(p *backend.Settings) { p.PriceListURL = st.PriceListURL }) {
		st.PriceListURL = def.PriceListURL
		dropped = append(dropped, "The price list address was not an https:// URL; the default is used.")
	}
	dropped = append(dropped, dropEntries(st.Budgets, func(id string, b backend.Budget) bool {
		return check(func(p *backend.Settings) { p.Budgets = map[string]backend.Budget{id: b} })
	}, "The budget of one connection was invalid and was dropped.")...)
	dropped = append(dropped, dropEntries(st.CacheTTL, func(id string, ttl backend.CacheTTL) bool {
		return check(func(p *backend.Settings) { p.CacheTTL = map[string]backend.CacheTTL{id: ttl} })
	}, "The cache-write pricing of one connection was unknown and was dropped.")...)
	dropped = append(dropped, dropEntries(st.CustomPrices, func(id string, r backend.ModelRates) bool {
		return check(func(p *backend.Settings) { p.CustomPrices = map[string]backend.ModelRates{id: r} })
	}, "A custom model price was invalid and was dropped.")...)
	custom := maps.Clone(st.CustomPrices)
	dropped = append(dropped, dropEntries(st.ModelAliases, func(id, target string) bool {
		return check(func(p *backend.Settings) { p.ModelAliases, p.CustomPrices = map[string]string{id: target}, custom })
	}, "A model alias pointed to a model this version has no price for and was dropped.")...)
	return dropped
}

// dropEntries deletes the entries of m that ok refuses (in key order) and
// returns the sentence once per dropped entry, naming its key.
func dropEntries[V any](m map[string]V, ok func(string, V) bool, sentence string) []string {
	var dropped []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !ok(k, m[k]) {
			delete(m, k)
			dropped = append(dropped, fmt.Sprintf("%s (%q).", sentence[:len(sentence)-1], textsafe.Quote(k)))
		}
	}
	return dropped
}
