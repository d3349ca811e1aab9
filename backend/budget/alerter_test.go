package budget

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"usagedash/backend"
)

// note is one notification a recorder received.
type note struct {
	Title, Body string
	Urgent      bool
}

// recorder is an in-memory UrgentNotifier that records what it is asked to
// show and fails while fail is set.
type recorder struct {
	mu    sync.Mutex
	notes []note
	fail  error
}

func (r *recorder) Notify(_ context.Context, title, body string) error {
	return r.add(note{title, body, false})
}

func (r *recorder) NotifyUrgent(_ context.Context, title, body string) error {
	return r.add(note{title, body, true})
}

func (r *recorder) add(n note) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return r.fail
	}
	r.notes = append(r.notes, n)
	return nil
}

func (r *recorder) all() []note {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]note(nil), r.notes...)
}

// plainNotifier implements only Notifier.
type plainNotifier struct{ r *recorder }

func (p plainNotifier) Notify(ctx context.Context, title, body string) error {
	return p.r.Notify(ctx, title, body)
}

var april = time.Date(2026, time.April, 16, 12, 0, 0, 0, time.UTC)

func glance(month float64, now time.Time) backend.Glance {
	return backend.Glance{ProfileID: "p1", ProfileName: "Demo platform", MonthUSD: month, AsOf: now}
}

func newAlerter(t *testing.T, path string, n Notifier) *Alerter {
	t.Helper()
	a, err := NewAlerter(path, n)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// check runs a.Check and fails the test on error.
func check(t *testing.T, a *Alerter, g backend.Glance, b backend.Budget, paused bool, now time.Time) []float64 {
	t.Helper()
	got, err := a.Check(context.Background(), g, b, paused, now, time.UTC)
	if err != nil {
		t.Fatalf("Check(%v of %v): %v", g.MonthUSD, b.MonthlyUSD, err)
	}
	return got
}

func wantLevels(t *testing.T, got []float64, want ...float64) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("levels = %v, want %v", got, want)
	}
}

func TestAlerterOncePerLevel(t *testing.T) {
	r := &recorder{}
	path := filepath.Join(t.TempDir(), "state", "alerts.json")
	a := newAlerter(t, path, r)
	b := backend.Budget{MonthlyUSD: 100}

	wantLevels(t, check(t, a, glance(50, april), b, false, april))
	g := glance(81.2, april)
	g.ForecastUSD = 120.4
	wantLevels(t, check(t, a, g, b, false, april), 80)
	wantLevels(t, check(t, a, g, b, false, april))
	wantLevels(t, check(t, a, glance(95, april), b, false, april))
	wantLevels(t, check(t, a, glance(100, april), b, false, april), 100)
	wantLevels(t, check(t, a, glance(150, april), b, false, april))

	notes := r.all()
	if len(notes) != 2 {
		t.Fatalf("notifications = %+v, want 2", notes)
	}
	want0 := note{"usagedash: 80% of your monthly budget", "Demo platform has spent $81.20 of $100 this month; forecast $120.40.", false}
	if notes[0] != want0 {
		t.Errorf("first = %+v\nwant %+v", notes[0], want0)
	}
	if notes[1].Title != "usagedash: over budget, 100% of your monthly budget" || !notes[1].Urgent {
		t.Errorf("second = %+v, want urgent over-budget", notes[1])
	}
	// No forecast in the glance: computed (100 USD 15.5 days into April).
	if notes[1].Body != "Demo platform has spent $100.00 of $100 this month; forecast $193.55." {
		t.Errorf("second body = %q", notes[1].Body)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("state file: %v, %v", fi, err)
	}
}

func TestAlerterRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alerts.json")
	b := backend.Budget{MonthlyUSD: 100}
	r1 := &recorder{}
	wantLevels(t, check(t, newAlerter(t, path, r1), glance(85, april), b, false, april), 80)

	r2 := &recorder{}
	a2 := newAlerter(t, path, r2)
	wantLevels(t, check(t, a2, glance(90, april), b, false, april))
	if n := len(r2.all()); n != 0 {
		t.Errorf("restarted alerter sent %d notifications", n)
	}
	wantLevels(t, check(t, a2, glance(101, april), b, false, april), 100)
}

func TestAlerterTwoLevelsAtOnce(t *testing.T) {
	r := &recorder{}
	a := newAlerter(t, filepath.Join(t.TempDir(), "alerts.json"), r)
	b := backend.Budget{MonthlyUSD: 100}
	wantLevels(t, check(t, a, glance(105, april), b, false, april), 80, 100)
	wantLevels(t, check(t, a, glance(110, april), b, false, april))
	notes := r.all()
	if len(notes) != 1 || !notes[0].Urgent || notes[0].Title != "usagedash: over budget, 100% of your monthly budget" {
		t.Errorf("notifications = %+v, want one urgent over-budget", notes)
	}

	// Custom levels, crossing two of three: the highest crossed is named.
	r2 := &recorder{}
	a2 := newAlerter(t, filepath.Join(t.TempDir(), "alerts.json"), plainNotifier{r2})
	b2 := backend.Budget{MonthlyUSD: 1000, AlertPercents: []float64{100, 50, 75}}
	wantLevels(t, check(t, a2, glance(800, april), b2, false, april), 50, 75)
	if notes := r2.all(); len(notes) != 1 || notes[0].Title != "usagedash: 75% of your monthly budget" {
		t.Errorf("notifications = %+v", notes)
	}
	// A Notifier without NotifyUrgent gets over-budget alerts through Notify.
	wantLevels(t, check(t, a2, glance(1000, april), b2, false, april), 100)
	if notes := r2.all(); len(notes) != 2 || notes[1].Urgent {
		t.Errorf("notifications = %+v", notes)
	}
}

