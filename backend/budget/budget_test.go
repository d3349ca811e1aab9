package budget

import (
	"math"
	"testing"
	"time"

	"usagedash/backend"
)

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestForecast(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	berlin := mustLoad(t, "Europe/Berlin")
	at := func(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	cases := []struct {
		name string
		now  time.Time
		loc  *time.Location
		want float64 // forecast for 100 USD month to date
	}{
		{"mid-month 30 days", at(time.UTC, 2026, time.April, 16, 0, 0), time.UTC, 200},
		{"28-day February", at(time.UTC, 2026, time.February, 15, 0, 0), time.UTC, 100 * 28.0 / 14},
		{"leap February 2028", at(time.UTC, 2028, time.February, 15, 0, 0), time.UTC, 100 * 29.0 / 14},
		{"31-day month, last day", at(time.UTC, 2026, time.January, 31, 0, 0), time.UTC, 100 * 31.0 / 30},
		{"30-day month, last noon", at(time.UTC, 2026, time.April, 30, 12, 0), time.UTC, 100 * 30 / 29.5},
		{"last instant of month", time.Date(2026, time.January, 31, 23, 59, 59, 999999999, time.UTC), time.UTC, 100 * 744 / (744 - 1e-9/3600)},
		// New York springs forward on 8 March 2026: March lasts 743 h and
		// 16 March 00:00 is 359 h in.
		{"New York March DST", at(ny, 2026, time.March, 16, 0, 0), ny, 100 * 743.0 / 359},
		// ... and falls back on 1 November 2026: 721 h, 361 h in by the 16th.
		{"New York November DST", at(ny, 2026, time.November, 16, 0, 0), ny, 100 * 721.0 / 361},
		// Berlin springs forward on 29 March 2026 and falls back on 25 October.
		{"Berlin March DST", at(berlin, 2026, time.March, 31, 0, 0), berlin, 100 * 743.0 / 719},
		{"Berlin October DST", at(berlin, 2026, time.October, 26, 0, 0), berlin, 100 * 745.0 / 601},
		{"Berlin before the switch", at(berlin, 2026, time.March, 16, 0, 0), berlin, 100 * 743.0 / 360},
		// The month is the one of now in loc: 02:00 UTC on 1 April is still
		// 31 March 22:00 in New York.
		{"month taken in loc", time.Date(2026, time.April, 1, 2, 0, 0, 0, time.UTC), ny, 100 * 743.0 / (743 - 2)},
		{"first hour: no extrapolation", at(time.UTC, 2026, time.March, 1, 0, 30), time.UTC, 100},
		{"first hour in loc", time.Date(2026, time.April, 1, 4, 30, 0, 0, time.UTC), ny, 100},
		{"exactly one hour", at(time.UTC, 2026, time.March, 1, 1, 0), time.UTC, 100 * 744},
	}
	for _, c := range cases {
		if got := Forecast(100, c.now, c.loc); !near(got, c.want) {
			t.Errorf("%s: Forecast = %v, want %v", c.name, got, c.want)
		}
	}
	if got := Forecast(0, time.Date(2026, 4, 16, 0, 0, 0, 0, time.UTC), time.UTC); got != 0 {
		t.Errorf("zero spend forecast = %v", got)
	}
}

func TestLevel(t *testing.T) {
	cases := []struct {
		fraction float64
		percents []float64
		want     string
	}{
		{-1, nil, backend.BudgetNone},
		{math.NaN(), nil, backend.BudgetNone},
		{0, nil, backend.BudgetOK},
		{0.79, nil, backend.BudgetOK},
		{0.8, nil, backend.BudgetNear},
		{0.57, []float64{57, 100}, backend.BudgetNear}, // 0.57*100 = 56.99999999999999
		{0.99, nil, backend.BudgetNear},
		{1, nil, backend.BudgetOver},
		{2.5, nil, backend.BudgetOver},
		{0.6, []float64{100, 50, 90}, backend.BudgetNear}, // lowest below 100 is 50
		{0.45, []float64{100, 50, 90}, backend.BudgetOK},
		{0.95, []float64{100}, backend.BudgetOK}, // no level below 100
		{1, []float64{100}, backend.BudgetOver},
		{0.85, []float64{0, -5}, backend.BudgetOK}, // unusable levels dropped
		{1.2, []float64{150}, backend.BudgetOver},
	}
	for _, c := range cases {
		if got := Level(c.fraction, c.percents); got != c.want {
			t.Errorf("Level(%v, %v) = %q, want %q", c.fraction, c.percents, got, c.want)
		}
	}
}

func TestMakeGlance(t *testing.T) {
	now := time.Date(2026, time.April, 16, 0, 0, 0, 0, time.UTC)
	b := backend.Budget{MonthlyUSD: 200}
	g := MakeGlance("p1", "Demo platform", 5, 170, b, now, time.UTC, now, false)
	want := backend.Glance{
		ProfileID: "p1", ProfileName: "Demo platform", TodayUSD: 5, MonthUSD: 170,
		BudgetUSD: 200, BudgetFraction: 0.85, Level: backend.BudgetNear, ForecastUSD: 340, AsOf: now,
	}
	if g != want {
		t.Errorf("glance = %+v\nwant %+v", g, want)
	}

	none := MakeGlance("p1", "Demo", 5, 170, backend.Budget{}, now, time.UTC, now, false)
	if none.Level != backend.BudgetNone || none.BudgetUSD != 0 || none.BudgetFraction != 0 || none.ForecastUSD != 340 {
		t.Errorf("no budget glance = %+v", none)
	}

	// Stale figures from the 11th (10 days in) keep their own pace.
	asOf := time.Date(2026, time.April, 11, 0, 0, 0, 0, time.UTC)
	stale := MakeGlance("p1", "Demo", 5, 100, b, now, time.UTC, asOf, true)
	if !stale.Stale || !near(stale.ForecastUSD, 300) || stale.AsOf != asOf {
		t.Errorf("stale glance = %+v, want forecast 300", stale)
	}
	// Figures from another month are paced at now.
	old := time.Date(2026, time.March, 31, 0, 0, 0, 0, time.UTC)
	if g := MakeGlance("p1", "Demo", 5, 100, b, now, time.UTC, old, true); !near(g.ForecastUSD, 200) {
		t.Errorf("other-month forecast = %v, want 200", g.ForecastUSD)
	}
}

func TestFormatUSD(t *testing.T) {
	cases := []struct {
		v     float64
		whole bool
		want  string
	}{
		{81.2, false, "$81.20"},
		{100, true, "$100"},
		{100, false, "$100.00"},
		{1234.5, false, "$1,234.50"},
		{1234567, true, "$1,234,567"},
		{99.999, true, "$100"},
		{-12.5, false, "-$12.50"},
		{0, false, "$0.00"},
	}
	for _, c := range cases {
		if got := formatUSD(c.v, c.whole); got != c.want {
			t.Errorf("formatUSD(%v, %v) = %q, want %q", c.v, c.whole, got, c.want)
		}
	}
}

// TestFormatUSDForTheTray checks the exported formatters on the tray's cases.
func TestFormatUSDForTheTray(t *testing.T) {
	for usd, want := range map[float64]string{0: "$0.00", 0.005: "$0.01", 1234567.891: "$1,234,567.89",
		-2.5: "-$2.50", -0.001: "$0.00", 999.999: "$1,000.00", math.NaN(): "$—", math.Inf(1): "$—"} {
		if got := FormatUSD(usd); got != want {
			t.Errorf("FormatUSD(%v) = %q, want %q", usd, got, want)
		}
	}
	for usd, want := range map[float64]string{100: "$100", 1500: "$1,500", 100.5: "$100.50"} {
		if got := FormatBudgetUSD(usd); got != want {
			t.Errorf("FormatBudgetUSD(%v) = %q, want %q", usd, got, want)
		}
	}
}
