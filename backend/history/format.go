package history

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	"usagedash/backend"
	"usagedash/backend/redact"
)

// FormatVersion is the version of the report file format this package writes.
// Files with a higher version are skipped with a warning, never misread.
const FormatVersion = 1

// MaxFileSize bounds a report file and its decompressed JSON: reports are
// small, and a larger file is refused unread rather than loaded into memory.
const MaxFileSize = 4 << 20

// gzip writers and readers are large (a writer is ~800 KB): reuse them.
var (
	gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}
	gzipReaders = sync.Pool{New: func() any { return new(gzip.Reader) }}
)

// reportFile is the content of one report file.
type reportFile struct {
	Version int             `json:"version"`
	Entry   *Entry          `json:"entry"`
	Report  *backend.Report `json:"report"`
}

// decodeError says why a report file was skipped, in words fit to show.
type decodeError struct{ reason string }

func (e *decodeError) Error() string { return e.reason }

var errTooLarge = &decodeError{"the file is larger than 4 MiB, too large for a report"}

// PeriodKey identifies a period choice, so that the latest report for "today
// in Europe/Berlin" can be found whatever day it was fetched on: the preset
// and time zone ("today@Europe/Berlin"), or for any other period its range
// ("custom:2026-01-01T00:00:00Z..2026-02-01T00:00:00Z@UTC", an open end
// being empty).
func PeriodKey(p backend.Period) string {
	for _, pr := range backend.Presets {
		if p.Preset == pr.ID {
			return string(p.Preset) + "@" + p.TimeZone
		}
	}
	stamp := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.UTC().Format(time.RFC3339Nano)
	}
	return "custom:" + stamp(p.Start) + ".." + stamp(p.End) + "@" + p.TimeZone
}

// encodeReportFile returns the file content for r (sanitized) and its entry
// (without ID), or an EINVALID error when r fails the checks.
func encodeReportFile(profileID, profileName string, fetchedAt time.Time, r *backend.Report) ([]byte, Entry, error) {
	rep := redact.Report(r)
	if err := checkReport(rep); err != nil {
		return nil, Entry{}, backend.WrapError(err, backend.EINVALID, "The report looks wrong and was not stored: "+err.Error()+".")
	}
	e := Entry{ProfileID: profileID, ProfileName: redact.URIs(profileName), PeriodKey: PeriodKey(rep.Period),
		Period: rep.Period, Source: rep.Source, FetchedAt: fetchedAt,
		TotalCostUSD: rep.TotalCostUSD, TotalTokens: rep.TotalTokens}
	data, err := json.Marshal(reportFile{Version: FormatVersion, Entry: &e, Report: rep})
	if err != nil {
		return nil, Entry{}, backend.WrapError(err, backend.EINVALID, "The report cannot be stored.")
	}
	if len(data) > MaxFileSize {
		return nil, Entry{}, backend.Errorf(backend.EINVALID, "The report is larger than 4 MiB and was not stored.")
	}
	var z bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&z)
	if _, err := zw.Write(data); err != nil {
		return nil, Entry{}, backend.WrapError(err, backend.EINTERNAL, "The report cannot be stored.")
	}
	if err := zw.Close(); err != nil {
		return nil, Entry{}, backend.WrapError(err, backend.EINTERNAL, "The report cannot be stored.")
	}
	return z.Bytes(), e, nil
}

