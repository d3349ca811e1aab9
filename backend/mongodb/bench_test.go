package mongodb

import (
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"usagedash/backend/sample"
	"usagedash/backend/usage"
)

// BenchmarkDecodeAndAggregate measures the part usagedash owns: decoding raw
// log documents as the cursor hands them over and summing them in one pass.
func BenchmarkDecodeAndAggregate(b *testing.B) {
	ds, err := sample.Generate(sample.Options{Seed: 1, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Days: 90, Users: 5, Logs: 10000})
	if err != nil {
		b.Fatal(err)
	}
	raws := make([][]byte, len(ds.Logs))
	var size int64
	for i, l := range ds.Logs {
		raw, err := bson.Marshal(l.Document())
		if err != nil {
			b.Fatal(err)
		}
		raws[i] = raw
		size += int64(len(raw))
	}
	b.SetBytes(size / int64(len(raws)))
	b.ReportAllocs()
	b.ResetTimer()
	var rec usage.LogRecord
	var totals usage.Totals
	for i := 0; i < b.N; i++ {
		if err := decodeLog(raws[i%len(raws)], &rec); err != nil {
			b.Fatal(err)
		}
		totals.Add(&rec)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "logs/s")
}
