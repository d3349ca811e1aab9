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
// safe for concurrent use; WithOverrides and Merge return new Tables.
type Table struct {
	version, source string
	// families maps a canonical family id to its rows, oldest first.
	families map[string][]Price
	// sameAs maps another family id of the same model (Mythos for Fable) to
	// the family id it is listed under.
	sameAs map[string]string
	// litellmWrong lists, per family, the rate fields LiteLLM is known to
	// get wrong, which a merge never takes from it.
	litellmWrong map[string][]string
	// aliases maps a cleaned model id or family id to the id it is priced as.
	aliases map[string]string
	// custom maps a cleaned model id or family id to a user-entered price.
	custom map[string]Price
	// update describes the download merged in, nil for the embedded table.
	update *UpdateInfo
	// cacheTTL prices cache writes of unknown TTL ("" is CacheTTLMatch).
	cacheTTL backend.CacheTTL
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
	Version string `json:"version"`
	Source  string `json:"source"`
	// BatchFactor is what a batch request pays of every rate (0.5).
	BatchFactor float64      `json:"batch_factor"`
	Families    []fileFamily `json:"families"`
}

// fileFamily is one model family: its rows, modifiers and the other ids
// (SameAs) of the same model.
type fileFamily struct {
	Family       string         `json:"family"`
	Name         string         `json:"name"`
	Note         string         `json:"note"`
	SameAs       []string       `json:"same_as"`
	LiteLLMWrong []string       `json:"litellm_wrong"`
	Modifiers    []fileModifier `json:"modifiers"`
	Prices       []filePrice    `json:"prices"`
}

// filePrice is one dated row; From and Verified are YYYY-MM-DD dates (UTC).
type filePrice struct {
	From string `json:"from"`
	Rates
	LongContext *LongContext `json:"long_context"`
	Source      string       `json:"source"`
	Verified    string       `json:"verified"`
	Confidence  string       `json:"confidence"`
	Note        string       `json:"note"`
}

// fileModifier is a Modifier with YYYY-MM-DD dates; Multiplier null or 0 is
// unconfirmed.
type fileModifier struct {
	Rule       string  `json:"rule"`
	From       string  `json:"from"`
	Until      string  `json:"until"`
	Multiplier float64 `json:"multiplier"`
	Source     string  `json:"source"`
	Confidence string  `json:"confidence"`
}

// Parse reads a price table in the JSON form of prices.json and checks it:
// a version and source, canonical family ids, dates, valid rates, a known
// confidence mark, modifiers of known rules, and no two rows of a family on
// the same date. Errors are EINVALID.
func Parse(data []byte) (*Table, error) {
	var f fileTable
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, backend.WrapError(err, backend.EINVALID, "The price table is not valid JSON.")
	}
	if f.Version == "" || f.Source == "" {
		return nil, backend.Errorf(backend.EINVALID, "The price table has no version or source.")
	}
	if f.BatchFactor <= 0 || f.BatchFactor > 1 {
		return nil, backend.Errorf(backend.EINVALID, "The price table's batch factor must be above 0 and at most 1.")
	}
	t := &Table{version: f.Version, source: f.Source, families: map[string][]Price{},
		sameAs: map[string]string{}, litellmWrong: map[string][]string{}}
	for _, fam := range f.Families {
		if id, ok := Normalize(fam.Family); !ok || id != fam.Family {
			return nil, backend.Errorf(backend.EINVALID, "The price table's family id %q is not canonical.", fam.Family)
		}
		if _, dup := t.families[fam.Family]; dup || len(fam.Prices) == 0 {
			return nil, backend.Errorf(backend.EINVALID, "The price table lists family %q twice or without prices.", fam.Family)
		}
		mods, err := fam.modifiers()
		if err != nil {
			return nil, err
		}
		var prices []Price
		for _, fp := range fam.Prices {
			p, err := fp.price(fam, mods)
			if err != nil {
				return nil, err
			}
			p.batch = f.BatchFactor
			prices = append(prices, p)
		}
		if err := t.addFamily(fam.Family, prices); err != nil {
			return nil, err
		}
		for _, other := range fam.SameAs {
			if id, ok := Normalize(other); !ok || id != other {
				return nil, backend.Errorf(backend.EINVALID, "The price table's family id %q is not canonical.", other)
			}
			t.sameAs[other] = fam.Family
		}
		t.litellmWrong[fam.Family] = fam.LiteLLMWrong
	}
	return t, nil
}

// addFamily sorts a family's rows by date, refuses two on the same date, and
// adds them.
func (t *Table) addFamily(family string, prices []Price) error {
	slices.SortFunc(prices, func(a, b Price) int { return a.From.Compare(b.From) })
	for i := 1; i < len(prices); i++ {
		if prices[i].From.Equal(prices[i-1].From) {
			return backend.Errorf(backend.EINVALID, "The price table has two prices for %q from the same date.", family)
		}
	}
	t.families[family] = prices
	return nil
}

