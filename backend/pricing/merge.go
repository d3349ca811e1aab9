package pricing

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"usagedash/backend"
)

// Merge rules.
const (
	// maxFactor is how far (either way) a downloaded rate may be from the
	// rate in force before it is kept out as implausible.
	maxFactor = 10
	// minKnownShare is the share of the table's families a download must
	// price; a file lacking most of them is refused.
	minKnownShare = 0.5
)

// Merge returns t with the download d merged in, row by row:
//
//   - a family both know keeps its rows; when d's rates (the fields it has,
//     less those LiteLLM is known to get wrong for it) equal the row in
//     force, that row is marked "confirmed"; when they differ, d adds a row
//     from the download's day (secondary confidence) whose missing or
//     known-wrong fields come from the table; a rate more than 10x away from
//     the one in force keeps d's price out, and UpdateInfo.KeptOut says so;
//   - a family only d knows is added from the download's day, a missing cache
//     rate derived from its input rate by the usual multipliers (1.25x, 2x,
//     0.1x) and said so in the row's note;
//   - a download that prices fewer than half of t's families is refused with
//     an EINVALID error, and t stays as it is.
//
// Each row's Provenance says where it came from.
func (t *Table) Merge(d *Download) (*Table, error) {
	known := 0
	for f := range t.families {
		if _, ok := d.Families[f]; ok {
			known++
		}
	}
	if float64(known) < minKnownShare*float64(len(t.families)) {
		return nil, backend.Errorf(backend.EINVALID,
			"The price file prices only %d of the %d Claude models usagedash knows, so it is not used.", known, len(t.families))
	}
	day := d.FetchedAt.UTC().Truncate(24 * time.Hour)
	prov := Provenance{URL: d.URL, FetchedAt: d.FetchedAt, SHA256: d.SHA256}
	n := &Table{version: t.version + "+litellm-" + day.Format(time.DateOnly), source: t.source + " Merged with " + d.URL +
		" fetched " + d.FetchedAt.UTC().Format(time.RFC3339) + ".", families: map[string][]Price{}, sameAs: t.sameAs,
		litellmWrong: t.litellmWrong, aliases: t.aliases, custom: t.custom, cacheTTL: t.cacheTTL,
		update: &UpdateInfo{URL: d.URL, FetchedAt: d.FetchedAt, SHA256: d.SHA256, Families: len(d.Families), KeptOut: slices.Clone(d.Invalid)}}
	for _, f := range slices.Sorted(maps.Keys(t.families)) {
		rows := slices.Clone(t.families[f])
		if lp, ok := d.Families[f]; ok {
			rows = n.mergeFamily(f, rows, lp, day, prov)
		}
		n.families[f] = rows
	}
	for _, f := range slices.Sorted(maps.Keys(d.Families)) {
		if _, ok := t.families[f]; ok {
			continue
		}
		if _, ok := t.sameAs[f]; ok {
			continue
		}
		p, why := newFamilyRow(f, d.Families[f], day, prov)
		if why != "" {
			n.update.KeptOut = append(n.update.KeptOut, why)
			continue
		}
		p.batch = t.batchFactor()
		n.families[f] = []Price{p}
	}
	return n, nil
}

// mergeFamily merges LiteLLM's price lp into a family's rows.
func (n *Table) mergeFamily(f string, rows []Price, lp LiteLLMPrice, day time.Time, prov Provenance) []Price {
	i := pickIndex(rows, day)
	cur := &rows[i]
	wrong := n.litellmWrong[f]
	next, differs := cur.Rates, []string{}
	for _, fld := range rateFields {
		v := fld.litellm(&lp)
		if v == nil || slices.Contains(wrong, fld.name) {
			continue
		}
		old := *fld.rate(&cur.Rates)
		if far(*v, old) {
			n.update.KeptOut = append(n.update.KeptOut, fmt.Sprintf(
				"LiteLLM's %s price for %s ($%g per million) is more than 10x away from the one in force ($%g), so it is not used.",
				fld.label, f, *v, old))
			cur.Provenance = withCheck(prov, OriginEmbedded, "kept", "The download's price was more than 10x away and was not used.")
			return rows
		}
		if math.Abs(*v-old) > 1e-9 {
			differs = append(differs, fmt.Sprintf("%s $%g → $%g", fld.label, old, *v))
			*fld.rate(&next) = *v
		}
	}
	note := ""
	if len(wrong) > 0 {
		note = fmt.Sprintf("LiteLLM is known to get %s wrong for this model; the embedded rates are used.", strings.Join(wrong, ", "))
	}
	if len(differs) == 0 || !day.After(cur.From) {
		check := "confirmed"
		if len(differs) > 0 {
			check, note = "kept", "The download differs but is not newer than this row."
		}
		cur.Provenance = withCheck(prov, OriginEmbedded, check, note)
		return rows
	}
	add := *cur
	add.From, add.Rates, add.row = day, next, rowID(f, day)
	add.Source, add.Verified, add.Confidence = "LiteLLM "+lp.Key+" ("+prov.URL+")", day.Format(time.DateOnly), ConfidenceSecondary
	add.Note = fmt.Sprintf("LiteLLM's price differs from the embedded table's (%s); used from the download's day.", strings.Join(differs, ", "))
	add.Provenance = withCheck(prov, OriginLiteLLM, "added", note)
	cur.Provenance = withCheck(prov, OriginEmbedded, "kept", "A newer row from the download follows.")
	return append(rows[:i+1:i+1], append([]Price{add}, rows[i+1:]...)...)
}

