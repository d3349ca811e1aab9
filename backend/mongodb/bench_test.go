package mongodb

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"

	"usagedash/backend"
	"usagedash/backend/pricing"
	"usagedash/backend/sample"
	"usagedash/backend/usage"
)

// benchStream is a generated dataset's logs as the find hands them over:
// raw BSON documents with only the projected fields.
type benchStream struct {
	raws      []bsoncore.Document
	bytes     int64
	instances []usage.Instance
}

var (
	streamsMu sync.Mutex
	streams   = map[int]*benchStream{}
)

// stream generates (once per size) about n logs as raw documents.
func stream(b *testing.B, n int) *benchStream {
	streamsMu.Lock()
	defer streamsMu.Unlock()
	if s := streams[n]; s != nil {
		return s
	}
	ds, err := sample.Generate(sample.Options{Seed: 1, Now: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), Days: 90, Users: 4, Logs: n, LogModes: true})
	if err != nil {
		b.Fatal(err)
	}
	keep := map[string]bool{}
	for _, e := range logProjection[1:] {
		keep[e.Key] = true
	}
	s := &benchStream{raws: make([]bsoncore.Document, len(ds.Logs))}
	for i, l := range ds.Logs {
		var projected bson.D
		for _, e := range l.Document() {
			if keep[e.Key] {
				projected = append(projected, e)
			}
		}
		raw, err := bson.Marshal(projected)
		if err != nil {
			b.Fatal(err)
		}
		s.raws[i] = raw
		s.bytes += int64(len(raw))
	}
	for _, in := range ds.Instances {
		str := func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		}
		s.instances = append(s.instances, usage.Instance{ID: in.ID, UserID: str(in.UserID), WorkflowID: in.WorkflowID,
			Model: str(in.Model), Mode: str(in.Mode)})
	}
	streams[n] = s
	return s
}

// BenchmarkAggregate measures the part usagedash owns: decoding each raw log
// document as the cursor hands it over and aggregating the totals, the series
// (days in New York time) and every breakdown (model, workflow, instance,
// mode and user) in one pass. One op is a whole report's stream of n logs,
// into a new aggregator; logs/s is per core (one goroutine).
func BenchmarkAggregate(b *testing.B) { benchmarkAggregate(b, nil) }

// BenchmarkAggregatePriced is BenchmarkAggregate with every log also priced
// from its tokens at the shipped price table (Report.Pricing, the rows'
// computed cost), as the app's reports are.
func BenchmarkAggregatePriced(b *testing.B) { benchmarkAggregate(b, pricing.Default()) }

func benchmarkAggregate(b *testing.B, pricer backend.Pricer) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		b.Skip(err)
	}
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("logs=%d", n), func(b *testing.B) {
			s := stream(b, n)
			b.SetBytes(s.bytes)
			b.ReportAllocs()
			b.ResetTimer()
			var rec usage.LogRecord
			for i := 0; i < b.N; i++ {
				agg := usage.NewAggregator(usage.Inputs{Location: ny, Instances: s.instances, ByUser: true, Pricer: pricer})
				for _, raw := range s.raws {
					if err := decodeLog(raw, &rec); err != nil {
						b.Fatal(err)
					}
					agg.Add(&rec)
				}
			}
			b.ReportMetric(float64(len(s.raws))*float64(b.N)/b.Elapsed().Seconds(), "logs/s")
		})
	}
}
