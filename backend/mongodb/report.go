package mongodb

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"usagedash/backend"
	"usagedash/backend/usage"
)

// Report computes q's report with the platform's semantics: workflows and
// instances counted over all time, logs of the user's instances in q's
// period, plus usage over time (Report.Series, in the period's buckets) and
// breakdowns by model, workflow, instance and mode, all from one scan.
//
// When q.Account is backend.Everyone it computes the everyone report
// instead: every workflow and instance (with or without a user), and every
// log in the period, including logs of deleted instances, split by user too.
// Its UserID is "" and its Username is backend.EveryoneUsername.
func (s *Source) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	return s.withRetry(ctx, func(ctx context.Context) (*backend.Report, error) {
		if q.Account == backend.Everyone {
			return s.compute(ctx, reportPlan{everyone: true, username: backend.EveryoneUsername, period: q.Period, pricer: q.Pricer})
		}
		u, err := s.findUser(ctx, q.Account)
		if err != nil {
			return nil, err
		}
		return s.compute(ctx, reportPlan{userID: u.ID, username: u.Username, period: q.Period, pricer: q.Pricer})
	})
}

// ReportForUser computes the report of the user with the given platform id
// (and username, copied into the report) over period. The reference server
// uses it for usage-stats, so both sources share one computation.
func (s *Source) ReportForUser(ctx context.Context, userID, username string, period backend.Period) (*backend.Report, error) {
	return s.withRetry(ctx, func(ctx context.Context) (*backend.Report, error) {
		return s.compute(ctx, reportPlan{userID: userID, username: username, period: period})
	})
}

// reportPlan says which report to compute.
type reportPlan struct {
	everyone         bool
	userID, username string
	period           backend.Period
	pricer           backend.Pricer // nil: no Report.Pricing
}

// compute runs one attempt at a report from scratch: nothing of an earlier
// attempt is reused, so a retried report never merges partial results.
func (s *Source) compute(ctx context.Context, p reportPlan) (*backend.Report, error) {
	owner := bson.D{{Key: "user_id", Value: p.userID}}
	var labels usage.Labels
	var workflows int64
	var err error
	if p.everyone {
		owner = bson.D{}
		if labels.Users, err = s.usernames(ctx); err != nil {
			return nil, err
		}
		if labels.Workflows, workflows, err = s.workflowNames(ctx, owner); err != nil {
			return nil, err
		}
	} else if workflows, err = s.db.Collection("workflows").CountDocuments(ctx, owner); err != nil {
		return nil, s.queryFailed(err)
	}
	instances, err := s.instances(ctx, owner)
	if err != nil {
		return nil, err
	}
	agg := usage.NewAggregator(usage.Inputs{Period: p.period, Instances: instances, ByUser: p.everyone, Pricer: p.pricer})
	if p.everyone || len(instances) > 0 { // $in: [] would match nothing
		if err := s.scanLogs(ctx, logFilter(p, instances), agg.Add); err != nil {
			return nil, err
		}
	}
	if !p.everyone {
		if ids := agg.WorkflowIDs(); len(ids) > 0 {
			in := bson.D{{Key: "id", Value: bson.D{{Key: "$in", Value: ids}}}}
			if labels.Workflows, _, err = s.workflowNames(ctx, in); err != nil {
				return nil, err
			}
		}
	}
	r := &backend.Report{
		UserID:         p.userID,
		Username:       p.username,
		TotalWorkflows: workflows,
		TotalInstances: int64(len(instances)),
		PeriodStart:    backend.UTCTime(p.period.Start),
		PeriodEnd:      backend.UTCTime(p.period.End),
		Source:         backend.SourceInfo{Kind: backend.SourceMongoDB, Label: s.label, Account: p.username},
		GeneratedAt:    time.Now().UTC(),
		Period:         p.period,
	}
	if err := agg.Apply(r, labels); err != nil {
		return nil, err
	}
	r.SettleOnePass() // every part at once; averages over the period's active instances
	return r, nil
}

// logFilter selects the plan's logs: those of the user's instances (or all
// logs for everyone) with a timestamp in the period.
func logFilter(p reportPlan, instances []usage.Instance) bson.D {
	if p.everyone {
		return LogFilter(nil, p.period)
	}
	ids := make([]string, 0, len(instances))
	for _, in := range instances {
		if in.ID != "" {
			ids = append(ids, in.ID)
		}
	}
	return LogFilter(ids, p.period)
}

// LogFilter is the filter of the source's find on logs: the logs of the
// given instances (with $in; every log when instanceIDs is nil) whose
// timestamp is in period. With LogFindOptions it is the very query a report
// streams, which benchmarks drain bare to measure the report's overhead.
func LogFilter(instanceIDs []string, period backend.Period) bson.D {
	filter := bson.D{}
	if instanceIDs != nil {
		filter = append(filter, bson.E{Key: "instance_id", Value: bson.D{{Key: "$in", Value: instanceIDs}}})
	}
	if r := timeRange(period); r != nil {
		filter = append(filter, bson.E{Key: "timestamp", Value: r})
	}
	return filter
}

// timeRange is the timestamp filter for period, or nil for all time.
func timeRange(p backend.Period) bson.D {
	var r bson.D
	if p.Start != nil {
		r = append(r, bson.E{Key: "$gte", Value: p.Start.UTC()})
	}
	if p.End != nil {
		r = append(r, bson.E{Key: "$lte", Value: p.End.UTC()})
	}
	return r
}
