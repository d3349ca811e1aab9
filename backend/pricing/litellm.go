package pricing

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"usagedash/backend"
)

// DefaultLiteLLMURL is the price file LiteLLM publishes on its main branch,
// the one most usage tools read.
const DefaultLiteLLMURL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"

// Download is the Anthropic part of one LiteLLM price file, in USD per
// million tokens, as stored after a good download.
type Download struct {
	URL       string    `json:"url"`
	FetchedAt time.Time `json:"fetched_at"`
	// SHA256 is the hex digest of the bytes downloaded.
	SHA256 string `json:"sha256"`
	// Families maps a canonical family id to the price LiteLLM gives it.
	Families map[string]LiteLLMPrice `json:"families"`
	// Invalid lists, one sentence each, the entries that could not be used.
	Invalid []string `json:"invalid,omitempty"`
}

// LiteLLMPrice is what LiteLLM says one family costs, per million tokens.
// A nil rate is a field the file lacks.
type LiteLLMPrice struct {
	// Key is the file's entry it was read from ("claude-opus-4-5-20251101").
	Key          string       `json:"key"`
	Input        *float64     `json:"input"`
	Output       *float64     `json:"output"`
	CacheWrite5m *float64     `json:"cache_write_5m"`
	CacheWrite1h *float64     `json:"cache_write_1h"`
	CacheRead    *float64     `json:"cache_read"`
	LongContext  *LongContext `json:"long_context,omitempty"`
	// Fast and Regional are the multipliers of its provider_specific_entry
	// (0 when absent).
	Fast     float64 `json:"fast,omitempty"`
	Regional float64 `json:"regional,omitempty"`
}

// litellmEntry is one entry of model_prices_and_context_window.json; its
// prices are per token.
type litellmEntry struct {
	Provider           string             `json:"litellm_provider"`
	Input              *float64           `json:"input_cost_per_token"`
	Output             *float64           `json:"output_cost_per_token"`
	CacheWrite5m       *float64           `json:"cache_creation_input_token_cost"`
	CacheWrite1h       *float64           `json:"cache_creation_input_token_cost_above_1hr"`
	CacheRead          *float64           `json:"cache_read_input_token_cost"`
	InputAbove200k     *float64           `json:"input_cost_per_token_above_200k_tokens"`
	OutputAbove200k    *float64           `json:"output_cost_per_token_above_200k_tokens"`
	CacheWrite5mAbove  *float64           `json:"cache_creation_input_token_cost_above_200k_tokens"`
	CacheWrite1hAbove  *float64           `json:"cache_creation_input_token_cost_above_1hr_above_200k_tokens"`
	CacheReadAbove200k *float64           `json:"cache_read_input_token_cost_above_200k_tokens"`
	ProviderSpecific   map[string]float64 `json:"provider_specific_entry"`
}

// ParseLiteLLM reads a LiteLLM price file fetched from url at fetchedAt:
// its Anthropic entries ("litellm_provider": "anthropic") whose key is a
// Claude model id, per-token prices turned into per-million ones. A file
// that is not a JSON object (a web page, a truncated download) or has a
// negative or non-finite price is refused with an EINVALID error of one
// sentence.
func ParseLiteLLM(raw []byte, url string, fetchedAt time.Time) (*Download, error) {
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, backend.WrapError(err, backend.EINVALID,
			"The price file is not a LiteLLM price list (it is not a JSON object: a web page, or cut short).")
	}
	sum := sha256.Sum256(raw)
	d := &Download{URL: url, FetchedAt: fetchedAt.UTC(), SHA256: hex.EncodeToString(sum[:]), Families: map[string]LiteLLMPrice{}}
	for _, key := range slices.Sorted(maps.Keys(entries)) {
		var e litellmEntry
		if err := json.Unmarshal(entries[key], &e); err != nil {
			if strings.Contains(string(entries[key]), `"anthropic"`) {
				d.Invalid = append(d.Invalid, fmt.Sprintf("The entry %q could not be read.", key))
			}
			continue
		}
		family, ok := Normalize(key)
		if e.Provider != "anthropic" || !ok || IsFastID(key) {
			continue
		}
		p, err := e.perMillion(key)
		if err != nil {
			return nil, err
		}
		if p.Input == nil || p.Output == nil {
			d.Invalid = append(d.Invalid, fmt.Sprintf("The entry %q has no input or output price.", key))
			continue
		}
		// The entry named like the family wins, then the newest dated id.
		if prev, seen := d.Families[family]; !seen || key == family || (prev.Key != family && key > prev.Key) {
			d.Families[family] = p
		}
	}
	return d, nil
}

// perMillion converts an entry's per-token prices and checks them.
func (e litellmEntry) perMillion(key string) (LiteLLMPrice, error) {
	p := LiteLLMPrice{Key: key}
	var bad bool
	conv := func(v *float64) *float64 {
		if v == nil {
			return nil
		}
		if math.IsNaN(*v) || math.IsInf(*v, 0) || *v < 0 {
			bad = true
		}
		m := math.Round(*v*perMillion*1e6) / 1e6 // per-token floats carry binary noise
		return &m
	}
	p.Input, p.Output, p.CacheWrite5m, p.CacheWrite1h, p.CacheRead =
		conv(e.Input), conv(e.Output), conv(e.CacheWrite5m), conv(e.CacheWrite1h), conv(e.CacheRead)
	if in, out := conv(e.InputAbove200k), conv(e.OutputAbove200k); in != nil && out != nil {
		lc := &LongContext{ThresholdTokens: 200_000, Rates: Rates{Input: *in, Output: *out}}
		w5, w1, rd := conv(e.CacheWrite5mAbove), conv(e.CacheWrite1hAbove), conv(e.CacheReadAbove200k)
		lc.CacheWrite5m, lc.CacheWrite1h, lc.CacheRead = orDerived(w5, *in*cacheWrite5mFactor), orDerived(w1, *in*cacheWrite1hFactor), orDerived(rd, *in*cacheReadFactor)
		p.LongContext = lc
	}
	for k, v := range e.ProviderSpecific {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			bad = true
		}
		switch k {
		case "fast":
			p.Fast = v
		case "us":
			p.Regional = v
		}
	}
	if bad {
		return p, backend.Errorf(backend.EINVALID, "The price file gives %q a negative or non-finite price, so it is not used.", key)
	}
	return p, nil
}

func orDerived(v *float64, derived float64) float64 {
	if v != nil {
		return *v
	}
	return derived
}
