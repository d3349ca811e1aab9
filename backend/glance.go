package backend

import "time"

// Budget levels of a Glance.
const (
	BudgetNone = "none" // no budget set
	BudgetOK   = "ok"   // below the first alert level
	BudgetNear = "near" // at or above an alert level below 100%
	BudgetOver = "over" // at or above 100% of the budget
)

// Tray title modes: what the tray's title (or icon) shows.
const (
	TrayShowsToday  = "today"
	TrayShowsMonth  = "month"
	TrayShowsBudget = "budget"
)

// Glance is what the tray shows at a glance for the active profile.
type Glance struct {
	ProfileID   string `json:"profile_id"`
	ProfileName string `json:"profile_name"`
	// TodayUSD and MonthUSD are the cost of today and of the month to date,
	// in the user's time zone.
	TodayUSD float64 `json:"today_usd"`
	MonthUSD float64 `json:"month_usd"`
	// BudgetUSD is the profile's monthly budget (0 = none); BudgetFraction is
	// MonthUSD / BudgetUSD.
	BudgetUSD      float64 `json:"budget_usd"`
	BudgetFraction float64 `json:"budget_fraction"`
	// Level is BudgetNone, BudgetOK, BudgetNear or BudgetOver.
	Level string `json:"level"`
	// ForecastUSD is the month-end cost at the month-to-date pace.
	ForecastUSD float64 `json:"forecast_usd"`
	// AsOf is when the figures were fetched; Stale is true when they come
	// from the history because the source could not be reached.
	AsOf  time.Time `json:"as_of" ts_type:"string"`
	Stale bool      `json:"stale"`
}

// Budget is a profile's monthly budget and the percentages at which to alert.
type Budget struct {
	MonthlyUSD float64 `json:"monthly_usd"`
	// AlertPercents defaults to 80 and 100.
	AlertPercents []float64 `json:"alert_percents"`
}

// Settings are the user's preferences.
type Settings struct {
	// RefreshMinutes is how often the tray refreshes (default 5).
	RefreshMinutes int `json:"refresh_minutes"`
	// CloseToTray keeps the app in the tray when the window is closed.
	CloseToTray bool `json:"close_to_tray"`
	// TrayShows is TrayShowsToday, TrayShowsMonth or TrayShowsBudget.
	TrayShows string `json:"tray_shows"`
	// AlertsPaused silences budget notifications.
	AlertsPaused bool `json:"alerts_paused"`
	// Budgets by profile id.
	Budgets map[string]Budget `json:"budgets"`
	// ModelAliases maps a model id without a known price to a model id whose
	// price applies (e.g. "claude-opus-4-7" to "claude-opus-4-6").
	ModelAliases map[string]string `json:"model_aliases"`
	// CustomPrices maps a model id to prices the user entered; they win over
	// the shipped table.
	CustomPrices map[string]ModelRates `json:"custom_prices"`
	// CheckPricesDaily lets the app look for new prices at most once a day
	// in the background (default on); PriceListURL is the LiteLLM price file
	// it reads ("" is LiteLLM's main-branch file).
	CheckPricesDaily bool   `json:"check_prices_daily"`
	PriceListURL     string `json:"price_list_url"`
	// CacheTTL is, by profile id, how that connection prices cache writes of
	// unknown TTL: CacheTTL5m, CacheTTL1h or CacheTTLMatch (the default).
	CacheTTL map[string]CacheTTL `json:"cache_ttl"`
}

// ModelRates are prices in USD per million tokens that the user entered. A
// zero cache rate is derived from Input by the standard multipliers.
type ModelRates struct {
	Input        float64 `json:"input"`
	Output       float64 `json:"output"`
	CacheWrite5m float64 `json:"cache_write_5m"`
	CacheWrite1h float64 `json:"cache_write_1h"`
	CacheRead    float64 `json:"cache_read"`
}

// DefaultSettings are the settings before the user changes any.
func DefaultSettings() Settings {
	return Settings{RefreshMinutes: 5, CloseToTray: true, TrayShows: TrayShowsToday, Budgets: map[string]Budget{}, CheckPricesDaily: true}
}
