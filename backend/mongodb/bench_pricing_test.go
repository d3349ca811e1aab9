package mongodb

import (
	"fmt"
	"testing"
	"time"

	"usagedash/backend/pricing"
	"usagedash/backend/usage"
)

// BenchmarkAggregatePriced is BenchmarkAggregate with every log also priced
// from its tokens at the shipped price table (Report.Pricing, the rows'
// computed cost), as the app's reports are.
func BenchmarkAggregatePriced(b *testing.B) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		b.Skip(err)
	}
	table := pricing.Default()
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("logs=%d", n), func(b *testing.B) {
			s := stream(b, n)
			b.SetBytes(s.bytes)
			b.ReportAllocs()
			b.ResetTimer()
			var rec usage.LogRecord
			for i := 0; i < b.N; i++ {
				agg := usage.NewAggregator(usage.Inputs{Location: ny, Instances: s.instances, ByUser: true, Pricer: table})
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
