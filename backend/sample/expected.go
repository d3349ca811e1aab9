package sample

import (
	"math"
	"time"
)

// Expect computes, straight from the dataset's structs and the platform's
// documented usage-stats rules (workflows and instances counted over all time, logs by their instance and period, costs summed and rounded to 4 decimals), the usage-stats numbers of the user whose
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
	for _, w := range ds.Workflows {
		if everyone || (w.UserID != nil && *w.UserID == uid) {
			e["total_workflows"]++
		}
	}
	for _, i := range ds.Instances {
		if everyone || (i.UserID != nil && *i.UserID == uid) {
			e["total_instances"]++
		}
	}
	var sums Sums
	ds.eachLog(account, start, end, func(l Log, _ Instance) { sums.add(l) })
	e["total_input_tokens"] = float64(sums.Input)
	e["total_output_tokens"] = float64(sums.Output)
	e["total_cache_creation_tokens"] = float64(sums.CacheCreation)
	e["total_cache_read_tokens"] = float64(sums.CacheRead)
	e["total_tokens"] = float64(sums.TotalTokens())
	e["total_cost_usd"] = math.Round(sums.CostUSD*1e4) / 1e4
	e["total_execution_time_ms"] = float64(sums.ExecutionTimeMS)
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
