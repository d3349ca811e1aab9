package pricing_test

import (
	"testing"

	"usagedash/backend/pricing"
)

func TestNormalize(t *testing.T) {
	known := map[string]string{
		"claude-opus-4-5-20251101":        "claude-opus-4-5",
		"claude-opus-4-5":                 "claude-opus-4-5",
		"claude-sonnet-4-5-20250929":      "claude-sonnet-4-5",
		"claude-sonnet-4-20250514":        "claude-sonnet-4",
		"claude-sonnet-4-0":               "claude-sonnet-4",
		"claude-opus-4-0":                 "claude-opus-4",
		"claude-3-7-sonnet-20250219":      "claude-sonnet-3-7",
		"claude-3-7-sonnet-latest":        "claude-sonnet-3-7",
		"claude-haiku-4-5-20251001":       "claude-haiku-4-5",
		"claude-3-5-haiku-20241022":       "claude-haiku-3-5",
		"claude-3-5-haiku-latest":         "claude-haiku-3-5",
		"claude-3-haiku-20240307":         "claude-haiku-3",
		"claude-opus-4-1-20250805":        "claude-opus-4-1",
		"claude-opus-4-20250514":          "claude-opus-4",
		"claude-3-opus-20240229":          "claude-opus-3",
		"claude-3-opus-latest":            "claude-opus-3",
		"claude-opus-4-6":                 "claude-opus-4-6",
		"claude-sonnet-4-6":               "claude-sonnet-4-6",
		"claude-sonnet-3-7":               "claude-sonnet-3-7",
		"  Claude-Sonnet-4-5-20250929 \n": "claude-sonnet-4-5",
		"claude-3.5-haiku":                "claude-haiku-3-5",
		"claude-sonnet-4.5":               "claude-sonnet-4-5",
		"claude_3_haiku":                  "claude-haiku-3",
		// Amazon Bedrock.
		"anthropic.claude-sonnet-4-5-20250929-v1:0":                                                             "claude-sonnet-4-5",
		"anthropic.claude-3-5-sonnet-20241022-v2:0":                                                             "claude-sonnet-3-5",
		"us.anthropic.claude-opus-4-1-20250805-v1:0":                                                            "claude-opus-4-1",
		"global.anthropic.claude-haiku-4-5-20251001-v1:0":                                                       "claude-haiku-4-5",
		"anthropic.claude-opus-4-6-v1":                                                                          "claude-opus-4-6",
		"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0":                    "claude-haiku-3",
		"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0": "claude-sonnet-3-7",
		// Google Vertex AI.
		"claude-sonnet-4-5@20250929": "claude-sonnet-4-5",
		"claude-3-5-haiku@20241022":  "claude-haiku-3-5",
		"projects/p/locations/us-east5/publishers/anthropic/models/claude-opus-4-1@20250805": "claude-opus-4-1",
		// Routers and tools.
		"anthropic/claude-3.7-sonnet:thinking": "claude-sonnet-3-7",
		"anthropic/claude-opus-4.5":            "claude-opus-4-5",
		"claude-sonnet-4-5[1m]":                "claude-sonnet-4-5",
		"claude-sonnet-4-5-20250929[1m]":       "claude-sonnet-4-5",
		// Well-formed but not in the table: normalised, then unpriced.
		"claude-opus-9-20270101": "claude-opus-9",
		// This year's forms: Fable and Mythos, cloud region prefixes with and
		// without "anthropic.", "-fast" ids, "[1m]".
		"claude-fable-5-2":                    "claude-fable-5-2",
		"claude-mythos-5-1":                   "claude-mythos-5-1",
		"us.anthropic.claude-opus-4-8-v1:0":   "claude-opus-4-8",
		"jp.anthropic.claude-sonnet-5-5":      "claude-sonnet-5-5",
		"au.anthropic.claude-haiku-5-5-v1:0":  "claude-haiku-5-5",
		"global.claude-opus-5-5":              "claude-opus-5-5",
		"eu.claude-sonnet-5":                  "claude-sonnet-5",
		"claude-opus-4-8-fast":                "claude-opus-4-8",
		"claude-opus-5-5-fast[1m]":            "claude-opus-5-5",
		"claude-opus-4-8[1m]":                 "claude-opus-4-8",
		"apac.anthropic.claude-opus-4-7-v1:0": "claude-opus-4-7",
	}
	for in, fast := range map[string]bool{"claude-opus-4-8-fast": true, "claude-opus-5-5-fast[1m]": true, "claude-opus-4-8": false,
		"claude-fast-4": false, "fast-claude-opus-4": false} {
		if got := pricing.IsFastID(in); got != fast {
			t.Errorf("IsFastID(%q) = %v", in, got)
		}
	}
	for in, regional := range map[string]bool{"us.anthropic.claude-opus-4-8-v1:0": true, "eu.claude-sonnet-5": true,
		"global.anthropic.claude-opus-4-8": false, "anthropic.claude-opus-4-8": false, "claude-opus-4-8": false} {
		if got := pricing.IsRegionalID(in); got != regional {
			t.Errorf("IsRegionalID(%q) = %v", in, got)
		}
	}
	for in, want := range known {
		if got, ok := pricing.Normalize(in); !ok || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{
		"", "gpt-4o", "claude", "claude-2.1", "claude-2", "claude-instant-1.2", "claude-sonnet",
		"claude-sonnet-4-5-mini", "claude-sonnet-haiku-4", "claude-3-sonnet-5", "claude-sonnet-4-5-1",
		"claude-0-opus", "claude-opus-123", "claude-unreleased-test-0", "claude-fable", "us.gpt-4o", "sonnet-4-5", "my-claude-sonnet-4-5", "claude-sonnet-4-5-2025",
	} {
		if got, ok := pricing.Normalize(in); ok {
			t.Errorf("Normalize(%q) = %q, want not normalised", in, got)
		}
	}
}

// TestEveryIdShapePrices checks that the provider-specific ids of the brief
// reach a price, not just a family id.
func TestEveryIdShapePrices(t *testing.T) {
	for _, id := range []string{
		"anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5@20250929",
		"claude-3-5-haiku-latest", "claude-3-opus-latest", "claude-opus-4-0",
	} {
		if _, ok := pricing.Default().Lookup(id, day("2026-01-01")); !ok {
			t.Errorf("Lookup(%q) found no price", id)
		}
	}
}
