package app

import (
	"os"
	"strings"
	"time"
)

// LocalZone returns the user's time zone with its IANA name (such as
// "Europe/Berlin") where it can be found, so reports can say which zone their
// periods are in; otherwise time.Local.
func LocalZone() *time.Location {
	if tz, ok := os.LookupEnv("TZ"); ok && tz != "" {
		if loc, err := time.LoadLocation(strings.TrimPrefix(tz, ":")); err == nil {
			return loc
		}
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			if loc, err := time.LoadLocation(target[i+len("zoneinfo/"):]); err == nil {
				return loc
			}
		}
	}
	return time.Local
}
