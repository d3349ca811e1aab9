package sample

import "time"

// ExpectSeries splits the logs Expect counts for account (a username, an
// email or Everyone) in [start, end] by the calendar day of their timestamp
// in loc (key YYYY-MM-DD), or, when hour is set, by their local clock hour
// (key: the hour's start in RFC 3339 with the zone's offset, such as
// 2026-11-01T01:00:00-05:00). Only buckets with logs are listed; costs are
// not rounded. It is computed the obvious way (time.In, the local date or
// the local time less its minutes and seconds) and shares no code with the
// sources' bucket logic.
func (ds *Dataset) ExpectSeries(account string, start, end *time.Time, loc *time.Location, hour bool) map[string]*Sums {
	out := map[string]*Sums{}
	ds.eachLog(account, start, end, func(l Log, _ Instance) {
		addTo(out, SeriesKey(l.Timestamp, loc, hour), l)
	})
	return out
}

// SeriesKey is the series key of the instant ts in loc, computed naively:
// the local date, or the local time less its minutes, seconds and fraction
// in RFC 3339. The zero time (no timestamp) has the key "".
func SeriesKey(ts time.Time, loc *time.Location, hour bool) string {
	if ts.IsZero() {
		return ""
	}
	l := ts.In(loc)
	if !hour {
		return l.Format("2006-01-02")
	}
	into := time.Duration(l.Minute())*time.Minute + time.Duration(l.Second())*time.Second + time.Duration(l.Nanosecond())
	return l.Add(-into).Format(time.RFC3339)
}
