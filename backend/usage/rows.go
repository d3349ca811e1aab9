package usage

import (
	"cmp"
	"slices"
	"time"

	"usagedash/backend"
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
// Rows are sorted by cost (highest first) then key, except days, which are
// in calendar order. Only rows that counted at least one log are listed.
// ByUser is nil unless the aggregation was asked for it.
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
		ByDay:      a.days.rows(),
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

// rows turns a group into sorted, labelled rows.
func rows(g group, label func(key string) string) []backend.UsageRow {
	out := make([]backend.UsageRow, 0, len(g))
	for k, t := range g {
		if t.Logs > 0 {
			out = append(out, row(k, label(k), t))
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

// row is one breakdown row. Its cost is rounded like the report's total.
func row(key, label string, t *Totals) backend.UsageRow {
	return backend.UsageRow{Key: key, Label: label, Logs: t.Logs, Tokens: t.Tokens(),
		CostUSD: RoundCost(t.CostUSD), ExecutionTimeMS: t.ExecutionTimeMS}
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

// msPerDay is the length of a calendar day without a time-zone change.
const msPerDay = 24 * 60 * 60 * 1000

// dayGroup is the by-day breakdown. A log's local day is its UTC instant plus
// the zone's offset at that instant, divided into days; the offset is cached
// for the span of time it holds (between two daylight-saving changes), so
// finding a day costs an integer division and one map lookup.
type dayGroup struct {
	loc      *time.Location
	lo, hi   int64 // milliseconds since the epoch in which offset holds
	offset   int64 // milliseconds east of UTC
	days     map[int64]*Totals
	lastDay  int64
	lastRow  *Totals
	noDate   *Totals
	zoneSeen bool
}

func newDayGroup(loc *time.Location) dayGroup {
	if loc == nil {
		loc = time.UTC
	}
	return dayGroup{loc: loc, days: map[int64]*Totals{}}
}

// row returns the row of t's calendar day in the group's time zone.
func (d *dayGroup) row(t time.Time) *Totals {
	if t.IsZero() {
		if d.noDate == nil {
			d.noDate = new(Totals)
		}
		return d.noDate
	}
	ms := t.UnixMilli()
	if !d.zoneSeen || ms < d.lo || ms >= d.hi {
		d.zone(t)
	}
	day := floorDiv(ms+d.offset, msPerDay)
	if d.lastRow != nil && day == d.lastDay {
		return d.lastRow
	}
	r := d.days[day]
	if r == nil {
		r = new(Totals)
		d.days[day] = r
	}
	d.lastDay, d.lastRow = day, r
	return r
}

// zone caches the offset in force at t and the span it holds for.
func (d *dayGroup) zone(t time.Time) {
	local := t.In(d.loc)
	_, off := local.Zone()
	start, end := local.ZoneBounds()
	d.offset = int64(off) * 1000
	d.lo, d.hi = -1<<63, 1<<63-1
	if !start.IsZero() {
		d.lo = start.UnixMilli()
	}
	if !end.IsZero() {
		d.hi = end.UnixMilli()
	}
	d.zoneSeen = true
}

// rows lists the days in calendar order, as YYYY-MM-DD keys and labels.
func (d *dayGroup) rows() []backend.UsageRow {
	out := make([]backend.UsageRow, 0, len(d.days)+1)
	if d.noDate != nil {
		out = append(out, row("", NoDate, d.noDate))
	}
	keys := make([]int64, 0, len(d.days))
	for k := range d.days {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		key := time.UnixMilli(k * msPerDay).UTC().Format(time.DateOnly)
		out = append(out, row(key, key, d.days[k]))
	}
	return out
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
