package usage

import (
	"math"
	"time"

	"usagedash/backend"
)

// Lengths of an hour and of a day without a time-zone change, in ms.
const (
	msPerHour = 60 * 60 * 1000
	msPerDay  = 24 * msPerHour
)

// seriesGroup is the usage over time: a row of totals per day or hour
// bucket of the period's zone. A log's bucket is found from its UTC instant
// and the zone's offset at that instant: a day is the local day number
// floor((ms+offset)/day); an hour is the UTC instant of its local start,
// floor((ms+offset)/hour)*hour - offset, so the two 01:00 hours of a
// fall-back day stay apart. The offset is cached for the span it holds
// (between two daylight-saving changes), so finding a bucket costs an
// integer division and at most one map lookup.
type seriesGroup struct {
	period   backend.Period
	size     string
	hour     bool
	loc      *time.Location
	lo, hi   int64 // milliseconds since the epoch in which offset holds
	offset   int64 // milliseconds east of UTC
	zoneSeen bool
	buckets  map[int64]*Totals
	lastID   int64
	lastRow  *Totals
	noDate   *Totals
	// first and last are the earliest and latest timestamps seen (ms).
	first, last int64
}

func newSeriesGroup(p backend.Period, loc *time.Location) seriesGroup {
	if loc == nil {
		loc = p.Location()
	}
	size := p.BucketSize()
	return seriesGroup{period: p, size: size, hour: size == backend.BucketHour, loc: loc,
		buckets: map[int64]*Totals{}, first: math.MaxInt64, last: math.MinInt64}
}

// row returns the row of t's bucket; a zero t (a log without a timestamp)
// goes to the "No date" row.
func (s *seriesGroup) row(t time.Time) *Totals {
	if t.IsZero() {
		if s.noDate == nil {
			s.noDate = new(Totals)
		}
		return s.noDate
	}
	ms := t.UnixMilli()
	if !s.zoneSeen || ms < s.lo || ms >= s.hi {
		s.zone(t)
	}
	s.first, s.last = min(s.first, ms), max(s.last, ms)
	id := s.id(ms, s.offset)
	if s.lastRow != nil && id == s.lastID {
		return s.lastRow
	}
	r := s.buckets[id]
	if r == nil {
		r = new(Totals)
		s.buckets[id] = r
	}
	s.lastID, s.lastRow = id, r
	return r
}

// id is the bucket number of the instant ms where the zone is offset ms
// east of UTC.
func (s *seriesGroup) id(ms, offset int64) int64 {
	if s.hour {
		return floorDiv(ms+offset, msPerHour)*msPerHour - offset
	}
	return floorDiv(ms+offset, msPerDay)
}

// zone caches the offset in force at t and the span it holds for.
func (s *seriesGroup) zone(t time.Time) {
	local := t.In(s.loc)
	_, off := local.Zone()
	start, end := local.ZoneBounds()
	s.offset = int64(off) * 1000
	s.lo, s.hi = math.MinInt64, math.MaxInt64
	if !start.IsZero() {
		s.lo = start.UnixMilli()
	}
	if !end.IsZero() {
		s.hi = end.UnixMilli()
	}
	s.zoneSeen = true
}

// apply sets r.Series: a "No date" row first when logs had no timestamp,
// then every bucket of the period (widened to any usage outside it; for an
// open period, from the first to the last bucket with usage), zero rows
// included, so the rows always sum to the headline totals. When the buckets
// cannot be listed, r.Series is nil and r.SeriesNote says why.
func (s *seriesGroup) apply(r *backend.Report) {
	r.Series, r.SeriesNote = nil, ""
	first, last := s.first, s.last
	if p := s.period.Start; p != nil {
		first = min(first, p.UnixMilli())
	}
	if p := s.period.End; p != nil {
		last = max(last, p.UnixMilli())
	}
	var buckets []backend.Bucket
	if first <= last {
		var err error
		if buckets, err = backend.BucketsBetween(s.size, s.bound(s.period.Start, first), s.bound(s.period.End, last), s.loc); err != nil {
			r.SeriesNote = "Usage over time is not shown: " + backend.ErrorMessage(err)
			return
		}
	}
	rows := make([]backend.UsageRow, 0, len(buckets)+1)
	if s.noDate != nil {
		rows = append(rows, row("", NoDate, s.noDate))
	}
	matched := 0
	for _, b := range buckets {
		_, off := b.Start.In(s.loc).Zone()
		t := s.buckets[s.id(b.Start.UnixMilli(), int64(off)*1000)]
		if t == nil {
			t = &Totals{}
		} else {
			matched++
		}
		rows = append(rows, row(b.Key, b.Label, t))
	}
	if matched != len(s.buckets) {
		r.SeriesNote = "Usage over time is not shown: some usage fell outside every bucket (an internal error)."
		return
	}
	r.Series = &backend.Series{Bucket: s.size, Rows: rows}
}

// bound is the period's bound when it is set and holds ms, else the instant ms.
func (s *seriesGroup) bound(p *time.Time, ms int64) time.Time {
	if p != nil && p.UnixMilli() == ms {
		return *p
	}
	return time.UnixMilli(ms)
}
