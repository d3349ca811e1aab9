package pricing

import (
	"time"

	"usagedash/backend"
)

// Recost is a stored report repriced with the table in force now, beside
// the costs it was stored with.
type Recost struct {
	// StoredVersion priced the report when it was made; CurrentVersion is
	// the table it is repriced with.
	StoredVersion  string `json:"stored_version"`
	CurrentVersion string `json:"current_version"`
	// At is the date whose rates price every row: the end of the report's
	// period (or when it was made, if earlier).
	At     time.Time   `json:"at" ts_type:"string"`
	Models []RecostRow `json:"models"`
	// StoredUSD and CurrentUSD sum the rows; CurrentUSD is a lower bound
	// when UnpricedModels is not empty.
	StoredUSD      float64  `json:"stored_usd"`
	CurrentUSD     float64  `json:"current_usd"`
	UnpricedModels []string `json:"unpriced_models"`
	// Note says how the repricing was done, in one or two sentences.
	Note string `json:"note"`
}

// RecostRow is one model's row, stored and repriced.
type RecostRow struct {
	Model  string                 `json:"model"`
	Tokens backend.TokenBreakdown `json:"tokens"`
	// StoredUSD is the row's computed cost as stored; CurrentUSD the cost
	// at the table in force (null when it knows no price for the model).
	StoredUSD  float64  `json:"stored_usd"`
	CurrentUSD *float64 `json:"current_usd"`
	// CacheTTL is how its cache writes of unknown TTL were priced.
	CacheTTL backend.CacheTTL `json:"cache_ttl" ts_type:"string"`
}

// RecostReport reprices r's by-model rows with t. Each row sums many logs,
// so it is priced as an aggregate (no prompt-size tier) at the rates in
// force at the end of the period; cache writes at the TTL the stored report
// chose for the model (1-hour writes when it recorded none). A report
// without by-model rows (the platform API's) cannot be repriced: EINVALID.
func RecostReport(r *backend.Report, t *Table) (*Recost, error) {
	if r == nil || r.Breakdowns == nil || r.Breakdowns.ByModel == nil {
		return nil, backend.Errorf(backend.EINVALID, "This report has no per-model rows (only MongoDB reports keep them), so it cannot be repriced.")
	}
	at := r.GeneratedAt
	if r.PeriodEnd != nil && r.PeriodEnd.Before(at) {
		at = r.PeriodEnd.Add(-time.Millisecond)
	}
	out := &Recost{CurrentVersion: t.Version(), At: at, Models: []RecostRow{}, UnpricedModels: []string{},
		Note: "Each model's tokens are priced at the rates in force on " + at.UTC().Format(time.DateOnly) +
			", the end of the report's period: a price change inside the period is not split."}
	chosen := map[string]backend.CacheTTL{}
	if p := r.Pricing; p != nil {
		out.StoredVersion = p.TableVersion
		for _, c := range p.CacheTTL {
			chosen[c.Model] = c.TTL
		}
	}
	for _, row := range r.Breakdowns.ByModel {
		b := row.Tokens
		ttl := backend.CacheTTL1h
		if c, ok := chosen[row.Key]; ok {
			ttl = c
		}
		rr := RecostRow{Model: row.Key, Tokens: b, StoredUSD: row.ComputedUSD, CacheTTL: ttl}
		out.StoredUSD += row.ComputedUSD
		typed := b.InputTokens + b.OutputTokens + b.CacheCreationInputTokens + b.CacheReadInputTokens
		lp := t.Model(row.Key).PriceRequest(at, backend.RequestUsage{Input: b.InputTokens, Output: b.OutputTokens,
			CacheWriteUnsplit: b.CacheCreationInputTokens, CacheRead: b.CacheReadInputTokens, Aggregate: true})
		switch {
		case !lp.Priced && typed > 0:
			if row.Key != "" {
				out.UnpricedModels = append(out.UnpricedModels, row.Key)
			}
		case lp.Priced:
			usd := lp.USD
			if ttl == backend.CacheTTL1h {
				usd = lp.Unsplit1h.USD
			}
			rr.CurrentUSD = &usd
			out.CurrentUSD += usd
		}
		out.Models = append(out.Models, rr)
	}
	return out, nil
}
