package budget

import (
	"testing"
	"time"

	"usagedash/backend"
)

// days lists consecutive dates from first with the given costs.
func days(first string, costs ...float64) []DayCost {
	d, _ := time.Parse(time.DateOnly, first)
	out := make([]DayCost, len(costs))
	for i, c := range costs {
		out[i] = DayCost{Date: d.AddDate(0, 0, i).Format(time.DateOnly), USD: c}
	}
	return out
}

func TestForecastFromTheLastSevenCompleteDays(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	// 12 to 19 November; the 12th is outside the seven days, and today (the
	// 20th, incomplete) is ignored even when listed.
	in := append(days("2026-11-12", 100), days("2026-11-13", 4, 6, 5, 7, 3, 5, 5, 50)...)
	f := ForecastMonth(100, in, now, time.UTC)
	// Rate (4+6+5+7+3+5+5)/7 = 35/7 = 5 a day; days left: half of the 20th
	// and the 21st to the 30th, 10.5. Expected 100 + 5*10.5 = 152.5, low
	// 100 + 3*10.5 = 131.5, high 100 + 7*10.5 = 173.5.
	if f.Days != 7 || !near(f.DailyRateUSD, 5) || !near(f.RemainingDays, 10.5) || !near(f.ExpectedUSD, 152.5) ||
		!near(f.LowUSD, 131.5) || !near(f.HighUSD, 173.5) || f.MonthToDateUSD != 100 {
		t.Fatalf("%+v", f)
	}
	// The month-to-date pace alone would say 100 * 30 / 19.5 = 153.846...
	if pace := Forecast(100, now, time.UTC); !near(pace, 100*30/19.5) {
		t.Fatalf("pace %v", pace)
	}
	const method = "The cost so far this month plus $5.00 a day, the average of the last 7 complete days, for the 10.5 days left; the range assumes the rest of the month costs like the cheapest to the costliest of those days."
	if f.Method != method {
		t.Fatalf("method %q", f.Method)
	}
}

func TestForecastEarlyInTheMonthUsesTheDaysBefore(t *testing.T) {
	// 3 November 06:00 UTC: two complete days this month and the last five
	// of October, [1, 1, 1, 1, 1] then [2, 4].
	now := time.Date(2026, 11, 3, 6, 0, 0, 0, time.UTC)
	f := ForecastMonth(10, append(days("2026-10-27", 1, 1, 1, 1, 1), days("2026-11-01", 2, 4)...), now, time.UTC)
	// Rate 11/7; days left: 18/24 of the 3rd and 27 whole days = 27.75.
	// Expected 10 + 11/7*27.75 = 10 + 305.25/7 = 53.607142857...
	if f.Days != 7 || !near(f.RemainingDays, 27.75) || !near(f.ExpectedUSD, 10+305.25/7) || !near(f.LowUSD, 10+27.75) || !near(f.HighUSD, 10+4*27.75) {
		t.Fatalf("%+v", f)
	}
	// Only the two days of November known: rate 3, 10 + 3*27.75 = 93.25.
	f = ForecastMonth(10, days("2026-11-01", 2, 4), now, time.UTC)
	if f.Days != 2 || !near(f.ExpectedUSD, 93.25) || !near(f.LowUSD, 65.5) || !near(f.HighUSD, 121) {
		t.Fatalf("%+v", f)
	}
}

func TestForecastWithoutACompleteDayFallsBackToThePace(t *testing.T) {
	now := time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)
	f := ForecastMonth(1.5, nil, now, time.UTC)
	// 1.5 over 6 of November's 720 hours: 1.5 * 120 = 180, no range.
	if f.Days != 0 || !near(f.ExpectedUSD, 180) || f.LowUSD != f.ExpectedUSD || f.HighUSD != f.ExpectedUSD {
		t.Fatalf("%+v", f)
	}
	if f.Method != "The month-to-date cost spread over the whole month: there is no complete day to take a daily rate from yet (6 hours of data)." {
		t.Fatalf("method %q", f.Method)
	}
}

func TestForecastCountsADaylightSavingDayByItsLength(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatalf("the time zone database is needed: %v", err)
	}
	// 8 March 2026 has 23 hours in New York; at 12:00 EDT, 11 hours have
	// passed and 12 are left: 12/23 of the day, plus 9..31 March, 23 days.
	now := time.Date(2026, 3, 8, 12, 0, 0, 0, ny)
	f := ForecastMonth(40, days("2026-03-01", 5, 5, 5, 5, 5, 5, 5), now, ny)
	// 40 + 5 * (23 + 12/23) = 155 + 60/23 = 157.6086956...
	if !near(f.RemainingDays, 23+12.0/23) || !near(f.ExpectedUSD, 155+60.0/23) || f.Days != 7 {
		t.Fatalf("%+v", f)
	}
}

func TestDaysFromSeries(t *testing.T) {
	s := &backend.Series{Bucket: backend.BucketDay, Rows: []backend.UsageRow{{Key: "2026-11-01", CostUSD: 1.25}, {Key: "2026-11-02"}}}
	got := DaysFromSeries(s)
	if len(got) != 2 || got[0] != (DayCost{"2026-11-01", 1.25}) || got[1] != (DayCost{"2026-11-02", 0}) {
		t.Fatalf("%+v", got)
	}
	if DaysFromSeries(&backend.Series{Bucket: backend.BucketHour, Rows: s.Rows}) != nil || DaysFromSeries(nil) != nil {
		t.Fatal("an hourly or missing series has no days")
	}
}
