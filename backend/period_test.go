package backend_test

import (
	"testing"
	"time"

	"usagedash/backend"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not installed: %v", name, err)
	}
	return loc
}

func TestResolvePresetBoundariesInUserZone(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	// 00:30 on 1 March in Berlin is still 28 February in UTC.
	now := time.Date(2024, 3, 1, 0, 30, 0, 0, berlin)
	cases := []struct {
		id         backend.PresetID
		start, end string // in Berlin time
	}{
		{backend.PresetToday, "2024-03-01T00:00:00+01:00", "2024-03-01T23:59:59.999+01:00"},
		{backend.PresetYesterday, "2024-02-29T00:00:00+01:00", "2024-02-29T23:59:59.999+01:00"},
		{backend.PresetLast7Days, "2024-02-24T00:00:00+01:00", "2024-03-01T23:59:59.999+01:00"},
		{backend.PresetThisMonth, "2024-03-01T00:00:00+01:00", "2024-03-31T23:59:59.999+02:00"},
		{backend.PresetLastMonth, "2024-02-01T00:00:00+01:00", "2024-02-29T23:59:59.999+01:00"},
	}
	for _, c := range cases {
		p, err := backend.ResolvePreset(c.id, now, berlin)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Start.Format("2006-01-02T15:04:05.999Z07:00"); got != c.start {
			t.Errorf("%s start = %s, want %s", c.id, got, c.start)
		}
		if got := p.End.Format("2006-01-02T15:04:05.999Z07:00"); got != c.end {
			t.Errorf("%s end = %s, want %s", c.id, got, c.end)
		}
		if p.TimeZone != "Europe/Berlin" {
			t.Errorf("time zone %q", p.TimeZone)
		}
	}
}

func TestResolvePresetDaylightSavingDays(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	for _, c := range []struct {
		day   time.Time
		hours float64
	}{
		{time.Date(2026, 3, 8, 12, 0, 0, 0, ny), 23},  // spring forward
		{time.Date(2026, 11, 1, 12, 0, 0, 0, ny), 25}, // fall back
		{time.Date(2026, 7, 4, 12, 0, 0, 0, ny), 24},
	} {
		p, err := backend.ResolvePreset(backend.PresetToday, c.day, ny)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.End.Add(time.Millisecond).Sub(*p.Start).Hours(); got != c.hours {
			t.Errorf("%s lasts %v hours, want %v", c.day.Format("2006-01-02"), got, c.hours)
		}
	}
}

func TestPeriodContainsIsInclusiveAndAllTimeIsOpen(t *testing.T) {
	p, _ := backend.ResolvePreset(backend.PresetToday, time.Date(2026, 5, 5, 10, 0, 0, 0, time.UTC), time.UTC)
	if !p.Contains(*p.Start) || !p.Contains(*p.End) || p.Contains(p.End.Add(time.Millisecond)) || p.Contains(p.Start.Add(-time.Nanosecond)) {
		t.Fatal("bounds are not inclusive")
	}
	all, _ := backend.ResolvePreset(backend.PresetAllTime, time.Now(), time.UTC)
	if all.Start != nil || all.End != nil || !all.Contains(time.Unix(0, 0)) {
		t.Fatal("all time must be open")
	}
	if _, err := backend.ResolvePreset("fortnight", time.Now(), time.UTC); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("unknown preset: %v", err)
	}
	a, b := time.Now(), time.Now().Add(-time.Hour)
	if _, err := backend.CustomPeriod(&a, &b); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("reversed period: %v", err)
	}
}
