package pricing

import (
	"maps"
	"slices"
	"time"

	"usagedash/backend"
)

// Standard cache multipliers of the input rate, used to fill cache rates a
// user left at zero.
const (
	cacheWrite5mFactor = 1.25
	cacheWrite1hFactor = 2
	cacheReadFactor    = 0.1
	// DefaultLongContextThreshold is the long-context threshold used when a
	// custom tier does not set one.
	DefaultLongContextThreshold = 200_000
)

// WithOverrides returns a copy of t with the user's overrides added to (and
// replacing) any t already has:
//
//   - aliases maps a model id the table does not know (or a family id, which
//     covers all its dated ids) to an id it prices, e.g.
//     "claude-opus-4-7" → "claude-opus-4-6". The target is resolved like any
//     model, so it may be a custom id.
//   - custom maps a model id or family id to a price the user entered. It
//     applies at every date and wins over the shipped table and aliases. It
//     replaces a family's entry whole: set LongContext to keep a tier.
//     A zero cache rate means "not entered" and is derived from Input by the
//     standard multipliers (1.25x, 2x, 0.1x), so 1-hour writes are never
//     priced at $0 or at the 5-minute rate by omission; a long-context tier
//     without a threshold gets 200,000.
//
// Ids are matched without regard to case or surrounding spaces. Entries that
// cannot work (empty ids, invalid rates, an alias to itself) are skipped; call
// ValidateOverrides first to tell the user why.
func (t *Table) WithOverrides(aliases map[string]string, custom map[string]Price) *Table {
	n := &Table{version: t.version, source: t.source, families: t.families, sameAs: t.sameAs,
		litellmWrong: t.litellmWrong, update: t.update, cacheTTL: t.cacheTTL, aliases: maps.Clone(t.aliases), custom: maps.Clone(t.custom)}
	if n.aliases == nil {
		n.aliases = map[string]string{}
	}
	if n.custom == nil {
		n.custom = map[string]Price{}
	}
	for id, target := range aliases {
		k, v := cleanID(id), cleanID(target)
		if k != "" && v != "" && k != v {
			n.aliases[k] = v
		}
	}
	for id, p := range custom {
		k := cleanID(id)
		if k == "" || validRates(p.Rates) != "" {
			continue
		}
		p = completed(p)
		if p.LongContext != nil && validRates(p.LongContext.Rates) != "" {
			continue
		}
		p.Family, p.Custom = k, true
		p.Provenance = Provenance{Origin: OriginCustom}
		p.Source, p.Confidence, p.row = "entered by the user", "", k
		if p.Name == "" {
			p.Name = id
		}
		n.custom[k] = p
	}
	return n
}

// completed fills the zero cache rates of p (and of its long-context tier)
// from the input rate, and the tier's missing threshold.
func completed(p Price) Price {
	p.Rates = completedRates(p.Rates)
	if p.LongContext != nil {
		lc := *p.LongContext
		lc.Rates = completedRates(lc.Rates)
		if lc.ThresholdTokens <= 0 {
			lc.ThresholdTokens = DefaultLongContextThreshold
		}
		p.LongContext = &lc
	}
	return p
}

func completedRates(r Rates) Rates {
	if r.CacheWrite5m == 0 {
		r.CacheWrite5m = r.Input * cacheWrite5mFactor
	}
	if r.CacheWrite1h == 0 {
		r.CacheWrite1h = r.Input * cacheWrite1hFactor
	}
	if r.CacheRead == 0 {
		r.CacheRead = r.Input * cacheReadFactor
	}
	return r
}

// ValidateOverrides checks overrides before they are saved and returns an
// EINVALID *backend.Error naming the first problem (in id order): an empty
// id, invalid rates, or an alias whose target t (with the overrides applied)
// cannot price, which would leave the model unpriced.
func (t *Table) ValidateOverrides(aliases map[string]string, custom map[string]Price) error {
	for _, id := range slices.Sorted(maps.Keys(custom)) {
		p := custom[id]
		if cleanID(id) == "" {
			return backend.Errorf(backend.EINVALID, "A custom price has no model id.")
		}
		if why := validRates(p.Rates); why != "" {
			return backend.Errorf(backend.EINVALID, "The price entered for %q is wrong: %s.", id, why)
		}
		if lc := p.LongContext; lc != nil {
			if why := validRates(lc.Rates); why != "" {
				return backend.Errorf(backend.EINVALID, "The long-context price entered for %q is wrong: %s.", id, why)
			}
		}
	}
	n := t.WithOverrides(aliases, custom)
	for _, id := range slices.Sorted(maps.Keys(aliases)) {
		target := aliases[id]
		if cleanID(id) == "" || cleanID(target) == "" {
			return backend.Errorf(backend.EINVALID, "A model mapping has an empty model id.")
		}
		if cleanID(id) == cleanID(target) {
			return backend.Errorf(backend.EINVALID, "Model %q is mapped to itself.", id)
		}
		if _, ok := n.Lookup(id, time.Time{}); !ok {
			return backend.Errorf(backend.EINVALID,
				"Model %q is mapped to %q, which has no known price (or the mappings form a loop).", id, target)
		}
	}
	return nil
}
