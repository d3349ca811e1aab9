// Package usage aggregates log records into report totals in one pass, with
// the platform's semantics. Every source that reads raw logs (the direct
// MongoDB source, the reference server) uses it, so they agree by design.
package usage

import (
	"strconv"
	"time"

	"usagedash/backend"
)

// LogRecord is the part of one platform log that usage is computed from.
// Missing or null fields are zero, as the platform's $sum treats them.
type LogRecord struct {
	InstanceID string
	Timestamp  time.Time
	// HasTokenUsage is false for legacy logs without a token_usage object.
	HasTokenUsage       bool
	InputTokens         int64
	OutputTokens        int64
	CacheCreationTokens int64
	CacheReadTokens     int64
	// TokensUsed is the legacy single token count.
	TokensUsed      int64
	CostUSD         float64
	ExecutionTimeMS int64
}

// Totals accumulates log records. The zero value is ready to use.
type Totals struct {
	Logs                int64
	InputTokens         int64
	OutputTokens        int64
	CacheCreationTokens int64
	CacheReadTokens     int64
	LegacyTokensUsed    int64
	CostUSD             float64
	ExecutionTimeMS     int64
}

// Add counts one log record.
func (t *Totals) Add(r *LogRecord) {
	t.Logs++
	t.InputTokens += r.InputTokens
	t.OutputTokens += r.OutputTokens
	t.CacheCreationTokens += r.CacheCreationTokens
	t.CacheReadTokens += r.CacheReadTokens
	t.LegacyTokensUsed += r.TokensUsed
	t.CostUSD += r.CostUSD
	t.ExecutionTimeMS += r.ExecutionTimeMS
}

// TotalTokens is the platform's total: the four typed counts when they add up
// to more than zero, otherwise the legacy tokens_used sum.
func (t *Totals) TotalTokens() int64 {
	if typed := t.InputTokens + t.OutputTokens + t.CacheCreationTokens + t.CacheReadTokens; typed > 0 {
		return typed
	}
	return t.LegacyTokensUsed
}

// Apply writes the totals into r's UserUsageStats fields and derives the
// figures computed from them.
func (t *Totals) Apply(r *backend.Report) {
	total := t.TotalTokens()
	r.TotalTokens = total
	r.TotalInputTokens = t.InputTokens
	r.TotalOutputTokens = t.OutputTokens
	r.TotalCacheCreationTokens = t.CacheCreationTokens
	r.TotalCacheReadTokens = t.CacheReadTokens
	r.TotalCostUSD = RoundCost(t.CostUSD)
	r.TotalExecutionTimeMS = t.ExecutionTimeMS
	r.TokenBreakdown = backend.TokenBreakdown{
		InputTokens:              t.InputTokens,
		OutputTokens:             t.OutputTokens,
		CacheCreationInputTokens: t.CacheCreationTokens,
		CacheReadInputTokens:     t.CacheReadTokens,
		TotalTokens:              total,
	}
	r.Derive()
}

// RoundCost rounds a dollar amount to 4 decimals the way Python's round(x, 4)
// does: the exact binary value, correctly rounded.
func RoundCost(usd float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(usd, 'f', 4, 64), 64)
	return v
}