func TestAlerterPaused(t *testing.T) {
	r := &recorder{}
	path := filepath.Join(t.TempDir(), "alerts.json")
	a := newAlerter(t, path, r)
	b := backend.Budget{MonthlyUSD: 100}
	wantLevels(t, check(t, a, glance(85, april), b, true, april))
	wantLevels(t, check(t, a, glance(90, april), b, true, april))
	if len(r.all()) != 0 {
		t.Fatal("paused alerter notified")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("paused alerter wrote state: %v", err)
	}
	wantLevels(t, check(t, a, glance(90, april), b, false, april), 80)
	wantLevels(t, check(t, a, glance(90, april), b, false, april))
	if n := len(r.all()); n != 1 {
		t.Errorf("notifications = %d, want 1", n)
	}
}

func TestAlerterNewMonth(t *testing.T) {
	r := &recorder{}
	a := newAlerter(t, filepath.Join(t.TempDir(), "alerts.json"), r)
	b := backend.Budget{MonthlyUSD: 100}
	wantLevels(t, check(t, a, glance(105, april), b, false, april), 80, 100)

	// 02:00 UTC on 1 May is still April in New York.
	ny := mustLoad(t, "America/New_York")
	early := time.Date(2026, time.May, 1, 2, 0, 0, 0, time.UTC)
	got, err := a.Check(context.Background(), glance(105, early), b, false, early, ny)
	if err != nil || len(got) != 0 {
		t.Errorf("still April in New York: %v, %v", got, err)
	}

	may := time.Date(2026, time.May, 20, 0, 0, 0, 0, time.UTC)
	wantLevels(t, check(t, a, glance(85, may), b, false, may), 80)
	// Figures from April checked in May (stale history): nothing.
	wantLevels(t, check(t, a, glance(105, april), b, false, may))
	if n := len(r.all()); n != 2 {
		t.Errorf("notifications = %d, want 2", n)
	}
}

// TestAlerterBudgetChanged pins the decision documented on Alerter: raising
// the budget re-arms the levels for the new amount (sent once more when
// spending crosses them), lowering it never repeats a level already sent.
func TestAlerterBudgetChanged(t *testing.T) {
	r := &recorder{}
	a := newAlerter(t, filepath.Join(t.TempDir(), "alerts.json"), r)
	wantLevels(t, check(t, a, glance(85, april), backend.Budget{MonthlyUSD: 100}, false, april), 80)

	// Raised above spent: no alert now...
	wantLevels(t, check(t, a, glance(90, april), backend.Budget{MonthlyUSD: 200}, false, april))
	// ...but 80% of the new budget is a new amount: sent once.
	wantLevels(t, check(t, a, glance(160, april), backend.Budget{MonthlyUSD: 200}, false, april), 80)
	wantLevels(t, check(t, a, glance(170, april), backend.Budget{MonthlyUSD: 200}, false, april))

	// Lowered: 80% was already sent (for 200), only 100% is new.
	wantLevels(t, check(t, a, glance(170, april), backend.Budget{MonthlyUSD: 150}, false, april), 100)
	// Lowered again: nothing repeats.
	wantLevels(t, check(t, a, glance(170, april), backend.Budget{MonthlyUSD: 120}, false, april))
	if n := len(r.all()); n != 3 {
		t.Errorf("notifications = %d, want 3", n)
	}

	// A budget of 0 alerts nothing.
	wantLevels(t, check(t, a, glance(1e6, april), backend.Budget{}, false, april))
	if n := len(r.all()); n != 3 {
		t.Errorf("notifications = %d after zero budget, want 3", n)
	}
}

func TestAlerterNotifyFailure(t *testing.T) {
	r := &recorder{fail: errors.New("no daemon")}
	path := filepath.Join(t.TempDir(), "alerts.json")
	a := newAlerter(t, path, r)
	b := backend.Budget{MonthlyUSD: 100}
	got, err := a.Check(context.Background(), glance(85, april), b, false, april, time.UTC)
	if err == nil || backend.ErrorCode(err) != backend.EUNAVAILABLE || len(got) != 0 {
		t.Fatalf("failing notifier: %v, %v", got, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("failed alert was recorded: %v", err)
	}
	r.mu.Lock()
	r.fail = nil
	r.mu.Unlock()
	wantLevels(t, check(t, a, glance(85, april), b, false, april), 80)
}

func TestAlerterProfilesAndCorruptState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alerts.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &recorder{}
	a := newAlerter(t, path, r)
	b := backend.Budget{MonthlyUSD: 100}
	wantLevels(t, check(t, a, glance(85, april), b, false, april), 80)
	other := glance(85, april)
	other.ProfileID, other.ProfileName = "p2", ""
	wantLevels(t, check(t, a, other, b, false, april), 80)
	if notes := r.all(); len(notes) != 2 || notes[1].Body[:len("Your profile has spent")] != "Your profile has spent" {
		t.Errorf("notifications = %+v", notes)
	}
	if _, err := NewAlerter("", r); err == nil {
		t.Error("NewAlerter without a path succeeded")
	}
}

func TestAlerterConcurrentChecks(t *testing.T) {
	r := &recorder{}
	a := newAlerter(t, filepath.Join(t.TempDir(), "alerts.json"), r)
	b := backend.Budget{MonthlyUSD: 100}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := a.Check(context.Background(), glance(85, april), b, false, april, time.UTC); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(r.all()); n != 1 {
		t.Errorf("concurrent checks sent %d notifications, want 1", n)
	}
}
