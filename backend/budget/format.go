package budget

import (
	"fmt"
	"math"
)

// FormatUSD formats dollars for people, with cents and thousands separators:
// "$1,234.50", "-$2.50"; "$—" when usd is not a finite number. Cents round
// half away from zero, as the window's figures do. Budget alerts and the tray
// show money with it.
func FormatUSD(usd float64) string { return formatUSD(usd, false) }

// FormatBudgetUSD formats a budget like FormatUSD, except that an amount of
// whole dollars (to the cent) drops its cents: "$100".
func FormatBudgetUSD(usd float64) string { return formatUSD(usd, true) }

func formatUSD(usd float64, wholeShort bool) string {
	if math.IsNaN(usd) || math.IsInf(usd, 0) {
		return "$—"
	}
	sign := ""
	cents := int64(math.Round(usd * 100))
	if cents < 0 {
		sign, cents = "-", -cents
	}
	if wholeShort && cents%100 == 0 {
		return fmt.Sprintf("%s$%s", sign, thousands(cents/100))
	}
	return fmt.Sprintf("%s$%s.%02d", sign, thousands(cents/100), cents%100)
}

// thousands writes n with comma thousands separators.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
