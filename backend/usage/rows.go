package usage

import (
	"cmp"
	"slices"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// Labels name the workflows and users the breakdowns' keys refer to.
type Labels struct {
	// Workflows maps a workflow id to its name.
	Workflows map[string]string
	// Users maps a user id to its username.
	Users map[string]string
}

// Labels for rows whose key is "" or names nothing known.
const (
	UnknownModel    = "Unknown model"
	UnknownMode     = "Unknown mode"
	UnknownWorkflow = "Unknown workflow"
	NoInstance      = "No instance"
	Unassigned      = "Unassigned"
	NoDate          = "No date"
)

// Breakdowns returns the rows of every breakdown, labelled with labels.
// Rows are sorted by cost (highest first) then key. Only rows that counted
// at least one log are listed. ByUser is nil unless the aggregation was
// asked for it; ByDay is always nil (usage over time is Report.Series).
func (a *Aggregator) Breakdowns(labels Labels) *backend.Breakdowns {
	wfName := func(id string) string {
		if name := labels.Workflows[id]; name != "" {
			return name
		}
		if id == "" {
			return UnknownWorkflow
		}
		return UnknownWorkflow + " " + short(id)
	}
	b := &backend.Breakdowns{
		ByModel:    rows(a.models, func(k string) string { return orDefault(k, UnknownModel) }),
		ByMode:     rows(a.modes, func(k string) string { return orDefault(k, UnknownMode) }),
		ByWorkflow: rows(a.workflows, wfName),
		ByInstance: rows(a.byInstance, func(id string) string {
			if id == "" {
				return NoInstance
			}
			in := a.instances[id]
			label := short(id) + " · " + wfName(in.workflowID)
			if !in.known {
				label += " (deleted instance)"
			}
			return label
		}),
	}
	if a.byUser {
		b.ByUser = rows(a.users, func(id string) string {
			if id == "" {
				return Unassigned
			}
			if name := labels.Users[id]; name != "" {
				return name
			}
			return "Unknown user " + short(id)
		})
	}
	return b
}

// rows turns a group into sorted, labelled rows. Keys and labels come from
// the database (ids, workflow names, usernames): they are cleaned of control
// characters.
func rows(g group, label func(key string) string) []backend.UsageRow {
	out := make([]backend.UsageRow, 0, len(g))
	for k, t := range g {
		if t.Logs > 0 {
			out = append(out, row(textsafe.Clean(k), textsafe.Clean(label(k)), t))
		}
	}
	slices.SortFunc(out, func(x, y backend.UsageRow) int {
		if c := cmp.Compare(y.CostUSD, x.CostUSD); c != 0 {
			return c
		}
		return cmp.Compare(x.Key, y.Key)
	})
	return out
}

// row is one breakdown or series row. Its costs are rounded like the
// report's total; the pricing sums are 0 when no Pricer was given.
func row(key, label string, t *Totals) backend.UsageRow {
	return backend.UsageRow{Key: key, Label: label, Logs: t.Logs, Tokens: t.Tokens(),
		CostUSD: RoundCost(t.CostUSD), ExecutionTimeMS: t.ExecutionTimeMS,
		ComputedUSD: RoundCost(t.ComputedUSD), UnpricedTokens: t.UnpricedTokens}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// short abbreviates an id (a UUID) to its first 8 characters.
func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
