package budget

import (
	"fmt"
	"slices"
	"time"

	"usagedash/backend"
)

// TrailingDays is how many complete days before today the month-end
// forecast takes its daily rate from.
const TrailingDays = 7

// DayCost is the cost of one calendar day.
type DayCost struct {
	// Date is the day, YYYY-MM-DD in the forecast's time zone.
	Date string
	USD  float64
}

// MonthForecast is a month-end cost forecast with its range and the method,
// in one sentence, for a tooltip.
type MonthForecast struct {
	// MonthToDateUSD is what the month has cost so far.
	MonthToDateUSD float64 `json:"month_to_date_usd"`
	// ExpectedUSD is the month-to-date cost plus DailyRateUSD for every day
	// left (RemainingDays); LowUSD and HighUSD assume the rest of the month
	// costs like the cheapest and the costliest of the trailing days.
	ExpectedUSD float64 `json:"expected_usd"`
	LowUSD      float64 `json:"low_usd"`
	HighUSD     float64 `json:"high_usd"`
	// DailyRateUSD is the average cost of the trailing days (0 when the
	// forecast fell back to the month-to-date pace).
	DailyRateUSD float64 `json:"daily_rate_usd"`
	// Days is how many complete days the rate comes from (0: the month's
	// pace, as there is no complete day yet).
	Days int `json:"days"`
	// RemainingDays is what is left of the month in days: the rest of
	// today (as a share of today's length, 23 or 25 hours on a
	// daylight-saving day) and the whole days after it.
	RemainingDays float64 `json:"remaining_days"`
	// Method says how the forecast was made, in one sentence.
	Method string `json:"method"`
}

// ForecastMonth forecasts the month-end cost at now in loc (nil: time.Local)
// from monthToDateUSD and the cost of recent days. The daily rate is the
// average of the last TrailingDays complete days before today found in days
// (of this month or the one before; days without usage must be listed as
// 0), so one busy or idle first day does not set the whole month. With no
// complete day in days, it falls back to the month-to-date pace (Forecast),
// with no range.
func ForecastMonth(monthToDateUSD float64, days []DayCost, now time.Time, loc *time.Location) MonthForecast {
	if loc == nil {
		loc = time.Local
	}
	f := MonthForecast{MonthToDateUSD: monthToDateUSD, RemainingDays: remainingDays(now, loc)}
	trailing := trailingCosts(days, now, loc)
	if len(trailing) == 0 {
		f.ExpectedUSD = Forecast(monthToDateUSD, now, loc)
		f.LowUSD, f.HighUSD = f.ExpectedUSD, f.ExpectedUSD
		start, _ := monthBounds(now, loc)
		f.Method = fmt.Sprintf("The month-to-date cost spread over the whole month: there is no complete day to take a daily rate from yet (%.0f hours of data).",
			now.Sub(start).Hours())
		return f
	}
	var sum float64
	for _, c := range trailing {
		sum += c
	}
	f.Days = len(trailing)
	f.DailyRateUSD = sum / float64(f.Days)
	f.ExpectedUSD = monthToDateUSD + f.DailyRateUSD*f.RemainingDays
	f.LowUSD = monthToDateUSD + slices.Min(trailing)*f.RemainingDays
	f.HighUSD = monthToDateUSD + slices.Max(trailing)*f.RemainingDays
	f.Method = fmt.Sprintf("The cost so far this month plus %s a day, the average of the last %s, for the %.1f days left; the range assumes the rest of the month costs like the cheapest to the costliest of those days.",
		FormatUSD(f.DailyRateUSD), plural(f.Days, "complete day"), f.RemainingDays)
	return f
}

// DaysFromSeries lists the day rows of a daily series as DayCost values (an
// hourly series has none).
func DaysFromSeries(s *backend.Series) []DayCost {
	if s == nil || s.Bucket == backend.BucketHour {
		return nil
	}
	out := make([]DayCost, 0, len(s.Rows))
	for _, r := range s.Rows {
		out = append(out, DayCost{Date: r.Key, USD: r.CostUSD})
	}
	return out
}

// trailingCosts picks the costs of the last TrailingDays days before now's
// day in loc, from days (unordered; the last entry wins for a repeated date).
func trailingCosts(days []DayCost, now time.Time, loc *time.Location) []float64 {
	n := now.In(loc)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc)
	byDate := make(map[string]float64, len(days))
	for _, d := range days {
		byDate[d.Date] = d.USD
	}
	var out []float64
	for i := 1; i <= TrailingDays; i++ {
		day := time.Date(today.Year(), today.Month(), today.Day()-i, 0, 0, 0, 0, loc).Format(time.DateOnly)
		if c, ok := byDate[day]; ok {
			out = append(out, c)
		}
	}
	return out
}

// remainingDays is the rest of now's day as a share of its length, plus the
// whole days after it up to the end of the month, in loc.
func remainingDays(now time.Time, loc *time.Location) float64 {
	n := now.In(loc)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc)
	tomorrow := time.Date(n.Year(), n.Month(), n.Day()+1, 0, 0, 0, 0, loc)
	_, next := monthBounds(now, loc)
	whole := 0
	for d := tomorrow; d.Before(next); d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
		whole++
	}
	return float64(whole) + float64(tomorrow.Sub(n))/float64(tomorrow.Sub(today))
}

// plural writes n and noun, with an s when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
