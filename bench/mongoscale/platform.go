package main

import (
	"context"
	"fmt"
	"math"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"usagedash/backend"
	"usagedash/backend/usage"
)

// summed are the log fields the platform's usage-stats sums.
var summed = []string{"token_usage.input_tokens", "token_usage.output_tokens",
	"token_usage.cache_creation_input_tokens", "token_usage.cache_read_input_tokens",
	"tokens_used", "total_cost_usd", "execution_time_ms"}

// platformStats is the platform's own approach to usage-stats: two count
// queries, the user's instance ids, then $match + $group of the sums. A
// $group with several accumulators returns 0 for all but the first on
// FerretDB, so onePerField runs one $group per summed field (7 scans), which
// is correct on both servers; otherwise it runs the platform's single
// 7-accumulator $group.
func platformStats(ctx context.Context, db *mongo.Database, userID string, p backend.Period, onePerField bool) (map[string]float64, error) {
	owner := bson.D{{Key: "user_id", Value: userID}}
	out := map[string]float64{}
	for _, coll := range []string{"workflows", "instances"} {
		n, err := db.Collection(coll).CountDocuments(ctx, owner)
		if err != nil {
			return nil, err
		}
		out["total_"+coll] = float64(n)
	}
	match, err := userFilter(ctx, db, userID, p)
	if err != nil {
		return nil, err
	}
	groups := [][]string{summed}
	if onePerField {
		groups = nil
		for _, f := range summed {
			groups = append(groups, []string{f})
		}
	}
	for _, fields := range groups {
		group := bson.D{{Key: "_id", Value: nil}}
		for i, f := range fields {
			group = append(group, bson.E{Key: fmt.Sprint("f", i), Value: bson.D{{Key: "$sum", Value: "$" + f}}})
		}
		cur, err := db.Collection("logs").Aggregate(ctx, mongo.Pipeline{{{Key: "$match", Value: match}}, {{Key: "$group", Value: group}}})
		if err != nil {
			return nil, err
		}
		for cur.Next(ctx) {
			for i, f := range fields {
				out[f] = number(cur.Current.Lookup(fmt.Sprint("f", i)))
			}
		}
		if err := cur.Err(); err != nil {
			return nil, err
		}
		cur.Close(ctx)
	}
	return out, nil
}

func number(v bson.RawValue) float64 {
	if f, ok := v.DoubleOK(); ok {
		return f
	}
	if n, ok := v.Int64OK(); ok {
		return float64(n)
	}
	if n, ok := v.Int32OK(); ok {
		return float64(n)
	}
	return 0
}

// samePlatformNumbers checks the platform approach's sums against a report.
func samePlatformNumbers(stats map[string]float64, r *backend.Report) error {
	typed := stats[summed[0]] + stats[summed[1]] + stats[summed[2]] + stats[summed[3]]
	total := typed
	if typed == 0 {
		total = stats["tokens_used"]
	}
	checks := map[string][2]float64{
		"workflows":     {stats["total_workflows"], float64(r.TotalWorkflows)},
		"instances":     {stats["total_instances"], float64(r.TotalInstances)},
		"input tokens":  {stats[summed[0]], float64(r.TotalInputTokens)},
		"output tokens": {stats[summed[1]], float64(r.TotalOutputTokens)},
		"cache writes":  {stats[summed[2]], float64(r.TotalCacheCreationTokens)},
		"cache reads":   {stats[summed[3]], float64(r.TotalCacheReadTokens)},
		"total tokens":  {total, float64(r.TotalTokens)},
		"cost":          {usage.RoundCost(stats["total_cost_usd"]), r.TotalCostUSD},
		"exec time":     {stats["execution_time_ms"], float64(r.TotalExecutionTimeMS)},
	}
	for name, c := range checks {
		if math.Abs(c[0]-c[1]) > 1e-6 {
			return fmt.Errorf("%s: platform approach %v, usagedash %v", name, c[0], c[1])
		}
	}
	return nil
}
