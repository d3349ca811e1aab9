package tray

import (
	"testing"
	"time"

	"usagedash/backend"
	budgetpkg "usagedash/backend/budget"
)

// demo is a State with all figures, the budget shown in tooltips.
func demo() State {
	return State{
		Glance: backend.Glance{
			ProfileID: "p1", ProfileName: "Demo platform",
			TodayUSD: 3.42, MonthUSD: 61.8, BudgetUSD: 100, BudgetFraction: 0.618,
			Level: backend.BudgetOK, ForecastUSD: 95.1,
			AsOf: time.Date(2026, 3, 5, 14, 5, 0, 0, time.Local),
		},
		Shows:    backend.TrayShowsToday,
		Profiles: []ProfileItem{{"p1", "Demo platform"}, {"p2", "Local mongo"}},
		ActiveID: "p1",
	}
}

func TestDescribe(t *testing.T) {
	const full = "Demo platform — $3.42 today · $61.80 this month (61% of $100) · forecast $95.10"
	for _, c := range []struct {
		name           string
		edit           func(*State)
		title, tooltip string
	}{
		{"today", func(*State) {}, "$3.42 today", full + " · as of 14:05"},
		{"default is today", func(s *State) { s.Shows = "" }, "$3.42 today", full + " · as of 14:05"},
		{"month", func(s *State) { s.Shows = backend.TrayShowsMonth }, "$61.80 this month", full + " · as of 14:05"},
		{"budget", func(s *State) { s.Shows = backend.TrayShowsBudget }, "61% of budget", full + " · as of 14:05"},
		{"offline", func(s *State) { s.Offline = true }, "$3.42 today (offline)", full + " · as of Mar 5 14:05, offline"},
		{"stale", func(s *State) { s.Glance.Stale = true; s.Shows = backend.TrayShowsBudget }, "61% of budget (offline)", full + " · as of Mar 5 14:05, offline"},
		{"budget mode without budget", func(s *State) {
			s.Shows, s.Glance.BudgetUSD, s.Glance.BudgetFraction = backend.TrayShowsBudget, 0, 0
		}, "$61.80 this month", "Demo platform — $3.42 today · $61.80 this month · forecast $95.10 · as of 14:05"},
		{"no profile name, big numbers", func(s *State) {
			s.Glance.ProfileName, s.Glance.MonthUSD, s.Glance.BudgetUSD, s.Glance.BudgetFraction = "", 1234.5, 1000.5, 1.2339
		}, "$3.42 today", "$3.42 today · $1,234.50 this month (123% of $1,000.50) · forecast $95.10 · as of 14:05"},
		{"no data", func(s *State) { s.Glance = backend.Glance{} }, "usagedash", "usagedash — no usage figures yet"},
		{"no data, offline", func(s *State) { s.Glance = backend.Glance{}; s.Offline = true }, "usagedash (offline)", "usagedash — no usage figures yet (offline)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := demo()
			c.edit(&s)
			title, tooltip := Describe(s)
			if title != c.title || tooltip != c.tooltip {
				t.Errorf("Describe =\n  %q\n  %q\nwant\n  %q\n  %q", title, tooltip, c.title, c.tooltip)
			}
		})
	}
}

func TestDescribeMenu(t *testing.T) {
	s := demo()
	want := menuTexts{"Today: $3.42", "This month: $61.80 (61% of $100)", "Forecast: $95.10", "Profile: Demo platform"}
	if got := describeMenu(s); got != want {
		t.Errorf("menu %+v, want %+v", got, want)
	}
	s.ActiveID, s.Glance.BudgetUSD = "p2", 0
	want = menuTexts{"Today: $3.42", "This month: $61.80", "Forecast: $95.10", "Profile: Local mongo"}
	if got := describeMenu(s); got != want {
		t.Errorf("menu %+v, want %+v", got, want)
	}
	want = menuTexts{"Today: —", "This month: —", "Forecast: —", "Profile: —"}
	if got := describeMenu(State{}); got != want {
		t.Errorf("empty menu %+v, want %+v", got, want)
	}
}

func TestFigureAndMoney(t *testing.T) {
	s := demo()
	s.Glance.TodayUSD = 1234.56
	if _, icon := figure(s); icon != "$1.2K" {
		t.Errorf("icon text %q", icon)
	}
	s.Shows = backend.TrayShowsBudget
	if _, icon := figure(s); icon != "61%" {
		t.Errorf("icon text %q", icon)
	}
	for usd, want := range map[float64]string{0: "$0.00", 0.005: "$0.01", 1234567.891: "$1,234,567.89", -2.5: "-$2.50", 999.999: "$1,000.00"} {
		if got := budgetpkg.FormatUSD(usd); got != want {
			t.Errorf("FormatUSD(%v) = %q, want %q", usd, got, want)
		}
	}
}
