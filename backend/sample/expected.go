package sample

import (
	"math"
	"time"
)

// Expect computes, straight from the dataset's structs and the platform's
// rules as DESIGN.md states them, the usage-stats numbers of the user whose
// username or email is account, for logs in [start, end] (nil = open). Tests
// compare every source against it: it shares no code with them.
// The keys are the platform's JSON field names.
//
// With account "*" (backend.Everyone) it computes the everyone report: every
// workflow and instance, and every log in the period, deleted instances' too.
func (ds *Dataset) Expect(account string, start, end *time.Time) map[string]float64 {
	everyone := account == Everyone
	uid := ds.userID(account)
	e := map[string]float64{}
	mine := map[string]bool{}
	for _, w := range ds.Workflows {
		if everyone || (w.UserID != nil && *w.UserID == uid) {
			e["total_workflows"]++
		}
	}
	for _, i := range ds.Instances {
		if everyone || (i.UserID != nil && *i.UserID == uid) {
			e["total_instances"]++
			mine[i.ID] = true
		}
	}
	deref := func(v *int64) float64 {
		if v == nil {
			return 0
		}
		return float64(*v)
	}
	var legacy, cost float64
	for _, l := range ds.Logs {
		if !(everyone || mine[l.InstanceID]) || (start != nil && l.Timestamp.Before(*start)) || (end != nil && l.Timestamp.After(*end)) {
			continue
		}
		if tu := l.TokenUsage; tu != nil {
			e["total_input_tokens"] += deref(tu.Input)
			e["total_output_tokens"] += deref(tu.Output)
			e["total_cache_creation_tokens"] += deref(tu.CacheCreation)
			e["total_cache_read_tokens"] += deref(tu.CacheRead)
		}
		legacy += deref(l.TokensUsed)
		if l.CostUSD != nil {
			cost += *l.CostUSD
		}
		e["total_execution_time_ms"] += deref(l.ExecutionTimeMS)
	}
	e["total_tokens"] = e["total_input_tokens"] + e["total_output_tokens"] + e["total_cache_creation_tokens"] + e["total_cache_read_tokens"]
	if e["total_tokens"] == 0 {
		e["total_tokens"] = legacy
	}
	e["total_cost_usd"] = math.Round(cost*1e4) / 1e4
	return e
}

// Everyone is the account that asks Expect for the whole team (the same
// value as backend.Everyone, repeated to keep this computation independent).
const Everyone = "*"

// userID is the id of the user whose username or email is account, or "".
func (ds *Dataset) userID(account string) string {
	var uid string
	for _, u := range ds.Users {
		if u.Username == account || u.Email == account {
			uid = u.ID
		}
	}
	return uid
}
