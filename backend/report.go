package backend

import "time"

// TokenBreakdown is the platform's token_breakdown object: the four token
// kinds Anthropic bills separately, and their total.
type TokenBreakdown struct {
	InputTokens              int64 `json:"input_tokens"`
	OutputTokens             int64 `json:"output_tokens"`
	CacheCreationInputTokens int64 `json:"cache_creation_input_tokens"`
	CacheReadInputTokens     int64 `json:"cache_read_input_tokens"`
	TotalTokens              int64 `json:"total_tokens"`
}

// TokenShares gives each token kind's share of the four-kind sum, from 0 to 1.
// All shares are 0 when no typed tokens were recorded.
type TokenShares struct {
	Input         float64 `json:"input"`
	Output        float64 `json:"output"`
	CacheCreation float64 `json:"cache_creation"`
	CacheRead     float64 `json:"cache_read"`
}

// Report is a usage report for one user (or everyone) over one period.
//
// The fields up to TokenBreakdown are the platform's UserUsageStats with the
// same JSON names, so reports from the platform API and from MongoDB can be
// compared field by field. The fields after it are usagedash's additions.
type Report struct {
	UserID                   string         `json:"user_id"`
	Username                 string         `json:"username"`
	TotalWorkflows           int64          `json:"total_workflows"`
	TotalInstances           int64          `json:"total_instances"`
	TotalTokens              int64          `json:"total_tokens"`
	TotalInputTokens         int64          `json:"total_input_tokens"`
	TotalOutputTokens        int64          `json:"total_output_tokens"`
	TotalCacheCreationTokens int64          `json:"total_cache_creation_tokens"`
	TotalCacheReadTokens     int64          `json:"total_cache_read_tokens"`
	TotalCostUSD             float64        `json:"total_cost_usd"`
	TotalExecutionTimeMS     int64          `json:"total_execution_time_ms"`
	PeriodStart              *time.Time     `json:"period_start" ts_type:"string | null"`
	PeriodEnd                *time.Time     `json:"period_end" ts_type:"string | null"`
	TokenBreakdown           TokenBreakdown `json:"token_breakdown"`

	// Source says where the numbers came from.
	Source SourceInfo `json:"source"`
	// GeneratedAt is when the report was computed or fetched.
	GeneratedAt time.Time `json:"generated_at" ts_type:"string"`
	// Period is the period the user asked for, with its label and time zone.
	Period Period `json:"period"`
	// Derived holds the figures computed from the totals above.
	Derived Derived `json:"derived"`
	// Breakdowns is nil when the source cannot split usage (the platform API).
	Breakdowns *Breakdowns `json:"breakdowns"`
	// Series is the period's usage per hour or day (Period.Bucket). It is
	// nil when the source could not build one; SeriesNote then says why.
	Series     *Series `json:"series"`
	SeriesNote string  `json:"series_note,omitempty"`
	// Pricing compares the reported cost with the cost computed from tokens
	// at API prices. Nil when the source has no per-log tokens and models
	// (the platform API).
	Pricing *PricingSummary `json:"pricing"`
	// Notes are one-sentence remarks on what the report could not read
	// ("3 unreadable lines in 2 files"); none is an error.
	Notes []string `json:"notes,omitempty"`
	// RecordOnlyDays lists the days (YYYY-MM-DD in the period's zone) whose
	// usage comes only from usagedash's own record: their transcripts are
	// gone (Claude Code deletes them after 30 days).
	RecordOnlyDays []string `json:"record_only_days,omitempty"`
	// Parts is the state of each part of the report (see parts.go); nil in
	// reports stored before parts existed (see PartStatusOf).
	Parts map[ReportPart]PartStatus `json:"parts,omitempty"`
	// Coverage says what the counts and averages cover (see coverage.go).
	Coverage Coverage `json:"coverage"`
}

