package backend

import (
	"fmt"
	"time"
)

// Bucket is one row's slot of a Series: a local calendar day or a local
// clock hour, clipped to the period it belongs to.
type Bucket struct {
	// Key identifies the bucket: YYYY-MM-DD for a day; for an hour, the
	// hour's start in RFC 3339 with the zone's offset (2026-11-01T01:00:00-04:00),
	// so the repeated hour of a daylight-saving change has two keys.
	Key string
	// Label is what people see: the date for a day; HH:00 for an hour, with
	// the zone's abbreviation (01:00 EDT) when the buckets span an offset change.
	Label string
	// Start and End are the first and last millisecond of the bucket that
	// lie in the period (both inclusive, as periods are).
	Start, End time.Time
}

// MaxBuckets bounds how many buckets BucketsBetween lists, so a mistaken
// range cannot build a series of millions of rows.
const MaxBuckets = 20000

// msPerHour is an hour in milliseconds.
const msPerHour = int64(time.Hour / time.Millisecond)

// Location returns the period's time zone (TimeZone loaded with
// time.LoadLocation), or UTC when it is empty or unknown.
func (p Period) Location() *time.Location {
	if loc, err := time.LoadLocation(p.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// BucketSize is the period's bucket size, BucketDay unless it is BucketHour.
func (p Period) BucketSize() string {
	if p.Bucket == BucketHour {
		return BucketHour
	}
	return BucketDay
}

// Buckets lists the buckets of a bounded period in its time zone, in time
// order. An open period (all time) has no fixed buckets: EINVALID.
func (p Period) Buckets() ([]Bucket, error) {
	if p.Start == nil || p.End == nil {
		return nil, Errorf(EINVALID, "An open period has no fixed buckets.")
	}
	return BucketsBetween(p.BucketSize(), *p.Start, *p.End, p.Location())
}

// BucketsBetween lists the day or hour buckets (size BucketDay or
// BucketHour) in loc from the one holding first to the one holding last,
// clipped to [first, last]. Days run from local midnight to the last
// millisecond before the next local midnight (23 or 25 hours on
// daylight-saving days); hours are local clock hours, so a day whose clocks
// go forward has 23 and one whose clocks go back has 25. Both sources of a
// Series build their rows with it.
func BucketsBetween(size string, first, last time.Time, loc *time.Location) ([]Bucket, error) {
	if loc == nil {
		loc = time.UTC
	}
	if last.Before(first) {
		return nil, Errorf(EINVALID, "The period ends (%s) before it starts (%s).",
			last.Format(time.RFC3339), first.Format(time.RFC3339))
	}
	var out []Bucket
	var next func(start time.Time) time.Time
	switch size {
	case BucketDay:
		next = func(start time.Time) time.Time {
			return time.Date(start.Year(), start.Month(), start.Day()+1, 0, 0, 0, 0, loc)
		}
	case BucketHour:
		next = func(start time.Time) time.Time {
			n := HourStart(start.Add(time.Hour), loc)
			if !n.After(start) { // an offset change of under an hour
				n = start.Add(time.Hour)
			}
			return n
		}
	default:
		return nil, Errorf(EINVALID, "Unknown bucket size %q.", size)
	}
	start := dayStart(first, loc)
	if size == BucketHour {
		start = HourStart(first, loc)
	}
	for !start.After(last) {
		if len(out) == MaxBuckets {
			return nil, Errorf(EINVALID, "The period has more than %d %ss; choose a shorter one.", MaxBuckets, size)
		}
		end := next(start)
		b := Bucket{Start: start, End: end.Add(-lastInstant)}
		if b.Start.Before(first) {
			b.Start = first.In(loc)
		}
		if b.End.After(last) {
			b.End = last.In(loc)
		}
		out = append(out, b)
		start = end
	}
	labelBuckets(out, size, loc)
	return out, nil
}

// dayStart is the local midnight that starts t's calendar day in loc.
func dayStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}

// HourStart is the start of t's local clock hour in loc: t less its local
// minutes, seconds and fraction, which keeps the two 01:00 hours of a
// fall-back day apart and is right for half-hour zones.
func HourStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	_, off := l.Zone()
	ms := l.UnixMilli() + int64(off)*1000
	h := ms - floorMod(ms, msPerHour) - int64(off)*1000
	return time.UnixMilli(h).In(loc)
}

// labelBuckets sets the keys and labels of buckets.
func labelBuckets(bs []Bucket, size string, loc *time.Location) {
	if size == BucketDay {
		for i := range bs {
			k := bs[i].Start.In(loc).Format(time.DateOnly)
			bs[i].Key, bs[i].Label = k, k
		}
		return
	}
	changes := false
	for i := range bs {
		if _, a := bs[i].Start.In(loc).Zone(); i > 0 {
			if _, b := bs[i-1].Start.In(loc).Zone(); a != b {
				changes = true
			}
		}
	}
	layout := "15:04"
	if changes {
		layout = "15:04 MST"
	}
	for i := range bs {
		h := HourStart(bs[i].Start, loc)
		bs[i].Key, bs[i].Label = h.Format(time.RFC3339), h.Format(layout)
	}
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// String describes the bucket for test failures.
func (b Bucket) String() string {
	return fmt.Sprintf("%s (%s) %s..%s", b.Key, b.Label, b.Start.Format(time.RFC3339Nano), b.End.Format(time.RFC3339Nano))
}