// decodeReportFile decodes and checks a report file's content: gzipped JSON,
// or plain JSON. Its errors are *decodeError values.
func decodeReportFile(data []byte) (Entry, *backend.Report, error) {
	if len(data) == 0 {
		return Entry{}, nil, &decodeError{"the file is empty"}
	}
	if len(data) > MaxFileSize {
		return Entry{}, nil, errTooLarge
	}
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		zr := gzipReaders.Get().(*gzip.Reader)
		defer gzipReaders.Put(zr)
		err := zr.Reset(bytes.NewReader(data))
		if err == nil {
			data, err = io.ReadAll(io.LimitReader(zr, MaxFileSize+1))
		}
		if err != nil {
			return Entry{}, nil, &decodeError{"the file is damaged or cut short (its compressed data is incomplete or fails its checksum)"}
		}
		if len(data) > MaxFileSize {
			return Entry{}, nil, errTooLarge
		}
	}
	var f reportFile
	if err := json.Unmarshal(data, &f); err != nil {
		// A newer format may not fit today's structs: say so rather
		// than calling the file damaged.
		var v struct {
			Version int `json:"version"`
		}
		if json.Unmarshal(data, &v) == nil && v.Version > FormatVersion {
			return Entry{}, nil, newerError(v.Version)
		}
		if !json.Valid(data) {
			return Entry{}, nil, &decodeError{"the file is damaged or cut short (it is not complete JSON)"}
		}
		return Entry{}, nil, &decodeError{"the file does not hold a usagedash report"}
	}
	switch {
	case f.Version > FormatVersion:
		return Entry{}, nil, newerError(f.Version)
	case f.Version < 1:
		return Entry{}, nil, &decodeError{"the file has no valid format version"}
	case f.Entry == nil || f.Report == nil:
		return Entry{}, nil, &decodeError{"the file is incomplete"}
	}
	if err := checkReport(f.Report); err != nil {
		return Entry{}, nil, &decodeError{"the report looks wrong: " + err.Error()}
	}
	if err := checkEntry(f.Entry, f.Report); err != nil {
		return Entry{}, nil, &decodeError{"the summary looks wrong: " + err.Error()}
	}
	return *f.Entry, f.Report, nil
}

func newerError(v int) error {
	return &decodeError{fmt.Sprintf("the file was written by a newer usagedash (format %d); update usagedash to read it", v)}
}

// checkEntry checks that an entry is whole and agrees with its report.
func checkEntry(e *Entry, r *backend.Report) error {
	switch {
	case !validProfileID(e.ProfileID):
		return fmt.Errorf("no valid connection id")
	case e.FetchedAt.IsZero():
		return fmt.Errorf("no fetch time")
	case e.PeriodKey != PeriodKey(r.Period) || !samePeriod(e.Period, r.Period):
		return fmt.Errorf("its period differs from the report's")
	case e.Source != r.Source:
		return fmt.Errorf("its source differs from the report's")
	case e.TotalCostUSD != r.TotalCostUSD || e.TotalTokens != r.TotalTokens:
		return fmt.Errorf("its totals differ from the report's")
	}
	return nil
}

func samePeriod(a, b backend.Period) bool {
	same := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	return a.Preset == b.Preset && a.Label == b.Label && a.TimeZone == b.TimeZone &&
		same(a.Start, b.Start) && same(a.End, b.End)
}

// checkReport checks a report's sanity: no negative count or cost, no
// reversed period.
func checkReport(r *backend.Report) error {
	counts := []int64{r.TotalWorkflows, r.TotalInstances, r.TotalTokens, r.TotalInputTokens,
		r.TotalOutputTokens, r.TotalCacheCreationTokens, r.TotalCacheReadTokens, r.TotalExecutionTimeMS}
	amounts := []float64{r.TotalCostUSD, r.Derived.AvgCostPerInstanceUSD, r.Derived.AvgTokensPerInstance, r.Derived.CostPer1KTokensUSD}
	counts = appendTokens(counts, r.TokenBreakdown)
	var tables [][]backend.UsageRow
	if b := r.Breakdowns; b != nil {
		tables = append(tables, b.ByDay, b.ByModel, b.ByWorkflow, b.ByInstance, b.ByMode, b.ByUser)
	}
	if r.Series != nil {
		tables = append(tables, r.Series.Rows)
	}
	for _, rows := range tables {
		for _, row := range rows {
			counts = appendTokens(append(counts, row.Logs, row.ExecutionTimeMS), row.Tokens)
			amounts = append(amounts, row.CostUSD)
		}
	}
	for _, n := range counts {
		if n < 0 {
			return fmt.Errorf("a negative count (%d)", n)
		}
	}
	for _, c := range amounts {
		if c < 0 || math.IsNaN(c) || math.IsInf(c, 0) {
			return fmt.Errorf("a negative or invalid amount (%v)", c)
		}
	}
	reversed := func(start, end *time.Time) bool { return start != nil && end != nil && end.Before(*start) }
	if reversed(r.Period.Start, r.Period.End) || reversed(r.PeriodStart, r.PeriodEnd) {
		return fmt.Errorf("a period that ends before it starts")
	}
	return nil
}

func appendTokens(counts []int64, t backend.TokenBreakdown) []int64 {
	return append(counts, t.InputTokens, t.OutputTokens, t.CacheCreationInputTokens, t.CacheReadInputTokens, t.TotalTokens)
}
