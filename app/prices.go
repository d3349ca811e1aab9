package app

import (
	"usagedash/backend"
	"usagedash/backend/pricing"
)

// SettingsPrices returns what ReportService.Prices wants: a function that,
// at each call, builds the shipped price table with the model aliases and
// custom prices of the current settings, so a saved change applies to the
// next fetch.
func SettingsPrices(current func() backend.Settings) func() backend.Pricer {
	return func() backend.Pricer { return pricing.FromSettings(current()) }
}
