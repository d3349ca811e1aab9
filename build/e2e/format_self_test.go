//go:build e2e

package e2e

import "testing"

func TestExpectedFormatting(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{compact(950), "950"}, {compact(1234), "1.2K"}, {compact(1250), "1.3K"}, {compact(2_500_000), "2.5M"},
		{compact(999_950), "1M"}, {compact(1_000_000_000), "1B"}, {compact(1_050_000), "1.1M"},
		{usd(171.845, 2), "$171.85"}, {usd(1234.56789, 4), "$1,234.5679"}, {usd(0, 2), "$0.00"},
		{integer(1234567), "1,234,567"}, {percent(0.285, 1), "28.5%"}, {percent(0.42534, 2), "42.53%"},
		{fixed(2374397.9523809524, 1), "2,374,398.0"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
