package cli

import (
	"strings"
	"time"

	"usagedash/app"
	"usagedash/backend"
)

// parsePeriod resolves report's period flags: a preset, whole days
// (--from/--to YYYY-MM-DD, both inclusive) in tz or UTC, or a custom range
// of RFC 3339 times (either end may be left open).
func parsePeriod(preset, from, to, tz string, utc bool) (backend.Period, error) {
	loc := app.LocalZone()
	if tz != "Local" {
		var err error
		if loc, err = time.LoadLocation(tz); err != nil {
			return backend.Period{}, backend.Errorf(backend.EINVALID, "Unknown time zone %q.", tz)
		}
	}
	if from == "" && to == "" {
		return backend.ResolveRequest(backend.PeriodRequest{Preset: preset, UTC: utc}, time.Now(), loc)
	}
	isDay := func(s string) bool { return len(s) == len(time.DateOnly) && !strings.Contains(s, "T") }
	if isDay(from) || isDay(to) {
		if !isDay(from) || !isDay(to) {
			return backend.Period{}, backend.Errorf(backend.EINVALID,
				"Give both --from and --to as days (YYYY-MM-DD), or both as RFC 3339 times.")
		}
		return backend.ResolveRequest(backend.PeriodRequest{Preset: string(backend.PresetCustom), From: from, To: to, UTC: utc}, time.Now(), loc)
	}
	parse := func(name, s string) (*time.Time, error) {
		if s == "" {
			return nil, nil
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, backend.Errorf(backend.EINVALID,
				"--%s must be an RFC 3339 time such as 2026-11-01T00:00:00+01:00, or a day such as 2026-11-01.", name)
		}
		return &t, nil
	}
	start, err := parse("from", from)
	if err != nil {
		return backend.Period{}, err
	}
	end, err := parse("to", to)
	if err != nil {
		return backend.Period{}, err
	}
	return backend.CustomPeriod(start, end)
}
