package backend_test

import (
	"strings"
	"testing"
	"time"

	"usagedash/backend"
)

// resolve resolves req at now in zone, failing the test on error.
func resolve(t *testing.T, req backend.PeriodRequest, now time.Time, loc *time.Location) backend.Period {
	t.Helper()
	p, err := backend.ResolveRequest(req, now, loc)
	if err != nil {
		t.Fatalf("%+v: %v", req, err)
	}
	return p
}

// buckets lists p's buckets and checks they tile it: the first starts at
// p.Start, each ends one millisecond before the next starts, the last ends
// at p.End, keys are unique.
func buckets(t *testing.T, p backend.Period) []backend.Bucket {
	t.Helper()
	bs, err := p.Buckets()
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) == 0 || !bs[0].Start.Equal(*p.Start) || !bs[len(bs)-1].End.Equal(*p.End) {
		t.Fatalf("buckets %v do not cover %v..%v", bs, p.Start, p.End)
	}
	seen := map[string]bool{}
	for i, b := range bs {
		if seen[b.Key] {
			t.Fatalf("key %s twice", b.Key)
		}
		seen[b.Key] = true
		if b.End.Before(b.Start) {
			t.Fatalf("bucket %v ends before it starts", b)
		}
		if i > 0 && !bs[i-1].End.Add(time.Millisecond).Equal(b.Start) {
			t.Fatalf("gap or overlap between %v and %v", bs[i-1], b)
		}
	}
	return bs
}

func custom(from, to string) backend.PeriodRequest {
	return backend.PeriodRequest{Preset: string(backend.PresetCustom), From: from, To: to}
}

func keys(bs []backend.Bucket) (ks, labels []string) {
	for _, b := range bs {
		ks, labels = append(ks, b.Key), append(labels, b.Label)
	}
	return ks, labels
}

func TestHourBucketsOnDaylightSavingDays(t *testing.T) {
	ny, berlin := mustZone(t, "America/New_York"), mustZone(t, "Europe/Berlin")
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		zone       *time.Location
		day        string
		hours      int
		keys       map[int]string // index -> key
		labels     map[int]string // index -> label
		hoursInDay float64
	}{
		{ny, "2026-03-08", 23, map[int]string{0: "2026-03-08T00:00:00-05:00", 1: "2026-03-08T01:00:00-05:00", 2: "2026-03-08T03:00:00-04:00", 22: "2026-03-08T23:00:00-04:00"},
			map[int]string{0: "00:00 EST", 1: "01:00 EST", 2: "03:00 EDT", 22: "23:00 EDT"}, 23},
		{ny, "2026-11-01", 25, map[int]string{1: "2026-11-01T01:00:00-04:00", 2: "2026-11-01T01:00:00-05:00", 3: "2026-11-01T02:00:00-05:00", 24: "2026-11-01T23:00:00-05:00"},
			map[int]string{1: "01:00 EDT", 2: "01:00 EST", 3: "02:00 EST"}, 25},
		{berlin, "2026-03-29", 23, map[int]string{1: "2026-03-29T01:00:00+01:00", 2: "2026-03-29T03:00:00+02:00"},
			map[int]string{1: "01:00 CET", 2: "03:00 CEST"}, 23},
		{berlin, "2026-10-25", 25, map[int]string{2: "2026-10-25T02:00:00+02:00", 3: "2026-10-25T02:00:00+01:00"},
			map[int]string{2: "02:00 CEST", 3: "02:00 CET"}, 25},
		{ny, "2026-07-04", 24, map[int]string{0: "2026-07-04T00:00:00-04:00", 13: "2026-07-04T13:00:00-04:00"},
			map[int]string{0: "00:00", 13: "13:00", 23: "23:00"}, 24},
	}
	for _, c := range cases {
		p := resolve(t, custom(c.day, c.day), now, c.zone)
		if p.Bucket != backend.BucketHour || p.Label != c.day || p.TimeZone != c.zone.String() {
			t.Fatalf("%s: %+v", c.day, p)
		}
		if got := p.End.Add(time.Millisecond).Sub(*p.Start).Hours(); got != c.hoursInDay {
			t.Errorf("%s lasts %v hours", c.day, got)
		}
		bs := buckets(t, p)
		if len(bs) != c.hours {
			t.Fatalf("%s %s: %d hour buckets, want %d: %v", c.zone, c.day, len(bs), c.hours, bs)
		}
		for i, k := range c.keys {
			if bs[i].Key != k {
				t.Errorf("%s: key[%d] = %s, want %s", c.day, i, bs[i].Key, k)
			}
		}
		for i, l := range c.labels {
			if bs[i].Label != l {
				t.Errorf("%s: label[%d] = %q, want %q", c.day, i, bs[i].Label, l)
			}
		}
		for _, b := range bs {
			if b.End.Sub(b.Start) != time.Hour-time.Millisecond {
				t.Errorf("%s: bucket %v is not one hour", c.day, b)
			}
		}
	}
}

