package trayicon

import (
	"fmt"
	"math"
)

// Short formats a dollar amount compactly for an icon (at most five
// characters):
//
//   - exactly zero (or less than half a cent, which reads "$0.00" elsewhere)
//     is "$0"; a positive amount that rounds to $0 is "<$1", so that a little
//     spending never looks like none;
//   - under $1,000: whole dollars rounded half up ("$3", "$42", "$999");
//   - under $1M: thousands with one decimal under $10K and none above,
//     rounded half up, a trailing ".0" dropped ("$1.2K", "$2K", "$12K",
//     "$999K");
//   - then millions the same way ("$1.5M", "$12M").
//
// Negative, NaN and infinite amounts are treated as zero.
func Short(usd float64) string {
	if math.IsNaN(usd) || math.IsInf(usd, 0) || usd < 0.005 {
		return "$0"
	}
	if d := math.Floor(usd + 0.5); d < 1000 {
		if d == 0 {
			return "<$1"
		}
		return fmt.Sprintf("$%d", int64(d))
	}
	for _, u := range []struct {
		div  float64
		unit string
	}{{1e3, "K"}, {1e6, "M"}, {1e9, "B"}} {
		v := usd / u.div
		if r := math.Floor(v*10+0.5) / 10; r < 10 {
			if r == math.Trunc(r) {
				return fmt.Sprintf("$%d%s", int64(r), u.unit)
			}
			return fmt.Sprintf("$%.1f%s", r, u.unit)
		}
		if r := math.Floor(v + 0.5); r < 1000 {
			return fmt.Sprintf("$%d%s", int64(r), u.unit)
		}
	}
	return "$1T+"
}

// Percent formats a budget fraction (0.62 = 62%) as whole percent, rounded
// DOWN so that the figure never reads 100% before the budget is actually
// reached (99.6% is "99%", matching the "near" level). From 1000% on it
// switches to a multiple ("12x", at most "999x") to stay short. Negative and NaN fractions
// are "0%".
func Percent(fraction float64) string {
	if math.IsNaN(fraction) || fraction < 0 {
		return "0%"
	}
	p := math.Floor(fraction*100 + 1e-9)
	if p < 1000 {
		return fmt.Sprintf("%d%%", int64(p))
	}
	if fraction >= 999 {
		return "999x"
	}
	return fmt.Sprintf("%dx", int64(math.Floor(fraction)))
}
