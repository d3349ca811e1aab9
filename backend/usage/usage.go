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
//
// The byte-slice fields may alias the raw document the record was decoded
// from: they are only valid until the record is handed to the next Add, and
// an Aggregator copies what it keeps. This keeps decoding allocation-free.
type LogRecord struct {
	// InstanceID is the log's instance_id (empty when missing).
	InstanceID []byte
	// WorkflowID is the log's workflow_id (empty when missing).
	WorkflowID []byte
	// Mode is the log's claude_mode (empty when missing or null).
	Mode []byte
	// Timestamp is the log's timestamp (zero when missing).
	Timestamp time.Time
	// HasTokenUsage is false for legacy logs without a token_usage object.
	HasTokenUsage       bool
	InputTokens         int64
	OutputTokens        int64
	CacheCreationTokens int64
	CacheReadTokens     int64
	// TokensUsed is the legacy single token count.
	TokensUsed int64
	CostUSD    float64
	// HasCost is true when the log's total_cost_usd is a number (a reported
	// cost, possibly 0); false when it is missing, null or not a number.
	HasCost         bool
	ExecutionTimeMS int64

	// price is the log's contribution to the pricing sums, set by
	// Aggregator.Add before the log is added to any Totals.
	price logPrice
}

// Totals accumulates log records. The zero value is ready to use.
// Aggregator uses one Totals for the headline figures and one per breakdown row.
type Totals struct {
	Logs                int64
	InputTokens         int64
	OutputTokens        int64
	CacheCreationTokens int64
	CacheReadTokens     int64
	LegacyTokensUsed    int64
	CostUSD             float64
	ExecutionTimeMS     int64

	// The pricing sums, all zero when the Aggregator has no Pricer (see
	// backend.PricingSummary for their meaning). ComputedUSD prices the logs
	// from their tokens; UnpricedTokens counts the tokens of logs that could
	// not be priced (models without a known price, legacy tokens_used logs).
	ComputedUSD    float64
	UnpricedTokens int64
	// LogsWithoutCost counts logs with tokens but no reported cost;
	// FilledInUSD is their computed cost.
	LogsWithoutCost int64
	FilledInUSD     float64
	// ReportedComparedUSD and ComputedComparedUSD sum the logs with both a
	// reported cost and a computed one.
	ReportedComparedUSD float64
	ComputedComparedUSD float64
	LongContextLogs     int64
	LongContextExtraUSD float64
	CacheSavingsUSD     float64
	// ttlDelta is, per model index, what pricing unsplit cache writes at the
	// 1-hour rate adds to ComputedUSD (see cache_ttl.go).
	ttlDelta []float64
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
	t.addPrice(&r.price)
}

// TotalTokens is the platform's total: the four typed counts when they add up
// to more than zero, otherwise the legacy tokens_used sum.
func (t *Totals) TotalTokens() int64 {
	if typed := t.InputTokens + t.OutputTokens + t.CacheCreationTokens + t.CacheReadTokens; typed > 0 {
		return typed
	}
	return t.LegacyTokensUsed
}

// Tokens returns the token sums as the platform's token_breakdown object.
func (t *Totals) Tokens() backend.TokenBreakdown {
	return backend.TokenBreakdown{
		InputTokens:              t.InputTokens,
		OutputTokens:             t.OutputTokens,
		CacheCreationInputTokens: t.CacheCreationTokens,
		CacheReadInputTokens:     t.CacheReadTokens,
		TotalTokens:              t.TotalTokens(),
	}
}

// Apply writes the totals into r's UserUsageStats fields and derives the
// figures computed from them.
func (t *Totals) Apply(r *backend.Report) {
	r.TokenBreakdown = t.Tokens()
	r.TotalTokens = r.TokenBreakdown.TotalTokens
	r.TotalInputTokens = t.InputTokens
	r.TotalOutputTokens = t.OutputTokens
	r.TotalCacheCreationTokens = t.CacheCreationTokens
	r.TotalCacheReadTokens = t.CacheReadTokens
	r.TotalCostUSD = RoundCost(t.CostUSD)
	r.TotalExecutionTimeMS = t.ExecutionTimeMS
	r.Derive()
}

// RoundCost rounds a dollar amount to 4 decimals the way Python's round(x, 4)
// does: the exact binary value, correctly rounded.
func RoundCost(usd float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(usd, 'f', 4, 64), 64)
	return v
}
