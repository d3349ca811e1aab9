package backend

// CountScope names what a count or an average covers.
type CountScope string

// The scopes of a report's counts and averages.
const (
	// ScopeAllTime counts over all time, whatever the report's period.
	ScopeAllTime CountScope = "all_time"
	// ScopePeriod counts what was active (had logs) in the report's period.
	ScopePeriod CountScope = "period"
)

// Coverage says what a report's counts and averages cover, so no figure is
// read as covering more or less than it does.
type Coverage struct {
	// CountsScope is what TotalWorkflows and TotalInstances count: both
	// sources follow the platform and count them over all time
	// (ScopeAllTime), whatever the period.
	CountsScope CountScope `json:"counts_scope" ts_type:"string"`
	// ActiveWorkflows and ActiveInstances count the workflows and instances
	// with at least one log in the period. They are nil when the source
	// cannot tell (the platform API has all-time counts only).
	ActiveWorkflows *int64 `json:"active_workflows"`
	ActiveInstances *int64 `json:"active_instances"`
	// AveragesOver is what Derived's per-instance averages divide by:
	// ScopePeriod (ActiveInstances) when it is known, else ScopeAllTime
	// (TotalInstances, the platform dashboard's rule).
	AveragesOver CountScope `json:"averages_over" ts_type:"string"`
}

// CountActive sets r's ActiveWorkflows and ActiveInstances from its
// breakdowns (rows of known workflows and instances that counted logs in
// the period), then derives the averages again over the active instances.
// A report without breakdowns keeps them unknown.
func (r *Report) CountActive() {
	if r.Breakdowns == nil {
		return
	}
	known := func(rows []UsageRow) *int64 {
		var n int64
		for _, row := range rows {
			if row.Key != "" && row.Logs > 0 {
				n++
			}
		}
		return &n
	}
	r.Coverage.ActiveWorkflows = known(r.Breakdowns.ByWorkflow)
	r.Coverage.ActiveInstances = known(r.Breakdowns.ByInstance)
	r.Derive()
}

// averageOver returns the instance count Derive divides by (the active
// instances when known, else all of them) and records which in r.Coverage.
func (r *Report) averageOver() int64 {
	r.Coverage.CountsScope = ScopeAllTime
	if n := r.Coverage.ActiveInstances; n != nil {
		r.Coverage.AveragesOver = ScopePeriod
		return *n
	}
	r.Coverage.AveragesOver = ScopeAllTime
	return r.TotalInstances
}
