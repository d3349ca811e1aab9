package budget

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/atomicfile"
)

// Notifier shows a desktop notification. notify.Desktop implements it.
type Notifier interface {
	Notify(ctx context.Context, title, body string) error
}

// UrgentNotifier is a Notifier that can also show an urgent notification.
// The Alerter uses NotifyUrgent for levels at or above 100% when its Notifier
// implements it (notify.Desktop does: critical urgency).
type UrgentNotifier interface {
	Notifier
	NotifyUrgent(ctx context.Context, title, body string) error
}

// stateVersion is the version of the Alerter's state file format.
const stateVersion = 1

// alertState is the Alerter's state file: for each profile, the month it
// last alerted in and the levels sent that month.
type alertState struct {
	Version  int                     `json:"version"`
	Profiles map[string]profileState `json:"profiles"`
}

// profileState is one profile's alerts of one month ("YYYY-MM").
type profileState struct {
	Month string      `json:"month"`
	Sent  []sentLevel `json:"sent"`
}

// sentLevel is an alert level sent this month and the monthly budget it was
// sent for (the highest, if it was sent again after a budget increase).
type sentLevel struct {
	Percent   float64 `json:"percent"`
	BudgetUSD float64 `json:"budget_usd"`
}

// sentFor reports whether level was already sent for a budget of at least
// budgetUSD.
func (p profileState) sentFor(level, budgetUSD float64) bool {
	for _, s := range p.Sent {
		if math.Abs(s.Percent-level) <= epsilon && s.BudgetUSD >= budgetUSD-epsilon {
			return true
		}
	}
	return false
}

// record remembers level as sent for budgetUSD.
func (p *profileState) record(level, budgetUSD float64) {
	for i, s := range p.Sent {
		if math.Abs(s.Percent-level) <= epsilon {
			p.Sent[i].BudgetUSD = math.Max(s.BudgetUSD, budgetUSD)
			return
		}
	}
	p.Sent = append(p.Sent, sentLevel{Percent: level, BudgetUSD: budgetUSD})
}

// Alerter sends a desktop notification when a profile's month-to-date cost
// crosses one of its budget alert levels, at most once per level, profile and
// month. It remembers what it sent in a small JSON file (mode 0600) so a
// restart does not alert again.
//
// Rules:
//   - Levels are percentages of the monthly budget (backend.Budget's
//     AlertPercents, default 80 and 100); a budget of 0 alerts nothing.
//   - Crossing several levels at once sends one notification, naming the
//     highest, and marks them all as sent.
//   - Paused alerts record nothing, so a level still crossed when alerts
//     resume is notified once then.
//   - Months are "YYYY-MM" in the user's time zone; a new month starts fresh.
//     Figures whose AsOf lies in another month than now alert nothing.
//   - Budget changes: a level is remembered with the budget it was sent for.
//     Lowering the budget never re-sends a level already sent this month
//     (the user was already warned at a higher amount). Raising it does not
//     alert by itself, but once spending crosses a level of the new, higher
//     budget that level is sent again, once: it is a new amount the user chose
//     to be warned at.
//   - A level is recorded only after its notification was sent; a failed
//     notification is retried at the next Check.
//
// An Alerter is safe for concurrent use; Checks run one at a time so two
// refreshes cannot send the same alert twice.
type Alerter struct {
	path string
	n    Notifier

	mu    sync.Mutex
	state alertState
}

// NewAlerter returns an Alerter that keeps its state in statePath and
// notifies through n. A missing state file starts empty; so does an
// unreadable (corrupt or other-version) one, which is overwritten at the next
// alert: at worst an alert repeats once. Other read errors are returned.
func NewAlerter(statePath string, n Notifier) (*Alerter, error) {
	if statePath == "" || n == nil {
		return nil, backend.Errorf(backend.EINTERNAL, "The budget alerter needs a state file and a notifier.")
	}
	a := &Alerter{path: statePath, n: n, state: alertState{Version: stateVersion, Profiles: map[string]profileState{}}}
	data, err := os.ReadFile(statePath)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil
	}
	if err != nil {
		return nil, backend.WrapError(err, backend.EINTERNAL, "The budget alert state could not be read.")
	}
	var st alertState
	if json.Unmarshal(data, &st) == nil && st.Version == stateVersion {
		if st.Profiles == nil {
			st.Profiles = map[string]profileState{}
		}
		a.state = st
	}
	return a, nil
}

