// Package tray is the app's system tray item: an icon showing the chosen
// figure, a title and tooltip, and a small menu. The item lives in a helper
// process, this same executable run with HelperCommand, which runs
// fyne.io/systray on its own main thread (macOS requires the main thread,
// which the window's toolkit owns in the app) and is driven over a pipe:
// the same path on Linux, macOS and Windows. The rest of the app never
// touches systray, and the tray degrades to a no-op when there is no tray
// to talk to. HostAvailable says whether the desktop shows tray items.
package tray

import (
	"fmt"
	"strings"

	"usagedash/backend"
	budgetpkg "usagedash/backend/budget"
	"usagedash/backend/trayicon"
)

// Callbacks are what the tray's menu does. Each may be nil. They run on a
// tray goroutine, one at a time and in click order, never on the UI
// thread; they may call Tray.Update and Tray.Close.
type Callbacks struct {
	OnOpen, OnRefresh, OnQuit func()
	// OnSwitchProfile gets the id of the profile the user picked.
	OnSwitchProfile func(id string)
	// OnPauseAlerts gets the new state of the "Pause alerts" checkbox,
	// which the tray flips at once; the app should save it and pass it
	// back in State.AlertsPaused.
	OnPauseAlerts func(paused bool)
}

// ProfileItem is one entry of the tray's profile submenu.
type ProfileItem struct {
	ID, Name string
}

// State is everything the tray shows.
type State struct {
	Glance backend.Glance
	// Shows is backend.TrayShowsToday (the default), TrayShowsMonth or
	// TrayShowsBudget (which falls back to the month when there is no
	// budget).
	Shows        string
	Profiles     []ProfileItem
	ActiveID     string
	AlertsPaused bool
	// Offline is true when the last refresh could not reach the source;
	// Glance.Stale counts the same.
	Offline bool
}

// Tray is a running tray item.
type Tray interface {
	// Update shows s. It is safe from any goroutine, never blocks on the
	// tray, and only changes what differs from what is shown.
	Update(s State)
	// Close removes the tray item and ends its event loop; later calls do
	// nothing.
	Close()
	// Available reports whether the user can see the tray item now, so
	// that hiding the window to the tray leaves a way back: the helper is
	// up and HostAvailable says the desktop shows tray items (asked within
	// a second). False for the no-op tray and after Close.
	Available() bool
}

// appName is the title and tooltip before there are figures.
const appName = "usagedash"

// hasData reports whether s has figures to show.
func hasData(s State) bool {
	g := s.Glance
	return !g.AsOf.IsZero() || g.TodayUSD != 0 || g.MonthUSD != 0
}

func offline(s State) bool { return s.Offline || s.Glance.Stale }

// showsBudget reports whether the figure is the budget percentage.
func showsBudget(s State) bool {
	return s.Shows == backend.TrayShowsBudget && s.Glance.BudgetUSD > 0
}

// figure returns the title's figure and the icon's text for s.
func figure(s State) (title, icon string) {
	g := s.Glance
	switch {
	case showsBudget(s):
		p := trayicon.Percent(g.BudgetFraction)
		return p + " of budget", p
	case s.Shows == backend.TrayShowsMonth || s.Shows == backend.TrayShowsBudget:
		return budgetpkg.FormatUSD(g.MonthUSD) + " this month", trayicon.Short(g.MonthUSD)
	default:
		return budgetpkg.FormatUSD(g.TodayUSD) + " today", trayicon.Short(g.TodayUSD)
	}
}

// Describe returns the tray's title and tooltip for s, for example
// "$3.42 today" and "Demo platform — $3.42 today · $61.80 this month (62%
// of $100) · forecast $95.10 · as of 14:05". The title is the figure chosen
// by s.Shows, with " (offline)" when offline; the tooltip always has all
// figures, the budget only when there is one, and the time of the figures
// in the local zone (with the date when offline, as the figures may be
// old). Before there are figures both say "usagedash".
func Describe(s State) (title, tooltip string) {
	if !hasData(s) {
		title, tooltip = appName, appName+" — no usage figures yet"
		if offline(s) {
			title += " (offline)"
			tooltip += " (offline)"
		}
		return title, tooltip
	}
	g := s.Glance
	title, _ = figure(s)
	if offline(s) {
		title += " (offline)"
	}
	var b strings.Builder
	if g.ProfileName != "" {
		b.WriteString(g.ProfileName + " — ")
	}
	fmt.Fprintf(&b, "%s today · %s this month", budgetpkg.FormatUSD(g.TodayUSD), budgetpkg.FormatUSD(g.MonthUSD))
	if g.BudgetUSD > 0 {
		fmt.Fprintf(&b, " (%s of %s)", trayicon.Percent(g.BudgetFraction), budgetpkg.FormatBudgetUSD(g.BudgetUSD))
	}
	fmt.Fprintf(&b, " · forecast %s", budgetpkg.FormatUSD(g.ForecastUSD))
	switch t := g.AsOf.Local(); {
	case g.AsOf.IsZero() && offline(s):
		b.WriteString(" · offline")
	case g.AsOf.IsZero():
	case offline(s):
		b.WriteString(" · as of " + t.Format("Jan 2 15:04") + ", offline")
	default:
		b.WriteString(" · as of " + t.Format("15:04"))
	}
	return title, b.String()
}

// menuTexts are the labels of the menu items that change.
type menuTexts struct {
	Today    string `json:"today"`
	Month    string `json:"month"`
	Forecast string `json:"forecast"`
	Profile  string `json:"profile"`
}

// describeMenu returns the menu labels for s.
func describeMenu(s State) menuTexts {
	name := s.Glance.ProfileName
	for _, p := range s.Profiles {
		if p.ID == s.ActiveID {
			name = p.Name
		}
	}
	if name == "" {
		name = "—"
	}
	m := menuTexts{Today: "Today: —", Month: "This month: —", Forecast: "Forecast: —", Profile: "Profile: " + name}
	if !hasData(s) {
		return m
	}
	g := s.Glance
	m.Today = "Today: " + budgetpkg.FormatUSD(g.TodayUSD)
	m.Month = "This month: " + budgetpkg.FormatUSD(g.MonthUSD)
	if g.BudgetUSD > 0 {
		m.Month += fmt.Sprintf(" (%s of %s)", trayicon.Percent(g.BudgetFraction), budgetpkg.FormatBudgetUSD(g.BudgetUSD))
	}
	m.Forecast = "Forecast: " + budgetpkg.FormatUSD(g.ForecastUSD)
	return m
}
