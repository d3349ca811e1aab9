package pricing

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"usagedash/backend"
)

//go:embed prices.json
var defaultJSON []byte

// Table is a dated price table plus the user's overrides. It is immutable and
// safe for concurrent use; WithOverrides returns a new Table.
type Table struct {
	version, source string
	// families maps a canonical family id to its prices, oldest first.
	families map[string][]Price
	// aliases maps a cleaned model id or family id to the id it is priced as.
	aliases map[string]string
	// custom maps a cleaned model id or family id to a user-entered price.
	custom map[string]Price
}

// Default returns the price table shipped with the app (parsed once; the
// tests check that it parses).
func Default() *Table { return defaultTable() }

var defaultTable = sync.OnceValue(func() *Table {
	t, err := Parse(defaultJSON)
	if err != nil {
		panic("pricing: the embedded prices.json is invalid: " + err.Error())
	}
	return t
})

// fileTable is the JSON form of a price table (see prices.json).
type fileTable struct {
	Version  string `json:"version"`
	Source   string `json:"source"`
	Families []struct {
		Family string      `json:"family"`
		Name   string      `json:"name"`
		Note   string      `json:"note"`
		Prices []filePrice `json:"prices"`
	} `json:"families"`
}

// filePrice is one dated entry; From is a YYYY-MM-DD date in UTC.
type filePrice struct {
	From string `json:"from"`
	Rates
	LongContext *LongContext `json:"long_context"`
}

// Parse reads a price table in the JSON form of prices.json and checks it:
// a version and source, known-form family ids, dates, valid rates, and no
// two entries of a family on the same date. Errors are EINVALID.
func Parse(data []byte) (*Table, error) {
	var f fileTable
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, backend.WrapError(err, backend.EINVALID, "The price table is not valid JSON.")
	}
	if f.Version == "" || f.Source == "" {
		return nil, backend.Errorf(backend.EINVALID, "The price table has no version or source.")
	}
	t := &Table{version: f.Version, source: f.Source, families: map[string][]Price{}}
	for _, fam := range f.Families {
		if id, ok := Normalize(fam.Family); !ok || id != fam.Family {
			return nil, backend.Errorf(backend.EINVALID, "The price table's family id %q is not canonical.", fam.Family)
		}
		if _, dup := t.families[fam.Family]; dup || len(fam.Prices) == 0 {
			return nil, backend.Errorf(backend.EINVALID, "The price table lists family %q twice or without prices.", fam.Family)
		}
		var prices []Price
		for _, fp := range fam.Prices {
			p, err := fp.price(fam.Family, fam.Name, fam.Note)
			if err != nil {
				return nil, err
			}
			prices = append(prices, p)
		}
		slices.SortFunc(prices, func(a, b Price) int { return a.From.Compare(b.From) })
		for i := 1; i < len(prices); i++ {
			if prices[i].From.Equal(prices[i-1].From) {
				return nil, backend.Errorf(backend.EINVALID, "The price table has two prices for %q from the same date.", fam.Family)
			}
		}
		t.families[fam.Family] = prices
	}
	return t, nil
}

// price checks a dated entry and turns it into a Price.
func (fp filePrice) price(family, name, note string) (Price, error) {
	from, err := time.Parse(time.DateOnly, fp.From)
	if err != nil {
		return Price{}, backend.WrapError(err, backend.EINVALID,
			fmt.Sprintf("The price table's date %q for %q is not YYYY-MM-DD.", fp.From, family))
	}
	if why := validRates(fp.Rates); why != "" {
		return Price{}, backend.Errorf(backend.EINVALID, "The price table's rates for %q from %s are wrong: %s.", family, fp.From, why)
	}
	if lc := fp.LongContext; lc != nil {
		if why := validRates(lc.Rates); why != "" || lc.ThresholdTokens <= 0 {
			return Price{}, backend.Errorf(backend.EINVALID, "The price table's long-context tier for %q from %s is wrong.", family, fp.From)
		}
	}
	return Price{Family: family, Name: name, From: from, Rates: fp.Rates, LongContext: fp.LongContext, Note: note}, nil
}

// Families lists the table's family ids, sorted.
func (t *Table) Families() []string {
	ids := make([]string, 0, len(t.families))
	for id := range t.families {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// maxAliasHops bounds alias chains, so a cycle ends as "unknown".
const maxAliasHops = 8

// Lookup returns the price of model at time at. User overrides come first:
// a custom price entered for the id or for its family, then an alias for the
// id or its family (resolved again, up to a few hops). Otherwise the model's
// family (see Normalize) gives the entry in force at at: the newest one whose
// From is not after at. A time before the family's first entry (a skewed
// clock) uses the first entry; the zero time uses the newest entry.
func (t *Table) Lookup(model string, at time.Time) (Price, bool) {
	return pick(t.entries(model, 0), at)
}

// entries resolves model once, without a date: the dated entries of the
// family it is priced as (oldest first), or a custom price as its only entry,
// or nil when no price is known. hops counts the aliases followed so far.
func (t *Table) entries(model string, hops int) []Price {
	if hops > maxAliasHops {
		return nil
	}
	keys := []string{cleanID(model)}
	family, known := Normalize(model)
	if known && family != keys[0] {
		keys = append(keys, family)
	}
	for _, k := range keys {
		if p, ok := t.custom[k]; ok {
			return []Price{p}
		}
		if target, ok := t.aliases[k]; ok {
			return t.entries(target, hops+1)
		}
	}
	if !known {
		return nil
	}
	return t.families[family]
}

// pick returns the entry of prices in force at at: the newest one whose From
// is not after at; the first for a time before every entry (a skewed clock);
// the newest for the zero time.
func pick(prices []Price, at time.Time) (Price, bool) {
	if len(prices) == 0 {
		return Price{}, false
	}
	if at.IsZero() {
		return prices[len(prices)-1], true
	}
	i := len(prices) - 1
	for i > 0 && prices[i].From.After(at) {
		i--
	}
	return prices[i], true
}
