package server

import (
	"errors"
	"regexp"
	"time"
)

// isoLayouts are the ISO 8601 forms accepted for period bounds: those of
// Python's datetime.fromisoformat (date only; T or space separator; hours,
// minutes, seconds; any fraction of a second, which Go's parser accepts after
// the seconds) with no zone (UTC), "Z", or an offset.
var isoLayouts = func() []string {
	layouts := []string{"2006-01-02"}
	for _, sep := range []string{"T", " "} {
		for _, clock := range []string{"15:04:05", "15:04", "15"} {
			for _, zone := range []string{"", "Z07:00", "Z0700", "Z07"} {
				layouts = append(layouts, "2006-01-02"+sep+clock+zone)
			}
		}
	}
	return layouts
}()

// spacedOffset matches a time whose "+hh:mm" offset lost its plus sign to
// URL decoding (an unescaped "+" in a query string decodes to a space).
var spacedOffset = regexp.MustCompile(`^(.+[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$`)

// maxISOLen bounds the inputs worth parsing.
const maxISOLen = 64

var errBadISO = errors.New("not an ISO 8601 date or date-time")

// parseISOTime parses an ISO 8601 date or date-time; times without a zone
// are UTC, as the platform treats them. The result is in UTC.
func parseISOTime(s string) (time.Time, error) {
	if len(s) > maxISOLen {
		return time.Time{}, errBadISO
	}
	if m := spacedOffset.FindStringSubmatch(s); m != nil {
		s = m[1] + "+" + m[2]
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, errBadISO
}
