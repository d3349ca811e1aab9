package pricing

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Listing is the table in force as `usagedash prices --json` prints it and
// the Prices settings show it: every family with every dated row, its rates,
// source, verified date, confidence and provenance.
type Listing struct {
	Version string `json:"version"`
	Source  string `json:"source"`
	// Update is the download merged in (nil: the shipped table alone).
	Update   *UpdateInfo       `json:"update"`
	Families []FamilyListing   `json:"families"`
	Custom   []RowListing      `json:"custom"`
	CacheTTL string            `json:"cache_ttl"`
	Aliases  map[string]string `json:"aliases"`
}

// FamilyListing is one model family of a Listing.
type FamilyListing struct {
	Family string `json:"family"`
	Name   string `json:"name"`
	// SameAs lists the other family ids priced the same (Mythos for Fable).
	SameAs []string `json:"same_as"`
	// LiteLLMWrong lists the rates a merge never takes from LiteLLM.
	LiteLLMWrong []string `json:"litellm_wrong"`
	// Rows are the dated rows, oldest first; InForce indexes the one in
	// force now.
	Rows    []RowListing `json:"rows"`
	InForce int          `json:"in_force"`
}

// RowListing is one row with its id.
type RowListing struct {
	Row string `json:"row"`
	Price
}

// Listing describes t as of now.
func (t *Table) Listing(now time.Time) Listing {
	l := Listing{Version: t.version, Source: t.source, Update: t.update, Families: []FamilyListing{}, Custom: []RowListing{},
		CacheTTL: string(t.CacheTTL()), Aliases: maps.Clone(t.aliases)}
	if l.Aliases == nil {
		l.Aliases = map[string]string{}
	}
	for _, f := range t.Families() {
		rows := t.families[f]
		fl := FamilyListing{Family: f, Name: rows[0].Name, SameAs: append([]string{}, t.SameAs(f)...),
			LiteLLMWrong: append([]string{}, t.litellmWrong[f]...), InForce: pickIndex(rows, now)}
		for _, p := range rows {
			fl.Rows = append(fl.Rows, RowListing{Row: p.Row(), Price: p})
		}
		l.Families = append(l.Families, fl)
	}
	for _, id := range slices.Sorted(maps.Keys(t.custom)) {
		l.Custom = append(l.Custom, RowListing{Row: id, Price: t.custom[id]})
	}
	return l
}

// WriteText prints the listing as a table: one line per row, the row in
// force marked "*", then where the rows came from.
func (l Listing) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "Price table %s (USD per million tokens)\n", l.Version)
	if u := l.Update; u != nil {
		fmt.Fprintf(w, "Merged with %s, fetched %s (sha256 %s).\n", u.URL, u.FetchedAt.UTC().Format(time.RFC3339), u.SHA256)
		for _, k := range u.KeptOut {
			fmt.Fprintln(w, "  kept out:", k)
		}
	} else {
		fmt.Fprintln(w, "The shipped table alone: no price download yet.")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tmodel\tfrom\tinput\toutput\twrite 5m\twrite 1h\tread\ttier\tconfidence\tfrom where")
	line := func(mark, name string, r RowListing) {
		tier := ""
		if lc := r.LongContext; lc != nil {
			tier = fmt.Sprintf(">%dK: %g/%g", lc.ThresholdTokens/1000, lc.Input, lc.Output)
		}
		from := "always"
		if !r.From.IsZero() {
			from = r.From.Format(time.DateOnly)
		}
		where := strings.TrimSpace(r.Provenance.Origin + " " + r.Provenance.Check)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%g\t%g\t%g\t%g\t%g\t%s\t%s\t%s\n", mark, name, from, r.Input, r.Output,
			r.CacheWrite5m, r.CacheWrite1h, r.CacheRead, tier, cmp.Or(r.Confidence, "-"), where)
	}
	for _, f := range l.Families {
		name := f.Family
		if len(f.SameAs) > 0 {
			name += " (" + strings.Join(f.SameAs, ", ") + ")"
		}
		for i, r := range f.Rows {
			mark := ""
			if i == f.InForce {
				mark = "*"
			}
			line(mark, name, r)
		}
	}
	for _, r := range l.Custom {
		line("*", r.Row, r)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "* the row in force today. Sources: "+l.Source)
	return err
}
