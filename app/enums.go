package app

import "usagedash/backend"

// ErrorCode is the code of a UIError (backend's error codes), generated for
// the frontend as the enum app.ErrorCode.
type ErrorCode string

// Theme is a theme mode the window understands.
type Theme string

// Theme modes.
const (
	ThemeSystem Theme = "system"
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// TrayShows is what the tray's title shows (backend.TrayShows*).
type TrayShows string

// Bucket is a series bucket size (backend.Bucket*).
type Bucket string

// BudgetLevel is a glance's budget level (backend.Budget*).
type BudgetLevel string

// enum is one value of an enum generated for TypeScript.
type enum[T ~string] struct {
	Value  T
	TSName string
}

// Enums are the Go constants the frontend uses, for Wails' EnumBind: `wails
// generate module` writes each as a TypeScript enum into models.ts, so the
// frontend never retypes them.
func Enums() []any {
	return []any{
		[]enum[Event]{
			{EventConnectionChanged, "ConnectionChanged"},
			{EventSettingsChanged, "SettingsChanged"},
			{EventGlanceUpdated, "GlanceUpdated"},
			{EventSessionEnded, "SessionEnded"},
		},
		[]enum[ErrorCode]{
			{backend.EINVALID, "Invalid"},
			{backend.ENOTFOUND, "NotFound"},
			{backend.EUNAUTHORIZED, "Unauthorized"},
			{backend.EUNAVAILABLE, "Unavailable"},
			{backend.ELOCKED, "Locked"},
			{backend.EBADDATA, "BadData"},
			{backend.EINTERNAL, "Internal"},
		},
		[]enum[backend.PresetID]{
			{backend.PresetToday, "Today"},
			{backend.PresetYesterday, "Yesterday"},
			{backend.PresetLast7Days, "Last7Days"},
			{backend.PresetLast30Days, "Last30Days"},
			{backend.PresetThisMonth, "ThisMonth"},
			{backend.PresetLastMonth, "LastMonth"},
			{backend.PresetAllTime, "AllTime"},
			{backend.PresetCustom, "Custom"},
		},
		[]enum[backend.SourceKind]{
			{backend.SourcePlatform, "Platform"},
			{backend.SourceMongoDB, "MongoDB"},
		},
		[]enum[Theme]{{ThemeSystem, "System"}, {ThemeLight, "Light"}, {ThemeDark, "Dark"}},
		[]enum[TrayShows]{
			{backend.TrayShowsToday, "Today"},
			{backend.TrayShowsMonth, "Month"},
			{backend.TrayShowsBudget, "Budget"},
		},
		[]enum[Bucket]{{backend.BucketDay, "Day"}, {backend.BucketHour, "Hour"}},
		[]enum[BudgetLevel]{
			{backend.BudgetNone, "None"},
			{backend.BudgetOK, "OK"},
			{backend.BudgetNear, "Near"},
			{backend.BudgetOver, "Over"},
		},
	}
}
