package sample

import "time"

// Sums is usage summed straight from the dataset's structs.
type Sums struct {
	Logs                                                int64
	Input, Output, CacheCreation, CacheRead, TokensUsed int64
	CostUSD                                             float64
	ExecutionTimeMS                                     int64
}

// TotalTokens is the platform's total: the four typed counts when they add up
// to more than zero, else the legacy tokens_used sum.
func (s *Sums) TotalTokens() int64 {
	if typed := s.Input + s.Output + s.CacheCreation + s.CacheRead; typed > 0 {
		return typed
	}
	return s.TokensUsed
}

func (s *Sums) add(l Log) {
	deref := func(v *int64) int64 {
		if v == nil {
			return 0
		}
		return *v
	}
	s.Logs++
	if tu := l.TokenUsage; tu != nil {
		s.Input += deref(tu.Input)
		s.Output += deref(tu.Output)
		s.CacheCreation += deref(tu.CacheCreation)
		s.CacheRead += deref(tu.CacheRead)
	}
	s.TokensUsed += deref(l.TokensUsed)
	if l.CostUSD != nil {
		s.CostUSD += *l.CostUSD
	}
	s.ExecutionTimeMS += deref(l.ExecutionTimeMS)
}

// ExpectBreakdowns splits the logs Expect counts for account (a username,
// an email or Everyone) in [start, end] four or five ways, keyed like
// backend.UsageRow keys: "by_model" (the instance's model), "by_workflow"
// (the log's workflow_id, else the instance's), "by_instance", "by_mode"
// (the log's claude_mode, else the instance's) and, for Everyone, "by_user"
// (the instance's user_id). Unknown values, deleted instances included, key
// "". Costs are not rounded. Usage over time is ExpectSeries.
func (ds *Dataset) ExpectBreakdowns(account string, start, end *time.Time) map[string]map[string]*Sums {
	everyone := account == Everyone
	out := map[string]map[string]*Sums{"by_model": {}, "by_workflow": {}, "by_instance": {}, "by_mode": {}}
	if everyone {
		out["by_user"] = map[string]*Sums{}
	}
	ds.eachLog(account, start, end, func(l Log, inst Instance) {
		keys := map[string]string{
			"by_model":    str(inst.Model),
			"by_workflow": l.WorkflowID,
			"by_instance": l.InstanceID,
			"by_mode":     str(l.Mode),
			"by_user":     str(inst.UserID),
		}
		if keys["by_workflow"] == "" {
			keys["by_workflow"] = inst.WorkflowID
		}
		if keys["by_mode"] == "" {
			keys["by_mode"] = str(inst.Mode)
		}
		for dim, rows := range out {
			addTo(rows, keys[dim], l)
		}
	})
	return out
}

// eachLog calls fn with every log Expect counts for account in [start, end]
// and its instance (the zero Instance for a deleted one).
func (ds *Dataset) eachLog(account string, start, end *time.Time, fn func(Log, Instance)) {
	everyone := account == Everyone
	uid := ds.userID(account)
	instances := map[string]Instance{}
	for _, i := range ds.Instances {
		instances[i.ID] = i
	}
	for _, l := range ds.Logs {
		inst, known := instances[l.InstanceID]
		if !everyone && (!known || str(inst.UserID) != uid || inst.UserID == nil) {
			continue
		}
		if (start != nil && l.Timestamp.Before(*start)) || (end != nil && l.Timestamp.After(*end)) {
			continue
		}
		fn(l, inst)
	}
}

// addTo adds l to rows[key], creating the row.
func addTo(rows map[string]*Sums, key string, l Log) {
	r := rows[key]
	if r == nil {
		r = new(Sums)
		rows[key] = r
	}
	r.add(l)
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
