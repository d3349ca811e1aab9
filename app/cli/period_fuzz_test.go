package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// FuzzParsePeriod feeds the report command's period flags arbitrary text:
// it must never panic; a refusal is one short EINVALID sentence free of
// control characters (however long or hostile the input), and an accepted
// period never ends before it starts.
func FuzzParsePeriod(f *testing.F) {
	for _, seed := range [][4]string{
		{"today", "", "", "UTC"}, {"last_30_days", "", "", "Europe/Berlin"}, {"", "2026-11-01", "2026-11-30", "UTC"},
		{"", "2026-11-30", "2026-11-01", "UTC"}, {"", "2026-11-01T00:00:00+01:00", "", "UTC"},
		{"", "", "2026-11-01T00:00:00Z", "Local"}, {"", "2026-02-30", "2026-03-01", "UTC"},
		{"yesterday", "", "", "Mars/Olympus"}, {"", "2026-11-01", "2026-11-01T00:00:00Z", "UTC"},
		{"\x1b[2J", "", "", "../../etc/passwd"}, {"", "2026-13-01", "x", "UTC"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], false)
	}
	f.Add("this_month", "", "", "America/New_York", true)
	f.Fuzz(func(t *testing.T, preset, from, to, tz string, utc bool) {
		p, err := parsePeriod(preset, from, to, tz, utc)
		if err != nil {
			msg := backend.ErrorMessage(err)
			if backend.ErrorCode(err) != backend.EINVALID {
				t.Fatalf("refusal %v has code %s, want %s", err, backend.ErrorCode(err), backend.EINVALID)
			}
			if n := utf8.RuneCountInString(msg); n == 0 || n > 2*textsafe.MaxQuoted+200 {
				t.Fatalf("refusal of %d characters: %.300q", n, msg)
			}
			if textsafe.Clean(msg) != msg || !strings.HasSuffix(msg, ".") {
				t.Fatalf("refusal is not one clean sentence: %q", msg)
			}
			return
		}
		if p.Start != nil && p.End != nil && p.End.Before(*p.Start) {
			t.Fatalf("period %v..%v ends before it starts", p.Start, p.End)
		}
		if p.TimeZone == "" && p.Preset != backend.PresetCustom {
			t.Fatalf("period %+v has no time zone", p)
		}
	})
}
