package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"usagedash/backend"
)

// writeReport writes r as JSON or as text.
func writeReport(w io.Writer, r *backend.Report, asJSON bool) error {
	if asJSON {
		return writeReportJSON(w, r)
	}
	return writeReportText(w, r)
}

// writeReportJSON writes r as indented JSON, the format `usagedash report
// --json` prints.
func writeReportJSON(w io.Writer, r *backend.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// writeReportText writes r as an aligned summary for people at a terminal.
func writeReportText(w io.Writer, r *backend.Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	rows := [][2]string{
		{"Account", r.Username},
		{"Period", r.Period.Label + periodRange(r.Period)},
		{"Source", r.Source.Label},
		{"Total cost", fmt.Sprintf("$%.2f", r.TotalCostUSD)},
		{"Total tokens", fmt.Sprint(r.TotalTokens)},
		{"  input", fmt.Sprint(r.TotalInputTokens)},
		{"  output", fmt.Sprint(r.TotalOutputTokens)},
		{"  cache creation", fmt.Sprint(r.TotalCacheCreationTokens)},
		{"  cache read", fmt.Sprint(r.TotalCacheReadTokens)},
		{"Workflows", fmt.Sprint(r.TotalWorkflows)},
		{"Instances", fmt.Sprint(r.TotalInstances)},
		{"Execution time", (time.Duration(r.TotalExecutionTimeMS) * time.Millisecond).String()},
	}
	for _, row := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", row[0], row[1])
	}
	return tw.Flush()
}

func periodRange(p backend.Period) string {
	if p.Start == nil && p.End == nil {
		return ""
	}
	f := func(t *time.Time) string {
		if t == nil {
			return "…"
		}
		return t.Format("2006-01-02 15:04")
	}
	return fmt.Sprintf(" (%s – %s %s)", f(p.Start), f(p.End), p.TimeZone)
}
