package sample

import (
	"math"
	"time"
)

var noteTypes = []string{"tool_use", "status", "output", "error"}

// logs spreads about opts.Logs log lines over the instances (and over two
// instances that were deleted since), mixing current and legacy shapes.
func (g *generator) logs(ds *Dataset) {
	type target struct {
		id, workflowID string
		created        time.Time
		mode, model    *string
		weight         float64
	}
	var targets []target
	var total float64
	for _, inst := range ds.Instances {
		w := 0.2 + g.rng.ExpFloat64()
		targets = append(targets, target{inst.ID, inst.WorkflowID, inst.CreatedAt, inst.Mode, inst.Model, w})
		total += w
	}
	for n := 0; n < 2; n++ { // logs whose instance was deleted
		model := models[0]
		targets = append(targets, target{g.id(), ds.Workflows[0].ID, g.start.Add(time.Duration(n+1) * 24 * time.Hour), nil, &model, 0.5})
		total += 0.5
	}
	for _, t := range targets {
		n := int(math.Round(float64(g.opts.Logs) * t.weight / total))
		lifetime := time.Duration(1+g.rng.IntN(72)) * time.Hour
		legacyEra := t.created.Before(g.start.Add(g.opts.Now.Sub(g.start) / 3))
		for i := 0; i < n; i++ {
			ts := t.created.Add(time.Duration(g.rng.Int64N(int64(lifetime))))
			if ts.After(g.opts.Now) {
				ts = g.opts.Now.Add(-time.Duration(g.rng.Int64N(int64(time.Hour))))
			}
			l := Log{ID: g.id(), InstanceID: t.id, WorkflowID: t.workflowID, Timestamp: ts.Truncate(time.Millisecond).UTC(), Mode: t.mode}
			g.fillLog(&l, t.model, legacyEra)
			if g.opts.LogModes && g.rng.IntN(8) == 0 {
				other := "max-plan"
				if t.mode != nil && *t.mode == other {
					other = "api-key"
				}
				l.Mode = &other
			}
			ds.Logs = append(ds.Logs, l)
		}
	}
}

func (g *generator) fillLog(l *Log, model *string, legacyEra bool) {
	exec := int64(500 + g.rng.IntN(120000))
	roll := g.rng.IntN(100)
	switch {
	case roll < 12: // a note without any token data
		l.Type = noteTypes[g.rng.IntN(len(noteTypes))]
		l.Content = "step " + l.Type
		return
	case roll < 16: // explicit nulls
		l.Type, l.TokenUsageNull, l.CostNull = "completion", true, true
		return
	case legacyEra && roll < 55: // legacy: one tokens_used count
		l.Type = "completion"
		used := int64(1000 + g.rng.IntN(60000))
		l.TokensUsed = &used
		if g.rng.IntN(2) == 0 {
			cost := float64(used) * 6 / 1e6
			l.CostUSD = &cost
		}
		l.ExecutionTimeMS = &exec
		return
	}
	l.Type = "completion"
	in := int64(200 + g.rng.IntN(20000))
	out := int64(100 + g.rng.IntN(8000))
	cw := int64(g.rng.IntN(40000))
	cr := int64(g.rng.IntN(400000))
	tu := &TokenUsage{Input: &in, Output: &out, CacheCreation: &cw, CacheRead: &cr, Total: in + out + cw + cr}
	if g.rng.IntN(20) == 0 { // older writers left the cache fields out
		tu.CacheCreation, tu.CacheRead, tu.Total = nil, nil, in+out
		cw, cr = 0, 0
	}
	l.TokenUsage = tu
	l.ExecutionTimeMS = &exec
	if g.rng.IntN(25) == 0 {
		l.CostNull = true
		return
	}
	p := roughPrices[models[0]]
	if model != nil {
		p = roughPrices[*model]
	}
	cost := (float64(in)*p[0] + float64(out)*p[1] + float64(cw)*p[2] + float64(cr)*p[3]) / 1e6
	l.CostUSD = &cost
}
