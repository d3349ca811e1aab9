package app

import (
	"context"
	"fmt"
	"math"
	"time"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

// PriceService is Settings → Prices: the table in force with where each row
// came from, "Check for new prices", and how fresh the prices are. Checks in
// the background never delay a report.
type PriceService struct {
	life     *Lifecycle
	updater  *pricing.Updater
	settings func() backend.Settings
	now      func() time.Time
}

// NewPriceService returns the service over updater; settings gives the
// current settings (daily checks, the price list address).
func NewPriceService(life *Lifecycle, updater *pricing.Updater, settings func() backend.Settings) *PriceService {
	return &PriceService{life: life, updater: updater, settings: settings, now: time.Now}
}

// PriceStatus is what the Prices settings and the dashboard show about the
// table in force.
type PriceStatus struct {
	// Version is the table in force's version.
	Version string `json:"version"`
	// Update is the download merged in (nil: the shipped table alone);
	// Checked is when prices were last downloaded (null: never).
	Update  *pricing.UpdateInfo `json:"update"`
	Checked *time.Time          `json:"checked" ts_type:"string | null"`
	// CheckedText says it for people: "Prices checked 3 days ago." or
	// "Prices not checked yet: the shipped table of 2026-12-04 is in force."
	CheckedText string `json:"checked_text"`
	// LastError is the latest check's failure in one sentence ("" when it
	// worked or none ran); StoreError why the stored download is unused.
	LastError  string `json:"last_error"`
	StoreError string `json:"store_error"`
	// Checking is set while a check runs.
	Checking bool `json:"checking"`
	// DailyCheck and URL are the settings checks follow.
	DailyCheck bool   `json:"daily_check"`
	URL        string `json:"url"`
}

// Status reports how fresh the prices are.
func (s *PriceService) Status() PriceStatus {
	st := s.settings()
	us := s.updater.Status()
	out := PriceStatus{Version: s.updater.Table().Version(), Update: us.Update, LastError: us.LastError, StoreError: us.StoreError,
		Checking: us.Checking, DailyCheck: st.CheckPricesDaily, URL: priceListURL(st)}
	out.CheckedText = fmt.Sprintf("Prices not checked yet: the shipped table of %s is in force.", pricing.Default().Version())
	if us.Update != nil {
		at := us.Update.FetchedAt
		out.Checked = &at
		out.CheckedText = "Prices checked " + ago(s.now().Sub(at)) + "."
	}
	return out
}

// ago says how long ago d was, in the largest whole unit.
func ago(d time.Duration) string {
	switch days := int(math.Floor(d.Hours() / 24)); {
	case d < time.Hour:
		return "less than an hour ago"
	case days < 1:
		return plural(int(d.Hours()), "hour") + " ago"
	default:
		return plural(days, "day") + " ago"
	}
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// Table returns the table in force, every family with its dated rows,
// sources, confidence marks and provenance.
func (s *PriceService) Table() pricing.Listing { return s.updater.Table().Listing(s.now()) }

// CheckNow downloads the price list now ("Check for new prices") and
// returns the new status. A bad download is refused with one sentence and
// the prices in force stay.
func (s *PriceService) CheckNow() (PriceStatus, error) {
	ctx, cancel := context.WithTimeout(s.life.Context(), 2*pricing.FetchTimeout)
	defer cancel()
	_, err := s.updater.Check(ctx, priceListURL(s.settings()))
	return s.Status(), err
}

// CheckIfDue starts a check in the background when one is due: daily (when
// the setting is on) or at once when a report met a model no table prices
// (unpricedModels). It returns at once and reports whether a check started.
func (s *PriceService) CheckIfDue(unpricedModels bool) bool {
	st := s.settings()
	return s.updater.CheckInBackground(s.life.Context(), priceListURL(st), st.CheckPricesDaily, unpricedModels, nil)
}

// StartPriceChecks runs the daily background check for as long as life
// lives: once at start-up and then every hour it asks whether one is due.
func StartPriceChecks(life *Lifecycle, prices *PriceService) {
	go func() {
		tick := time.NewTicker(time.Hour)
		defer tick.Stop()
		for {
			prices.CheckIfDue(false)
			select {
			case <-life.Context().Done():
				return
			case <-tick.C:
			}
		}
	}()
}
