// Package budget turns month-to-date cost and a profile's monthly budget into
// what the tray shows (forecast, budget level, Glance) and sends budget alerts
// without nagging: each alert level fires at most once per profile and month.
package budget

import (
	"math"
	"sort"
	"time"

	"usagedash/backend"
)

// minElapsed is how much of a month must have passed before Forecast
// extrapolates; before that the month-to-date figure is mostly noise.
const minElapsed = time.Hour

// defaultAlertPercents are the alert levels of a budget that sets none
// (backend.Budget.AlertPercents).
var defaultAlertPercents = []float64{80, 100}

// epsilon absorbs float rounding when comparing a spent percentage with an
// alert level (0.57*100 is 56.99999999999999).
const epsilon = 1e-9

// Forecast is the month-end cost at the current pace: monthToDateUSD divided
// by the elapsed fraction of the month in loc. The month runs from local
// midnight of the 1st to local midnight of the next 1st, so its length is
// DST-correct (e.g. 743 hours for March in America/New_York). In the first
// hour of a month it returns monthToDateUSD unchanged. A nil loc means
// time.Local.
func Forecast(monthToDateUSD float64, now time.Time, loc *time.Location) float64 {
	if loc == nil {
		loc = time.Local
	}
	start, next := monthBounds(now, loc)
	elapsed := now.Sub(start)
	if elapsed < minElapsed || monthToDateUSD == 0 {
		return monthToDateUSD
	}
	return monthToDateUSD * (float64(next.Sub(start)) / float64(elapsed))
}

// monthBounds returns local midnight of the 1st of now's month in loc and of
// the following month.
func monthBounds(now time.Time, loc *time.Location) (start, next time.Time) {
	n := now.In(loc)
	start = time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, loc)
	next = time.Date(n.Year(), n.Month()+1, 1, 0, 0, 0, 0, loc)
	return start, next
}

// MonthKey is the "YYYY-MM" of now's month in loc (nil means time.Local).
func MonthKey(now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	return now.In(loc).Format("2006-01")
}

// Level classifies fraction = month-to-date cost / monthly budget:
// backend.BudgetNone when there is no budget (fraction < 0 or NaN),
// backend.BudgetOver at 100% or more, backend.BudgetNear at or above the
// lowest alert level below 100 (percents, or 80 and 100 when
// empty), else backend.BudgetOK. With no alert level below 100 the level goes
// straight from OK to Over.
func Level(fraction float64, percents []float64) string {
	if fraction < 0 || math.IsNaN(fraction) {
		return backend.BudgetNone
	}
	pct := fraction * 100
	if reached(pct, 100) {
		return backend.BudgetOver
	}
	levels := alertLevels(percents)
	if len(levels) > 0 && levels[0] < 100 && reached(pct, levels[0]) {
		return backend.BudgetNear
	}
	return backend.BudgetOK
}

// reached reports whether a spent percentage is at or above level.
func reached(pct, level float64) bool { return pct >= level-epsilon }

// alertLevels returns the usable alert levels of percents (or of
// defaultAlertPercents when percents is empty), ascending and deduplicated.
// Levels that are not positive finite numbers are dropped.
func alertLevels(percents []float64) []float64 {
	if len(percents) == 0 {
		percents = defaultAlertPercents
	}
	out := make([]float64, 0, len(percents))
	for _, p := range percents {
		if p > 0 && !math.IsInf(p, 0) { // NaN fails p > 0
			out = append(out, p)
		}
	}
	sort.Float64s(out)
	dedup := out[:0]
	for i, p := range out {
		if i == 0 || p-out[i-1] > epsilon {
			dedup = append(dedup, p)
		}
	}
	return dedup
}

// hasBudget reports whether b is a usable monthly budget.
func hasBudget(b backend.Budget) bool {
	return b.MonthlyUSD > 0 && !math.IsInf(b.MonthlyUSD, 0)
}

// MakeGlance assembles the tray's Glance for a profile from today's and the
// month-to-date cost. Without a budget (b.MonthlyUSD <= 0) BudgetUSD and
// BudgetFraction are 0 and Level is backend.BudgetNone.
//
// The forecast is taken at asOf, the instant the figures describe, when asOf
// lies in now's month (in loc) and not after now: stale figures then keep an
// honest pace instead of being spread over time they do not cover. Otherwise
// (zero asOf, a clock skew, figures from another month) it is taken at now.
func MakeGlance(profileID, name string, today, month float64, b backend.Budget, now time.Time, loc *time.Location, asOf time.Time, stale bool) backend.Glance {
	if loc == nil {
		loc = time.Local
	}
	g := backend.Glance{
		ProfileID:   profileID,
		ProfileName: name,
		TodayUSD:    today,
		MonthUSD:    month,
		Level:       backend.BudgetNone,
		AsOf:        asOf,
		Stale:       stale,
	}
	paceAt := now
	if !asOf.IsZero() && !asOf.After(now) && MonthKey(asOf, loc) == MonthKey(now, loc) {
		paceAt = asOf
	}
	g.ForecastUSD = Forecast(month, paceAt, loc)
	if hasBudget(b) {
		g.BudgetUSD = b.MonthlyUSD
		g.BudgetFraction = month / b.MonthlyUSD
		g.Level = Level(g.BudgetFraction, b.AlertPercents)
	}
	return g
}
