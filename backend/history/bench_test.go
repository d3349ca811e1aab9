package history

import (
	"testing"
	"time"

	"usagedash/backend"
)

// fill stores n reports for profile p1 (with MongoDB breakdowns when asked).
func fill(tb testing.TB, dir string, n int, breakdowns bool) *Store {
	tb.Helper()
	clock := &fakeClock{t: time.Now().Add(-time.Duration(n) * time.Minute), step: time.Minute}
	s := openStore(tb, dir, Options{MaxPerProfile: -1, Now: clock.Now})
	for i := 0; i < n; i++ {
		preset := []backend.PresetID{backend.PresetToday, backend.PresetLast7Days, backend.PresetLast30Days}[i%3]
		mustSave(tb, s, "p1", testReport(i, preset, breakdowns))
	}
	return s
}

func BenchmarkSave(b *testing.B) {
	for _, c := range []struct {
		name       string
		breakdowns bool
	}{{"totals", false}, {"breakdowns", true}} {
		b.Run(c.name, func(b *testing.B) {
			s := openStore(b, b.TempDir(), Options{}) // default bounds: prune runs on every Save
			r := testReport(1, backend.PresetToday, c.breakdowns)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Save("p1", "Work", r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkList1000(b *testing.B) {
	dir := b.TempDir()
	fill(b, dir, 1000, true)
	size, _ := dirSize(b, dir)
	// Cold: a new Store decodes every file (the first List after start).
	b.Run("cold", func(b *testing.B) {
		b.ReportMetric(float64(size), "store-bytes")
		b.ReportAllocs()
		for b.Loop() {
			s := openStore(b, dir, Options{MaxPerProfile: -1})
			if entries, _, err := s.List(""); err != nil || len(entries) != 1000 {
				b.Fatal(err, len(entries))
			}
		}
	})
	// Warm: the Store remembers decoded entries; it only lists the folder.
	b.Run("warm", func(b *testing.B) {
		s := openStore(b, dir, Options{MaxPerProfile: -1})
		s.List("")
		b.ReportAllocs()
		for b.Loop() {
			if entries, _, err := s.List(""); err != nil || len(entries) != 1000 {
				b.Fatal(err, len(entries))
			}
		}
	})
	b.Run("latest-cold", func(b *testing.B) {
		for b.Loop() {
			s := openStore(b, dir, Options{MaxPerProfile: -1})
			if _, _, err := s.Latest("p1", "last_30_days@Europe/Berlin"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
