package backend

import (
	"fmt"
	"time"
)

// PresetID names a period preset.
type PresetID string

// The period presets. Day and month boundaries fall on local midnight in the
// time zone the period is resolved in, so "today" means the user's today.
const (
	PresetToday      PresetID = "today"
	PresetYesterday  PresetID = "yesterday"
	PresetLast7Days  PresetID = "last_7_days"
	PresetLast30Days PresetID = "last_30_days"
	PresetThisMonth  PresetID = "this_month"
	PresetLastMonth  PresetID = "last_month"
	PresetAllTime    PresetID = "all_time"
)

// Preset is a named period choice offered to the user.
type Preset struct {
	ID    PresetID `json:"id" ts_type:"string"`
	Label string   `json:"label"`
}

// Presets lists the period presets in the order the UI offers them.
var Presets = []Preset{
	{PresetToday, "Today"},
	{PresetYesterday, "Yesterday"},
	{PresetLast7Days, "Last 7 days"},
	{PresetLast30Days, "Last 30 days"},
	{PresetThisMonth, "This month"},
	{PresetLastMonth, "Last month"},
	{PresetAllTime, "All time"},
}

// Period is a closed time range [Start, End] (either end may be open, nil)
// with the preset and time zone it was resolved from.
type Period struct {
	Preset   PresetID   `json:"preset" ts_type:"string"`
	Label    string     `json:"label"`
	Start    *time.Time `json:"start" ts_type:"string | null"`
	End      *time.Time `json:"end" ts_type:"string | null"`
	TimeZone string     `json:"time_zone"`
	// Bucket is the size of the report's Series buckets: BucketHour for a
	// period of one calendar day, BucketDay otherwise ("" reads as a day).
	Bucket string `json:"bucket"`
}

// PresetCustom is the Preset of a period with dates the user chose.
const PresetCustom PresetID = "custom"

// Bucket sizes of a Series.
const (
	BucketDay  = "day"
	BucketHour = "hour"
)

// PeriodRequest is the period the window asks for: a preset, or a custom
// range of whole days, in the user's time zone or in UTC.
type PeriodRequest struct {
	// Preset is a PresetID, or "custom" for From..To.
	Preset string `json:"preset"`
	// From and To are the first and last day (YYYY-MM-DD, inclusive) of a
	// custom range.
	From string `json:"from"`
	To   string `json:"to"`
	// UTC resolves the period in UTC (as the Anthropic Console shows usage)
	// instead of the user's time zone.
	UTC bool `json:"utc"`
}

// Contains reports whether t falls inside p (both ends inclusive, as the
// platform filters with $gte and $lte).
func (p Period) Contains(t time.Time) bool {
	if p.Start != nil && t.Before(*p.Start) {
		return false
	}
	if p.End != nil && t.After(*p.End) {
		return false
	}
	return true
}

// lastInstant is how far before an exclusive boundary a closed period ends:
// MongoDB stores dates in milliseconds, so this includes every stored instant.
const lastInstant = time.Millisecond

// ResolvePreset turns a preset into a concrete period at now in loc.
// Periods run from local midnight to the last millisecond of their last day.
func ResolvePreset(id PresetID, now time.Time, loc *time.Location) (Period, error) {
	if loc == nil {
		loc = time.Local
	}
	n := now.In(loc)
	midnight := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	today := midnight(n.Year(), n.Month(), n.Day())
	tomorrow := midnight(n.Year(), n.Month(), n.Day()+1)
	monthStart := midnight(n.Year(), n.Month(), 1)

	var start, next time.Time
	switch id {
	case PresetToday:
		start, next = today, tomorrow
	case PresetYesterday:
		start, next = midnight(n.Year(), n.Month(), n.Day()-1), today
	case PresetLast7Days:
		start, next = midnight(n.Year(), n.Month(), n.Day()-6), tomorrow
	case PresetLast30Days:
		start, next = midnight(n.Year(), n.Month(), n.Day()-29), tomorrow
	case PresetThisMonth:
		start, next = monthStart, midnight(n.Year(), n.Month()+1, 1)
	case PresetLastMonth:
		start, next = midnight(n.Year(), n.Month()-1, 1), monthStart
	case PresetAllTime:
		return Period{Preset: id, Label: presetLabel(id), TimeZone: loc.String()}, nil
	default:
		return Period{}, Errorf(EINVALID, "Unknown period %q.", string(id))
	}
	end := next.Add(-lastInstant)
	return Period{Preset: id, Label: presetLabel(id), Start: &start, End: &end, TimeZone: loc.String()}, nil
}

// CustomPeriod returns the closed period [start, end]; either may be nil.
func CustomPeriod(start, end *time.Time) (Period, error) {
	if start != nil && end != nil && end.Before(*start) {
		return Period{}, Errorf(EINVALID, "The period ends (%s) before it starts (%s).",
			end.Format(time.RFC3339), start.Format(time.RFC3339))
	}
	label := "Custom period"
	if start == nil && end == nil {
		label = presetLabel(PresetAllTime)
	}
	tz := "UTC"
	if start != nil {
		tz = start.Location().String()
	}
	return Period{Preset: PresetCustom, Label: label, Start: start, End: end, TimeZone: tz}, nil
}

func presetLabel(id PresetID) string {
	for _, p := range Presets {
		if p.ID == id {
			return p.Label
		}
	}
	return fmt.Sprint(id)
}

// ResolveRequest turns what the window asked for into a concrete period at
// now: in UTC when req.UTC, else in loc (the user's zone). A custom range
// runs from local midnight of From to the last millisecond of To. The period's
// Bucket is an hour when it covers one calendar day, else a day.
func ResolveRequest(req PeriodRequest, now time.Time, loc *time.Location) (Period, error) {
	if req.UTC {
		loc = time.UTC
	} else if loc == nil {
		loc = time.Local
	}
	var p Period
	var err error
	if PresetID(req.Preset) == PresetCustom {
		p, err = customDays(req.From, req.To, loc)
	} else {
		p, err = ResolvePreset(PresetID(req.Preset), now, loc)
	}
	if err != nil {
		return Period{}, err
	}
	p.Bucket = BucketDay
	if p.Start != nil && p.End != nil {
		s, e := p.Start.In(loc), p.End.In(loc)
		if s.Year() == e.Year() && s.YearDay() == e.YearDay() {
			p.Bucket = BucketHour
		}
	}
	return p, nil
}

// customDays is the period of whole days from..to (YYYY-MM-DD) in loc.
func customDays(from, to string, loc *time.Location) (Period, error) {
	first, err := time.ParseInLocation(time.DateOnly, from, loc)
	if err != nil {
		return Period{}, Errorf(EINVALID, "The start date %q is not a date like 2026-11-26.", from)
	}
	last, err := time.ParseInLocation(time.DateOnly, to, loc)
	if err != nil {
		return Period{}, Errorf(EINVALID, "The end date %q is not a date like 2026-11-26.", to)
	}
	if last.Before(first) {
		return Period{}, Errorf(EINVALID, "The period ends (%s) before it starts (%s).", to, from)
	}
	end := time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, loc).Add(-lastInstant)
	label := from + " – " + to
	if from == to {
		label = from
	}
	return Period{Preset: PresetCustom, Label: label, Start: &first, End: &end, TimeZone: loc.String()}, nil
}

// UTCTime returns t in UTC, or nil for nil (an open end of a period).
func UTCTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