func TestHourBucketsInHalfHourZone(t *testing.T) {
	kolkata := mustZone(t, "Asia/Kolkata")
	p := resolve(t, backend.PeriodRequest{Preset: string(backend.PresetToday)}, time.Date(2026, 3, 8, 20, 0, 0, 0, time.UTC), kolkata)
	if p.Bucket != backend.BucketHour {
		t.Fatalf("today in Kolkata: %+v", p)
	}
	bs := buckets(t, p)
	ks, labels := keys(bs)
	if len(bs) != 24 || ks[0] != "2026-03-09T00:00:00+05:30" || ks[1] != "2026-03-09T01:00:00+05:30" || labels[1] != "01:00" || labels[23] != "23:00" {
		t.Fatalf("Kolkata hours: %v / %v", ks, labels)
	}
	// 01:00 IST is 19:30 UTC the day before.
	if got := bs[1].Start.UTC(); !got.Equal(time.Date(2026, 3, 8, 19, 30, 0, 0, time.UTC)) {
		t.Fatalf("01:00 IST starts at %v", got)
	}
	if h := backend.HourStart(time.Date(2026, 3, 8, 20, 29, 59, 999e6, time.UTC), kolkata); !h.Equal(time.Date(2026, 3, 8, 19, 30, 0, 0, time.UTC)) {
		t.Fatalf("HourStart = %v", h)
	}
}

