package pricing_test

import (
	"testing"

	"usagedash/backend"
	"usagedash/backend/pricing"
)

var all1M = pricing.Usage{Input: 1_000_000, Output: 1_000_000, CacheWrite5m: 1_000_000, CacheWrite1h: 1_000_000, CacheRead: 1_000_000}

func TestAliases(t *testing.T) {
	at := day("2026-06-01")
	tb := pricing.Default().WithOverrides(map[string]string{
		"Claude-Opus-9":    "claude-opus-4-6", // a family id: covers its dated ids
		"my-gateway-model": "claude-3-7-sonnet-20250219",
		"loop-a":           "loop-b",
		"loop-b":           "loop-a",
		"to-nowhere":       "gpt-4o",
	}, nil)
	for model, want := range map[string]float64{
		"claude-opus-9":                5, // priced as Opus 4.6: 1M × $5
		"claude-opus-9-20270101":       5,
		"anthropic.claude-opus-9-v1:0": 5,
		" MY-GATEWAY-MODEL ":           3, // as Sonnet 3.7: 1M × $3
	} {
		c, err := tb.Cost(model, at, pricing.Usage{Input: 1_000_000})
		if err != nil {
			t.Fatalf("%s: %v", model, err)
		}
		near(t, model, c.USD, want)
	}
	for _, model := range []string{"loop-a", "to-nowhere"} {
		if _, ok := tb.Lookup(model, at); ok {
			t.Errorf("%s priced", model)
		}
	}
	if _, ok := pricing.Default().Lookup("claude-opus-9", at); ok {
		t.Error("WithOverrides changed the default table")
	}
}

func TestCustomPrices(t *testing.T) {
	at := day("2026-06-01")
	tb := pricing.Default().WithOverrides(
		map[string]string{"my-proxy-model": "house-model"},
		map[string]pricing.Price{
			// Only input and output entered: cache rates follow the rules,
			// 2 × 1.25 = 2.50, 2 × 2 = 4, 2 × 0.1 = 0.20.
			"house-model": {Rates: pricing.Rates{Input: 2, Output: 10}},
			// A negotiated price for a known family wins over the table.
			"claude-sonnet-4-5": {Rates: pricing.Rates{Input: 2.7, Output: 13.5, CacheWrite5m: 3.375, CacheWrite1h: 5.4, CacheRead: 0.27}},
			// A tier without a threshold gets 200,000.
			"tiered": {Rates: pricing.Rates{Input: 1, Output: 2}, LongContext: &pricing.LongContext{Rates: pricing.Rates{Input: 2, Output: 3}}},
			"broken": {Rates: pricing.Rates{Input: -1, Output: 1}},
		})

	// 2 + 10 + 2.50 + 4 + 0.20 = 18.70, through the alias.
	c, err := tb.Cost("my-proxy-model", at, all1M)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "house 5m", c.CacheWrite5m, 2.50)
	near(t, "house 1h", c.CacheWrite1h, 4.00)
	near(t, "house read", c.CacheRead, 0.20)
	near(t, "house total", c.USD, 18.70)
	if !c.Price.Custom || c.Price.Family != "house-model" {
		t.Errorf("Price = %+v", c.Price)
	}

	// 2.70 + 13.50 + 3.375 + 5.40 + 0.27 = 25.245, for a Bedrock id of the family too.
	c, err = tb.Cost("anthropic.claude-sonnet-4-5-20250929-v1:0", at, all1M)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "negotiated sonnet", c.USD, 25.245)

	// 200,001 input tokens cross the default threshold: 200,001 × $2 = 0.400002;
	// 200,000 do not: 200,000 × $1 = 0.20.
	c, _ = tb.Cost("tiered", at, pricing.Usage{Input: 200_001})
	near(t, "tiered long", c.USD, 0.400002)
	c, _ = tb.Cost("tiered", at, pricing.Usage{Input: 200_000})
	near(t, "tiered short", c.USD, 0.20)

	if _, ok := tb.Lookup("broken", at); ok {
		t.Error("an invalid custom price was kept")
	}
	// Overrides layer: a later WithOverrides keeps the earlier ones.
	tb2 := tb.WithOverrides(map[string]string{"other": "claude-haiku-3"}, nil)
	if _, ok := tb2.Lookup("house-model", at); !ok {
		t.Error("layered overrides lost the custom price")
	}
}

func TestValidateOverrides(t *testing.T) {
	tb := pricing.Default()
	ok := tb.ValidateOverrides(
		map[string]string{"a": "claude-opus-4-5", "b": "custom-x"},
		map[string]pricing.Price{"custom-x": {Rates: pricing.Rates{Input: 1, Output: 5}}})
	if ok != nil {
		t.Errorf("valid overrides: %v", ok)
	}
	for name, tc := range map[string]struct {
		aliases map[string]string
		custom  map[string]pricing.Price
	}{
		"alias to unknown": {map[string]string{"a": "gpt-4o"}, nil},
		"alias loop":       {map[string]string{"a": "b", "b": "a"}, nil},
		"alias to itself":  {map[string]string{"a": "A"}, nil},
		"empty alias":      {map[string]string{"": "claude-opus-4-5"}, nil},
		"negative rate":    {nil, map[string]pricing.Price{"x": {Rates: pricing.Rates{Input: 1, Output: -5}}}},
		"all zero":         {nil, map[string]pricing.Price{"x": {}}},
		"empty id":         {nil, map[string]pricing.Price{" ": {Rates: pricing.Rates{Input: 1}}}},
		"bad tier":         {nil, map[string]pricing.Price{"x": {Rates: pricing.Rates{Input: 1}, LongContext: &pricing.LongContext{}}}},
	} {
		if err := tb.ValidateOverrides(tc.aliases, tc.custom); backend.ErrorCode(err) != backend.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", name, err)
		}
	}
}