// Series is usage over time: one row per bucket of the period, in time
// order, zero rows included (for an open-ended period, from the first to the
// last bucket with usage). A day row's Key is YYYY-MM-DD; an hour row's Key is
// the hour's start in RFC 3339 with the zone's offset, so the repeated hour
// of a daylight-saving change has two distinct rows.
type Series struct {
	Bucket string     `json:"bucket"`
	Rows   []UsageRow `json:"rows"`
	// Unknown names the row fields the source cannot give (FieldLogs, ...):
	// they are 0 in Rows, null in JSON, and shown empty (see unknown.go).
	Unknown []string `json:"unknown,omitempty"`
}

// PricingSummary is the report's cost computed from tokens, log by log, at
// the API prices of a dated price table, beside the cost the logs reported.
type PricingSummary struct {
	// TableVersion and TableSource identify the price table used.
	TableVersion string `json:"table_version"`
	TableSource  string `json:"table_source"`
	// ComputedUSD prices every log from its tokens. It is a lower bound
	// when UnpricedTokens > 0 (logs of models without a known price).
	ComputedUSD    float64  `json:"computed_usd"`
	UnpricedTokens int64    `json:"unpriced_tokens"`
	UnpricedModels []string `json:"unpriced_models"`
	// LogsWithoutCost counts logs with tokens but no reported cost;
	// FilledInUSD is their computed cost.
	LogsWithoutCost int64   `json:"logs_without_cost"`
	FilledInUSD     float64 `json:"filled_in_usd"`
	// EstimatedUSD is the best estimate of the spend: the reported cost plus
	// FilledInUSD.
	EstimatedUSD float64 `json:"estimated_usd"`
	// ReportedComparedUSD and ComputedComparedUSD sum the logs that have
	// both a reported cost and a known price; DriftUSD is reported minus
	// computed over those logs.
	ReportedComparedUSD float64 `json:"reported_compared_usd"`
	ComputedComparedUSD float64 `json:"computed_compared_usd"`
	DriftUSD            float64 `json:"drift_usd"`
	// LongContextLogs counts logs whose prompt tokens cross their model's
	// long-context threshold. A log sums a Claude Code run's requests, so
	// they are priced at the standard rates; LongContextExtraUSD is what
	// they would cost more if each were one long-context request.
	LongContextLogs     int64   `json:"long_context_logs"`
	LongContextExtraUSD float64 `json:"long_context_extra_usd"`
	// CacheSavingsUSD is what prompt caching saved against paying the input
	// rate for every cache read, less the cache-write premium (negative when
	// writes cost more than reads saved). CacheHitRatio is cache reads over
	// all prompt tokens (input + cache writes + cache reads).
	CacheSavingsUSD float64 `json:"cache_savings_usd"`
	CacheHitRatio   float64 `json:"cache_hit_ratio"`
	// Rules lists each pricing rule that priced at least one log, with how
	// many (never nil).
	Rules []RuleUse `json:"rules"`
	// SecondaryRows lists the price-table rows known only from secondary
	// sources that priced at least one log (never nil): the UI marks those
	// costs "price from a secondary source".
	SecondaryRows []SecondaryRowUse `json:"secondary_rows"`
	// UnconfirmedLogs counts logs under a rule whose multiplier is not
	// confirmed (not applied, so their cost is a lower bound).
	UnconfirmedLogs int64 `json:"unconfirmed_logs"`
	// CacheTTL says, per model with cache writes of unknown TTL, how they
	// were priced; CacheTTLNote sums it up in one sentence for the pricing
	// card ("" without such writes).
	CacheTTL     []CacheTTLChoice `json:"cache_ttl"`
	CacheTTLNote string           `json:"cache_ttl_note"`
}

// RuleUse is one pricing rule (PriceRule.ID) and how many logs it priced.
type RuleUse struct {
	Rule string `json:"rule"`
	Logs int64  `json:"logs"`
}