func TestDayBucketsAcrossDaylightSavingAndMonthEnds(t *testing.T) {
	ny, berlin := mustZone(t, "America/New_York"), mustZone(t, "Europe/Berlin")
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		p     backend.Period
		keys  []string // first and last (or all when more than 2)
		hours []float64
	}{
		{"spring forward NY", resolve(t, custom("2026-03-07", "2026-03-09"), now, ny), []string{"2026-03-07", "2026-03-08", "2026-03-09"}, []float64{24, 23, 24}},
		{"fall back NY", resolve(t, custom("2026-10-31", "2026-11-02"), now, ny), []string{"2026-10-31", "2026-11-01", "2026-11-02"}, []float64{24, 25, 24}},
		{"across DST Berlin", resolve(t, custom("2026-03-28", "2026-03-30"), now, berlin), []string{"2026-03-28", "2026-03-29", "2026-03-30"}, []float64{24, 23, 24}},
		{"fall back Berlin", resolve(t, custom("2026-10-24", "2026-10-26"), now, berlin), []string{"2026-10-24", "2026-10-25", "2026-10-26"}, []float64{24, 25, 24}},
		{"31 Jan to Feb", resolve(t, custom("2026-01-31", "2026-02-01"), now, ny), []string{"2026-01-31", "2026-02-01"}, nil},
		{"February 2026 (last month on 1 March)", resolve(t, backend.PeriodRequest{Preset: "last_month"}, time.Date(2026, 3, 1, 12, 0, 0, 0, berlin), berlin), []string{"2026-02-01", "2026-02-28"}, nil},
		{"this month on 30 April", resolve(t, backend.PeriodRequest{Preset: "this_month"}, time.Date(2026, 4, 30, 23, 0, 0, 0, ny), ny), []string{"2026-04-01", "2026-04-30"}, nil},
		{"leap February 2024", resolve(t, backend.PeriodRequest{Preset: "last_month"}, time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC), time.UTC), []string{"2024-02-01", "2024-02-29"}, nil},
		{"28 Feb to 1 Mar 2024", resolve(t, custom("2024-02-28", "2024-03-01"), now, ny), []string{"2024-02-28", "2024-02-29", "2024-03-01"}, nil},
		{"28 Feb to 1 Mar 2025", resolve(t, custom("2025-02-28", "2025-03-01"), now, ny), []string{"2025-02-28", "2025-03-01"}, nil},
	}
	wantLen := map[string]int{"February 2026 (last month on 1 March)": 28, "this month on 30 April": 30, "leap February 2024": 29}
	for _, c := range cases {
		if c.p.Bucket != backend.BucketDay {
			t.Errorf("%s: bucket %q", c.name, c.p.Bucket)
		}
		bs := buckets(t, c.p)
		ks, labels := keys(bs)
		if n, ok := wantLen[c.name]; ok && len(bs) != n {
			t.Errorf("%s: %d days, want %d", c.name, len(bs), n)
		}
		if len(c.keys) > 2 || !inMap(wantLen, c.name) {
			if strings.Join(ks, ",") != strings.Join(c.keys, ",") {
				t.Errorf("%s: keys %v, want %v", c.name, ks, c.keys)
			}
		} else if ks[0] != c.keys[0] || ks[len(ks)-1] != c.keys[1] {
			t.Errorf("%s: keys %v..%v, want %v", c.name, ks[0], ks[len(ks)-1], c.keys)
		}
		if strings.Join(ks, ",") != strings.Join(labels, ",") {
			t.Errorf("%s: day labels %v differ from keys", c.name, labels)
		}
		for i, h := range c.hours {
			if got := bs[i].End.Add(time.Millisecond).Sub(bs[i].Start).Hours(); got != h {
				t.Errorf("%s: %s lasts %v hours, want %v", c.name, ks[i], got, h)
			}
		}
	}
}

func inMap(m map[string]int, k string) bool { _, found := m[k]; return found }

func TestResolveRequestUTCSwitchAndBuckets(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	// 21:00 on 3 March in New York is already 4 March in UTC.
	now := time.Date(2026, 3, 3, 21, 0, 0, 0, ny)
	local := resolve(t, backend.PeriodRequest{Preset: "today"}, now, ny)
	utc := resolve(t, backend.PeriodRequest{Preset: "today", UTC: true}, now, ny)
	if local.TimeZone != "America/New_York" || utc.TimeZone != "UTC" {
		t.Fatalf("zones %q / %q", local.TimeZone, utc.TimeZone)
	}
	if got := local.Start.Format(time.RFC3339); got != "2026-03-03T00:00:00-05:00" {
		t.Errorf("local today starts %s", got)
	}
	if got := utc.Start.Format(time.RFC3339); got != "2026-03-04T00:00:00Z" {
		t.Errorf("UTC today starts %s", got)
	}
	lk, _ := keys(buckets(t, local))
	uk, ul := keys(buckets(t, utc))
	if lk[0] != "2026-03-03T00:00:00-05:00" || uk[0] != "2026-03-04T00:00:00Z" || ul[0] != "00:00" || len(uk) != 24 {
		t.Errorf("hour keys: local %v, UTC %v", lk[0], uk[0])
	}
	week := resolve(t, backend.PeriodRequest{Preset: "last_7_days", UTC: true}, now, ny)
	if wk, _ := keys(buckets(t, week)); week.Bucket != backend.BucketDay || len(wk) != 7 || wk[6] != "2026-03-04" {
		t.Errorf("UTC week: %v", wk)
	}
	// A custom range in UTC ignores the local zone's daylight saving.
	p := resolve(t, backend.PeriodRequest{Preset: "custom", From: "2026-03-08", To: "2026-03-08", UTC: true}, now, ny)
	if bs := buckets(t, p); len(bs) != 24 || bs[0].Label != "00:00" {
		t.Errorf("UTC 8 March: %v", bs)
	}
	all := resolve(t, backend.PeriodRequest{Preset: "all_time"}, now, ny)
	if all.Bucket != backend.BucketDay {
		t.Errorf("all time bucket %q", all.Bucket)
	}
	if _, err := all.Buckets(); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("all time has no fixed buckets: %v", err)
	}
}

