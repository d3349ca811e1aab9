// Package export writes a report to a file people keep or open elsewhere: CSV
// for spreadsheets, JSON for programs. Both carry the same metadata (when and
// by which app version the file was made, the period, the source and the
// price table) and never a secret: URIs in labels lose their credentials.
package export

import (
	"encoding/json"
	"io"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
	"usagedash/backend/redact"
)

// Formats an export can be written in.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// JSONFormat and JSONVersion identify the JSON export's layout.
const (
	JSONFormat  = "usagedash-export"
	JSONVersion = 1
)

// Meta describes an export: what it holds and where it came from. It holds no
// secrets (see Scrubbed).
type Meta struct {
	ExportedAt  time.Time  `json:"exported_at"`
	AppVersion  string     `json:"app_version"`
	PeriodLabel string     `json:"period_label"`
	PeriodStart *time.Time `json:"period_start"`
	PeriodEnd   *time.Time `json:"period_end"`
	TimeZone    string     `json:"time_zone"`
	SourceKind  string     `json:"source_kind"`
	SourceLabel string     `json:"source_label"`
	Account     string     `json:"account"`
	// PriceTableVersion is the version of the price table the report's
	// computed costs used, or the shipped table's when it has none.
	PriceTableVersion string `json:"price_table_version"`
	// PricingRules, SecondarySourceRows and CacheTTLNote repeat the report's
	// pricing: which rules priced how many logs, which rows known only from
	// secondary sources priced something, how cache writes of unknown TTL
	// were priced (empty without pricing).
	PricingRules        []backend.RuleUse         `json:"pricing_rules"`
	SecondarySourceRows []backend.SecondaryRowUse `json:"secondary_source_rows"`
	CacheTTLNote        string                    `json:"cache_ttl_note"`
}

// NewMeta describes r exported at exportedAt by appVersion.
func NewMeta(r *backend.Report, appVersion string, exportedAt time.Time) Meta {
	m := Meta{
		ExportedAt:  exportedAt.UTC(),
		AppVersion:  appVersion,
		PeriodLabel: r.Period.Label,
		PeriodStart: backend.UTCTime(firstSet(r.Period.Start, r.PeriodStart)),
		PeriodEnd:   backend.UTCTime(firstSet(r.Period.End, r.PeriodEnd)),
		TimeZone:    r.Period.TimeZone,
		SourceKind:  string(r.Source.Kind),
		SourceLabel: r.Source.Label,
		Account:     r.Source.Account,
	}
	m.PricingRules, m.SecondarySourceRows = []backend.RuleUse{}, []backend.SecondaryRowUse{}
	if p := r.Pricing; p != nil {
		m.PricingRules = append(m.PricingRules, p.Rules...)
		m.SecondarySourceRows = append(m.SecondarySourceRows, p.SecondaryRows...)
		m.CacheTTLNote = p.CacheTTLNote
	}
	if r.Pricing != nil && r.Pricing.TableVersion != "" {
		m.PriceTableVersion = r.Pricing.TableVersion
	} else {
		m.PriceTableVersion = pricing.Default().Version()
	}
	return m.Scrubbed()
}

// Scrubbed returns m with credentials removed from its labels.
func (m Meta) Scrubbed() Meta {
	m.PeriodLabel = redact.URIs(m.PeriodLabel)
	m.SourceLabel = redact.URIs(m.SourceLabel)
	m.Account = redact.URIs(m.Account)
	return m
}

// jsonFile is the JSON export.
type jsonFile struct {
	Format  string          `json:"format"`
	Version int             `json:"version"`
	Meta    Meta            `json:"meta"`
	Report  *backend.Report `json:"report"`
}

// WriteJSON writes r and m as the JSON export, indented:
// {"format": "usagedash-export", "version": 1, "meta": {...}, "report": {...}},
// where "report" is the backend.Report exactly as the window receives it.
func WriteJSON(w io.Writer, r *backend.Report, m Meta) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonFile{Format: JSONFormat, Version: JSONVersion, Meta: m.Scrubbed(), Report: redact.Report(r)})
}

func firstSet(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}