// batchFactor is the table's batch factor (every row carries it).
func (t *Table) batchFactor() float64 {
	for _, rows := range t.families {
		return rows[0].batch
	}
	return BatchFactor
}

// newFamilyRow builds the row of a family only the download prices, or says
// why it cannot be used.
func newFamilyRow(f string, lp LiteLLMPrice, day time.Time, prov Provenance) (Price, string) {
	r := Rates{Input: *lp.Input, Output: *lp.Output}
	var derived []string
	for _, fld := range rateFields[2:] {
		if v := fld.litellm(&lp); v != nil {
			*fld.rate(&r) = *v
		} else {
			*fld.rate(&r) = r.Input * fld.factor
			derived = append(derived, fmt.Sprintf("%s as %gx input", fld.label, fld.factor))
		}
	}
	if why := validRates(r); why != "" {
		return Price{}, fmt.Sprintf("LiteLLM's price for %s is wrong (%s), so it is not used.", f, why)
	}
	p := Price{Family: f, Name: f, From: day, Rates: r, LongContext: lp.LongContext, row: rowID(f, day),
		Source: "LiteLLM " + lp.Key + " (" + prov.URL + ")", Verified: day.Format(time.DateOnly), Confidence: ConfidenceSecondary,
		Provenance: withCheck(prov, OriginLiteLLM, "added", "")}
	if len(derived) > 0 {
		p.Note = fmt.Sprintf("LiteLLM lacks some rates; derived %s.", strings.Join(derived, ", "))
	}
	for rule, m := range map[string]float64{"fast": lp.Fast, "regional": lp.Regional} {
		if m > 0 {
			p.Modifiers = append(p.Modifiers, Modifier{Rule: rule, From: day, Multiplier: m, Source: p.Source, Confidence: ConfidenceSecondary})
		}
	}
	slices.SortFunc(p.Modifiers, func(a, b Modifier) int { return cmp.Compare(a.Rule, b.Rule) })
	return p, ""
}

func withCheck(p Provenance, origin, check, note string) Provenance {
	p.Origin, p.Check, p.Note = origin, check, note
	return p
}

// far reports whether v is more than maxFactor away from the rate in force
// (either way; a zero against a non-zero rate is infinitely far).
func far(v, inForce float64) bool {
	if inForce == 0 {
		return false // nothing to compare with
	}
	return v == 0 || v > inForce*maxFactor || v < inForce/maxFactor
}

// rateField names one rate of Rates and of LiteLLMPrice.
type rateField struct {
	name, label string
	factor      float64 // of the input rate, when derived
	rate        func(*Rates) *float64
	litellm     func(*LiteLLMPrice) *float64
}

var rateFields = []rateField{
	{"input", "input", 1, func(r *Rates) *float64 { return &r.Input }, func(p *LiteLLMPrice) *float64 { return p.Input }},
	{"output", "output", 5, func(r *Rates) *float64 { return &r.Output }, func(p *LiteLLMPrice) *float64 { return p.Output }},
	{"cache_write_5m", "5-minute cache write", cacheWrite5mFactor, func(r *Rates) *float64 { return &r.CacheWrite5m },
		func(p *LiteLLMPrice) *float64 { return p.CacheWrite5m }},
	{"cache_write_1h", "1-hour cache write", cacheWrite1hFactor, func(r *Rates) *float64 { return &r.CacheWrite1h },
		func(p *LiteLLMPrice) *float64 { return p.CacheWrite1h }},
	{"cache_read", "cache read", cacheReadFactor, func(r *Rates) *float64 { return &r.CacheRead },
		func(p *LiteLLMPrice) *float64 { return p.CacheRead }},
}
