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
}

// Derived holds figures computed from a report's totals. They follow the
// platform dashboard's definitions: per-instance averages divide by all of the
// user's instances (which the platform counts over all time).
type Derived struct {
	AvgCostPerInstanceUSD float64     `json:"avg_cost_per_instance_usd"`
	AvgTokensPerInstance  float64     `json:"avg_tokens_per_instance"`
	CostPer1KTokensUSD    float64     `json:"cost_per_1k_tokens_usd"`
	TokenShares           TokenShares `json:"token_shares"`
}

// Derive fills r.Derived from r's totals.
func (r *Report) Derive() {
	d := Derived{}
	if r.TotalInstances > 0 {
		d.AvgCostPerInstanceUSD = r.TotalCostUSD / float64(r.TotalInstances)
		d.AvgTokensPerInstance = float64(r.TotalTokens) / float64(r.TotalInstances)
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
}