func TestResolveRequestRejectsBadCustomInput(t *testing.T) {
	now := time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		req  backend.PeriodRequest
		want string
	}{
		{custom("2026-13-01", "2026-12-31"), `The start date "2026-13-01" is not a date like 2026-11-26.`},
		{custom("2026-01-01", "tomorrow"), `The end date "tomorrow" is not a date like 2026-11-26.`},
		{custom("2025-02-29", "2025-03-01"), `The start date "2025-02-29" is not a date like 2026-11-26.`},
		{custom("", "2026-03-01"), `The start date "" is not a date like 2026-11-26.`},
		{custom("2026-03-02", "2026-03-01"), "The period ends (2026-03-01) before it starts (2026-03-02)."},
		{backend.PeriodRequest{Preset: "fortnight"}, `Unknown period "fortnight".`},
	}
	for _, c := range cases {
		_, err := backend.ResolveRequest(c.req, now, time.UTC)
		if backend.ErrorCode(err) != backend.EINVALID || backend.ErrorMessage(err) != c.want {
			t.Errorf("%+v: %q (%v), want %q", c.req, backend.ErrorCode(err), err, c.want)
		}
	}
	// 2024 has a 29 February.
	if p := resolve(t, custom("2024-02-29", "2024-02-29"), now, time.UTC); p.Bucket != backend.BucketHour || len(buckets(t, p)) != 24 {
		t.Errorf("leap day: %+v", p)
	}
}

func TestBucketsBetweenClipsToTheRange(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	first := time.Date(2026, 11, 1, 0, 30, 0, 0, ny)
	last := time.Date(2026, 11, 2, 6, 15, 0, 0, time.UTC) // 01:15 EST on 2 November
	days, err := backend.BucketsBetween(backend.BucketDay, first, last, ny)
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 2 || !days[0].Start.Equal(first) || !days[1].End.Equal(last) || days[0].Key != "2026-11-01" || days[1].Key != "2026-11-02" {
		t.Fatalf("days: %v", days)
	}
	if d := days[0].End.Add(time.Millisecond).Sub(days[0].Start); d != 24*time.Hour+30*time.Minute {
		t.Fatalf("the fall-back day from 00:30 lasts %v", d)
	}
	hours, err := backend.BucketsBetween(backend.BucketHour, first, last, ny)
	if err != nil {
		t.Fatal(err)
	}
	if len(hours) != 27 || hours[0].Key != "2026-11-01T00:00:00-04:00" || !hours[0].Start.Equal(first) || hours[26].Key != "2026-11-02T01:00:00-05:00" {
		t.Fatalf("hours: %d %v", len(hours), hours)
	}
	if _, err := backend.BucketsBetween("week", first, last, ny); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("unknown size: %v", err)
	}
	if _, err := backend.BucketsBetween(backend.BucketDay, last, first, ny); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("reversed: %v", err)
	}
	if _, err := backend.BucketsBetween(backend.BucketHour, time.Unix(0, 0), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("56 years of hours must be refused: %v", err)
	}
}