// date parses a YYYY-MM-DD date of the table ("" is the zero time when
// optional).
func date(s, what, family string, optional bool) (time.Time, error) {
	if s == "" && optional {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, backend.WrapError(err, backend.EINVALID,
			fmt.Sprintf("The price table's %s %q for %q is not YYYY-MM-DD.", what, s, family))
	}
	return d, nil
}

// modifiers checks and converts the family's modifiers.
func (fam fileFamily) modifiers() ([]Modifier, error) {
	var out []Modifier
	for _, fm := range fam.Modifiers {
		from, err := date(fm.From, "modifier date", fam.Family, false)
		if err != nil {
			return nil, err
		}
		until, err := date(fm.Until, "modifier end", fam.Family, true)
		if err != nil {
			return nil, err
		}
		if (fm.Rule != "fast" && fm.Rule != "regional") || fm.Multiplier < 0 || fm.Multiplier > 100 || !validConfidence(fm.Confidence) {
			return nil, backend.Errorf(backend.EINVALID, "The price table's %q modifier for %q is wrong.", fm.Rule, fam.Family)
		}
		out = append(out, Modifier{Rule: fm.Rule, From: from, Until: until, Multiplier: fm.Multiplier,
			Source: fm.Source, Confidence: fm.Confidence})
	}
	return out, nil
}

func validConfidence(c string) bool { return c == ConfidenceOfficial || c == ConfidenceSecondary }

// price checks a dated row and turns it into a Price.
func (fp filePrice) price(fam fileFamily, mods []Modifier) (Price, error) {
	from, err := date(fp.From, "date", fam.Family, false)
	if err != nil {
		return Price{}, err
	}
	if _, err := date(fp.Verified, "verified date", fam.Family, false); err != nil {
		return Price{}, err
	}
	if why := validRates(fp.Rates); why != "" {
		return Price{}, backend.Errorf(backend.EINVALID, "The price table's rates for %q from %s are wrong: %s.", fam.Family, fp.From, why)
	}
	if lc := fp.LongContext; lc != nil {
		if why := validRates(lc.Rates); why != "" || lc.ThresholdTokens <= 0 {
			return Price{}, backend.Errorf(backend.EINVALID, "The price table's long-context tier for %q from %s is wrong.", fam.Family, fp.From)
		}
	}
	if fp.Source == "" || !validConfidence(fp.Confidence) {
		return Price{}, backend.Errorf(backend.EINVALID, "The price table's row for %q from %s has no source or confidence mark.", fam.Family, fp.From)
	}
	note := fam.Note
	if fp.Note != "" {
		note = fp.Note
	}
	return Price{Family: fam.Family, Name: fam.Name, From: from, Rates: fp.Rates, LongContext: fp.LongContext,
		Modifiers: mods, Note: note, Source: fp.Source, Verified: fp.Verified, Confidence: fp.Confidence,
		Provenance: Provenance{Origin: OriginEmbedded}, row: rowID(fam.Family, from)}, nil
}

// Version is the price table's version (the embedded table's date, plus the
// date of a merged download).
func (t *Table) Version() string { return t.version }

// Source says where the table's prices come from.
func (t *Table) Source() string { return t.source }

// Families lists the table's family ids, sorted.
func (t *Table) Families() []string {
	ids := make([]string, 0, len(t.families))
	for id := range t.families {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Rows returns every row of family, oldest first (nil when unknown).
func (t *Table) Rows(family string) []Price { return slices.Clone(t.families[family]) }

// SameAs lists the other family ids priced as family (Mythos ids for Fable).
func (t *Table) SameAs(family string) []string {
	var out []string
	for other, f := range t.sameAs {
		if f == family {
			out = append(out, other)
		}
	}
	slices.Sort(out)
	return out
}

// maxAliasHops bounds alias chains, so a cycle ends as "unknown".
const maxAliasHops = 8

// Lookup returns the price of model at time at. User overrides come first:
// a custom price entered for the id or for its family, then an alias for the
// id or its family (resolved again, up to a few hops). Otherwise the model's
// family (see Normalize) gives the row in force at at: the newest one whose
// From is not after at. A time before the family's first row (a skewed
// clock) uses the first row; the zero time uses the newest row.
func (t *Table) Lookup(model string, at time.Time) (Price, bool) {
	prices := t.entries(model, 0)
	i := pickIndex(prices, at)
	if i < 0 {
		return Price{}, false
	}
	return prices[i], true
}

// entries resolves model once, without a date: the dated rows of the
// family it is priced as (oldest first), or a custom price as its only row,
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
	if f, ok := t.sameAs[family]; ok {
		family = f
	}
	return t.families[family]
}

// pickIndex returns the index of the row of prices in force at at: the
// newest one whose From is not after at; the first for a time before every
// row (a skewed clock); the newest for the zero time; -1 without rows.
func pickIndex(prices []Price, at time.Time) int {
	i := len(prices) - 1
	if at.IsZero() {
		return i
	}
	for i > 0 && prices[i].From.After(at) {
		i--
	}
	return i
}