// SecondaryRowUse is a secondary-source price-table row that priced logs.
type SecondaryRowUse struct {
	// Row is the row's id ("claude-fable-5-2@2026-11-09").
	Row         string  `json:"row"`
	Logs        int64   `json:"logs"`
	ComputedUSD float64 `json:"computed_usd"`
}

// CacheTTLChoice is how one model's cache writes of unknown TTL were priced.
type CacheTTLChoice struct {
	Model string `json:"model"`
	// TTL is CacheTTL5m or CacheTTL1h; Policy the connection's policy that
	// chose it (CacheTTLMatch picks the TTL closer to the reported cost).
	TTL    CacheTTL `json:"ttl" ts_type:"string"`
	Policy CacheTTL `json:"policy" ts_type:"string"`
	// ReportedUSD and ComputedUSD sum the model's logs that report a cost,
	// computed at TTL; MismatchPercent is their gap in percent of the
	// reported cost (null without a reported cost to compare).
	ReportedUSD     float64  `json:"reported_usd"`
	ComputedUSD     float64  `json:"computed_usd"`
	MismatchPercent *float64 `json:"mismatch_percent"`
}

// Derived holds figures computed from a report's totals. Per-instance
// averages divide by the instances active in the period when the source
// knows them, else (the platform dashboard's rule) by all of the user's
// instances over all time: Coverage.AveragesOver says which.
type Derived struct {
	AvgCostPerInstanceUSD float64     `json:"avg_cost_per_instance_usd"`
	AvgTokensPerInstance  float64     `json:"avg_tokens_per_instance"`
	CostPer1KTokensUSD    float64     `json:"cost_per_1k_tokens_usd"`
	TokenShares           TokenShares `json:"token_shares"`
}

// Derive fills r.Derived from r's totals.
func (r *Report) Derive() {
	d := Derived{}
	if n := r.averageOver(); n > 0 {
		d.AvgCostPerInstanceUSD = r.TotalCostUSD / float64(n)
		d.AvgTokensPerInstance = float64(r.TotalTokens) / float64(n)
	}
	if r.TotalTokens > 0 {
		d.CostPer1KTokensUSD = r.TotalCostUSD / float64(r.TotalTokens) * 1000
	}
	b := r.TokenBreakdown
	if typed := b.InputTokens + b.OutputTokens + b.CacheCreationInputTokens + b.CacheReadInputTokens; typed > 0 {
		t := float64(typed)
		d.TokenShares = TokenShares{
			Input:         float64(b.InputTokens) / t,
			Output:        float64(b.OutputTokens) / t,
			CacheCreation: float64(b.CacheCreationInputTokens) / t,
			CacheRead:     float64(b.CacheReadInputTokens) / t,
		}
	}
	r.Derived = d
}

// IsEmpty reports whether the report holds no usage at all in its period.
func (r *Report) IsEmpty() bool {
	return r.TotalTokens == 0 && r.TotalCostUSD == 0 && r.TotalExecutionTimeMS == 0
}

// SourceKind names a kind of data source.
type SourceKind string

// The kinds of data source usagedash reads.
const (
	SourceMongoDB  SourceKind = "mongodb"
	SourcePlatform SourceKind = "platform"
)

// SourceInfo describes a data source for people. It never holds secrets:
// no passwords, tokens or full connection strings.
type SourceInfo struct {
	Kind SourceKind `json:"kind" ts_type:"string"`
	// Label is a short human description, such as "MongoDB 127.0.0.1:27017 / claude_workflows".
	Label string `json:"label"`
	// Account is whose usage is shown (a username, or "" before it is known).
	Account string `json:"account"`
	// Vocabulary names the words for the breakdowns' groups (see
	// vocabulary.go); "" is VocabularyWorkflows.
	Vocabulary string `json:"vocabulary,omitempty"`
	// CostComputed says the source records no cost, so the headline cost is
	// computed from tokens at API prices (Claude Code's transcripts).
	CostComputed bool `json:"cost_computed,omitempty"`
}
