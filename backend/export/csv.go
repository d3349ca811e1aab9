package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/redact"
)

// Header is the CSV export's header row.
var Header = []string{"section", "key", "label", "logs", "input_tokens", "output_tokens",
	"cache_creation_input_tokens", "cache_read_input_tokens", "total_tokens", "cost_usd",
	"computed_usd", "unpriced_tokens", "execution_time_ms"}

// Sections of the CSV export's rows, in order. The series rows' section is
// the series' bucket ("hour" or "day").
const (
	SectionTotal    = "total"
	SectionModel    = "model"
	SectionWorkflow = "workflow"
	SectionInstance = "instance"
	SectionMode     = "mode"
	SectionUser     = "user"
)

// WriteCSV writes r as CSV (RFC 4180, through encoding/csv): first one
// "# key: value" line per metadata field, then Header, a "total" row, the
// series rows and the model, workflow, instance, mode and user rows. Amounts
// are plain decimals (no exponent). The total row's logs, computed_usd and
// unpriced_tokens cells are empty when the report does not know them (no
// breakdowns, no pricing), and so are the other rows' cells their table
// does not know (Series.Unknown: a platform series has no log counts). Text cells that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) are prefixed
// with a single quote.
func WriteCSV(w io.Writer, r *backend.Report, m Meta) error {
	bw := bufio.NewWriter(w)
	m = m.Scrubbed()
	for _, kv := range [][2]string{
		{"format", JSONFormat},
		{"version", strconv.Itoa(JSONVersion)},
		{"exported_at", m.ExportedAt.UTC().Format(time.RFC3339)},
		{"app_version", m.AppVersion},
		{"period_label", m.PeriodLabel},
		{"period_start", timeCell(m.PeriodStart)},
		{"period_end", timeCell(m.PeriodEnd)},
		{"time_zone", m.TimeZone},
		{"source_kind", m.SourceKind},
		{"source_label", m.SourceLabel},
		{"account", m.Account},
		{"price_table_version", m.PriceTableVersion},
		{"pricing_rules", rulesCell(m.PricingRules)},
		{"secondary_source_rows", secondaryCell(m.SecondarySourceRows)},
		{"cache_ttl", m.CacheTTLNote},
	} {
		bw.WriteString("# " + kv[0] + ": " + metaValue(kv[1]) + "\n")
	}
	cw := csv.NewWriter(bw)
	cw.Write(Header)
	r = redact.Report(r)
	cw.Write(totalRow(r))
	priced := func(field string) bool { // breakdown rows know all but, unpriced, their computed cost
		return r.Pricing != nil || (field != backend.FieldComputedUSD && field != backend.FieldUnpricedTokens)
	}
	if s := r.Series; s != nil {
		known := func(field string) bool { return priced(field) && s.Knows(field) }
		writeRows(cw, orDefault(s.Bucket, backend.BucketDay), s.Rows, known)
	} else if b := r.Breakdowns; b != nil {
		writeRows(cw, backend.BucketDay, b.ByDay, priced) // a report stored before Series
	}
	if b := r.Breakdowns; b != nil {
		writeRows(cw, SectionModel, b.ByModel, priced)
		writeRows(cw, SectionWorkflow, b.ByWorkflow, priced)
		writeRows(cw, SectionInstance, b.ByInstance, priced)
		writeRows(cw, SectionMode, b.ByMode, priced)
		writeRows(cw, SectionUser, b.ByUser, priced)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// totalRow is the headline: the report's totals, its log count (from a
// breakdown every log is in) and its computed cost.
func totalRow(r *backend.Report) []string {
	logs, computed, unpriced := "", "", ""
	if b := r.Breakdowns; b != nil {
		var n int64
		for _, row := range b.ByModel {
			n += row.Logs
		}
		logs = strconv.FormatInt(n, 10)
	}
	if p := r.Pricing; p != nil {
		computed, unpriced = amount(p.ComputedUSD), strconv.FormatInt(p.UnpricedTokens, 10)
	}
	t := r.TokenBreakdown
	return []string{SectionTotal, "", "Total", logs, integer(t.InputTokens), integer(t.OutputTokens),
		integer(t.CacheCreationInputTokens), integer(t.CacheReadInputTokens), integer(t.TotalTokens),
		amount(r.TotalCostUSD), computed, unpriced, integer(r.TotalExecutionTimeMS)}
}

// writeRows writes rows; a cell whose field known says the rows do not
// know (backend.FieldLogs, ...) is empty, never a made-up 0.
func writeRows(cw *csv.Writer, section string, rows []backend.UsageRow, known func(field string) bool) {
	cell := func(field, value string) string {
		if !known(field) {
			return ""
		}
		return value
	}
	for _, row := range rows {
		t := row.Tokens
		cw.Write([]string{text(section), text(row.Key), text(row.Label), cell(backend.FieldLogs, integer(row.Logs)),
			integer(t.InputTokens), integer(t.OutputTokens), integer(t.CacheCreationInputTokens),
			integer(t.CacheReadInputTokens), integer(t.TotalTokens), amount(row.CostUSD),
			cell(backend.FieldComputedUSD, amount(row.ComputedUSD)), cell(backend.FieldUnpricedTokens, integer(row.UnpricedTokens)),
			integer(row.ExecutionTimeMS)})
	}
}

// rulesCell lists the rules and their log counts: "long-context 3 logs;
// cache-1h 12 logs".
func rulesCell(rules []backend.RuleUse) string {
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = r.Rule + " " + strconv.FormatInt(r.Logs, 10) + " logs"
	}
	return strings.Join(parts, "; ")
}

// secondaryCell lists the secondary-source rows that priced logs:
// "claude-fable-5-2@2026-11-09 4 logs $1.23".
func secondaryCell(rows []backend.SecondaryRowUse) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = r.Row + " " + strconv.FormatInt(r.Logs, 10) + " logs $" + amount(r.ComputedUSD)
	}
	return strings.Join(parts, "; ")
}

// text guards a text cell against formula injection: a cell starting with
// = + - @, a tab or a carriage return gets a leading single quote, which
// spreadsheets show as text.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// metaValue makes a metadata value fit its "# key: value" line: one line,
// and, because a spreadsheet splits the line at commas into cells, every
// cell after a comma guarded like text (a leading quote or space included).
func metaValue(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	parts := strings.Split(s, ",")
	for i := 1; i < len(parts); i++ {
		trimmed := strings.TrimLeft(parts[i], " ")
		if trimmed != "" && strings.ContainsRune("=+-@\t\"", rune(trimmed[0])) {
			parts[i] = "'" + parts[i]
		}
	}
	return strings.Join(parts, ",")
}

// amount formats dollars as a plain decimal, never with an exponent.
func amount(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func integer(n int64) string { return strconv.FormatInt(n, 10) }

func timeCell(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
