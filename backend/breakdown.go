package backend

// Everyone is the Query.Account value that asks for the whole team's usage
// (MongoDB sources only).
const Everyone = "*"

// UsageRow is one line of a breakdown: the usage of one day, model,
// workflow, instance, mode or user.
type UsageRow struct {
	// Key identifies the row: a day (YYYY-MM-DD in the report's time zone),
	// a model id, a workflow id, an instance id, a mode or a user id. Rows for
	// usage that belongs to nothing known have the key "" (see Label).
	Key string `json:"key"`
	// Label is what people see: the day, the model, the workflow's name, the
	// username, "api-key"/"max-plan", or "Unassigned"/"Unknown".
	Label string `json:"label"`
	// Logs is how many log documents the row sums.
	Logs int64 `json:"logs"`
	// Tokens sums token_usage; its TotalTokens follows the platform's rule
	// (typed sum when > 0, else the legacy tokens_used sum) within the row.
	Tokens          TokenBreakdown `json:"tokens"`
	CostUSD         float64        `json:"cost_usd"`
	ExecutionTimeMS int64          `json:"execution_time_ms"`
	// ComputedUSD is the row's cost computed from tokens at API prices (a
	// lower bound when UnpricedTokens > 0); 0 without a price table. For
	// plan-covered (max-plan) usage it is what it would have cost.
	ComputedUSD    float64 `json:"computed_usd"`
	UnpricedTokens int64   `json:"unpriced_tokens"`
}

// Breakdowns split a report's period usage several ways, computed in the same
// pass as the totals. Only sources that read raw logs (MongoDB) have them.
type Breakdowns struct {
	// ByDay is kept for reports stored before Report.Series existed; new
	// reports leave it empty and carry Series instead.
	ByDay      []UsageRow `json:"by_day"`
	ByModel    []UsageRow `json:"by_model"`
	ByWorkflow []UsageRow `json:"by_workflow"`
	ByInstance []UsageRow `json:"by_instance"`
	ByMode     []UsageRow `json:"by_mode"`
	// ByUser is set for the "everyone" report: one row per user, plus an
	// "Unassigned" row (key "") for instances and logs that belong to no user.
	ByUser []UsageRow `json:"by_user"`
}
