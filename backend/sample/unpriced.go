package sample

import "time"

// UnpricedModel is the model of one demo instance that no price table will
// ever know (not a real model id), so the demo shows a computed cost as
// "≥ $X, N tokens unpriced" until the user maps the model to a known one or
// prices it.
const UnpricedModel = "claude-unreleased-test-0"

// unpricedInstance adds a recent api-key instance of UnpricedModel to the
// demo user's first workflow, with a handful of logs that report their cost.
// It runs after everything else is generated, so the rest of the dataset is
// the same with or without it.
func (g *generator) unpricedInstance(ds *Dataset) {
	var wf *Workflow
	for i := range ds.Workflows {
		if u := ds.Workflows[i].UserID; u != nil && *u == ds.Users[0].ID {
			wf = &ds.Workflows[i]
			break
		}
	}
	if wf == nil {
		return
	}
	model, mode := UnpricedModel, "api-key"
	uid := ds.Users[0].ID
	created := g.opts.Now.Add(-72 * time.Hour).Truncate(time.Millisecond).UTC()
	inst := Instance{ID: g.id(), UserID: &uid, WorkflowID: wf.ID, Status: "completed", Model: &model, Mode: &mode, CreatedAt: created}
	ds.Instances = append(ds.Instances, inst)
	for i := range 6 {
		in, out := int64(2_000+g.rng.IntN(8_000)), int64(500+g.rng.IntN(4_000))
		cw, cr := int64(g.rng.IntN(20_000)), int64(g.rng.IntN(150_000))
		exec := int64(1_000 + g.rng.IntN(60_000))
		// Reported at Opus 4.8's rates, as if the gateway had billed it so.
		cost := (float64(in)*5 + float64(out)*25 + float64(cw)*6.25 + float64(cr)*0.5) / 1e6
		ts := created.Add(time.Duration(i+1) * 9 * time.Hour)
		if ts.After(g.opts.Now) {
			ts = g.opts.Now
		}
		ds.Logs = append(ds.Logs, Log{ID: g.id(), InstanceID: inst.ID, WorkflowID: wf.ID, Timestamp: ts.Truncate(time.Millisecond).UTC(),
			Type: "completion", Mode: &mode, ExecutionTimeMS: &exec, CostUSD: &cost,
			TokenUsage: &TokenUsage{Input: &in, Output: &out, CacheCreation: &cw, CacheRead: &cr, Total: in + out + cw + cr}})
	}
}