// Check notifies the alert levels of b that g's month-to-date cost has
// reached and that were not sent yet for g's profile this month (in loc, nil
// meaning time.Local). It returns the levels it marked as sent, ascending;
// they were all covered by one notification naming the last (highest) one.
// Nothing is sent when paused is true or b has no budget.
//
// A notification failure returns an *backend.Error (EUNAVAILABLE) and
// records nothing. If the notification was sent but the state file could not
// be written, Check returns the levels and an error; the levels are still
// remembered for the life of the Alerter.
func (a *Alerter) Check(ctx context.Context, g backend.Glance, b backend.Budget, paused bool, now time.Time, loc *time.Location) ([]float64, error) {
	if paused || !hasBudget(b) {
		return nil, nil
	}
	if loc == nil {
		loc = time.Local
	}
	month := MonthKey(now, loc)
	if !g.AsOf.IsZero() && MonthKey(g.AsOf, loc) != month {
		return nil, nil // last month's figures: too late to warn about them
	}
	pct := g.MonthUSD / b.MonthlyUSD * 100
	if math.IsNaN(pct) {
		return nil, nil
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	ps := a.state.Profiles[g.ProfileID]
	if ps.Month != month {
		ps = profileState{Month: month}
	}
	var fresh []float64
	for _, level := range alertLevels(b.AlertPercents) {
		if !reached(pct, level) {
			break // levels are ascending
		}
		if !ps.sentFor(level, b.MonthlyUSD) {
			fresh = append(fresh, level)
		}
	}
	if len(fresh) == 0 {
		return nil, nil
	}

	top := fresh[len(fresh)-1]
	title, body := alertText(g, b, top, now, loc)
	if err := a.send(ctx, title, body, top >= 100); err != nil {
		return nil, backend.WrapError(err, backend.EUNAVAILABLE, "The budget alert could not be shown as a desktop notification.")
	}
	for _, level := range fresh {
		ps.record(level, b.MonthlyUSD)
	}
	a.state.Profiles[g.ProfileID] = ps
	if err := a.save(); err != nil {
		return fresh, backend.WrapError(err, backend.EINTERNAL, "The budget alert was shown but could not be remembered; it may repeat after a restart.")
	}
	return fresh, nil
}

// send notifies through a's Notifier, urgently when asked and supported.
func (a *Alerter) send(ctx context.Context, title, body string, urgent bool) error {
	if u, ok := a.n.(UrgentNotifier); ok && urgent {
		return u.NotifyUrgent(ctx, title, body)
	}
	return a.n.Notify(ctx, title, body)
}

// save writes the state file atomically (mode 0600).
func (a *Alerter) save() error {
	data, err := json.MarshalIndent(a.state, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(a.path, append(data, '\n'))
}

// alertText is the title and body of the notification for level.
func alertText(g backend.Glance, b backend.Budget, level float64, now time.Time, loc *time.Location) (title, body string) {
	pct := strconv.FormatFloat(level, 'f', -1, 64)
	if level >= 100 {
		title = "usagedash: over budget, " + pct + "% of your monthly budget"
	} else {
		title = "usagedash: " + pct + "% of your monthly budget"
	}
	name := g.ProfileName
	if name == "" {
		name = "Your profile"
	}
	forecast := g.ForecastUSD
	if forecast == 0 {
		forecast = Forecast(g.MonthUSD, now, loc)
	}
	body = fmt.Sprintf("%s has spent %s of %s this month; forecast %s.",
		name, FormatUSD(g.MonthUSD), FormatBudgetUSD(b.MonthlyUSD), FormatUSD(forecast))
	return title, body
}
