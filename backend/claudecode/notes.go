package claudecode

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"usagedash/backend"
)

// unreadableSummary is what the last refresh could not read.
type unreadableSummary struct {
	// Lines is how many lines were skipped (malformed, or half-written at a
	// file's end) and Files in how many transcripts.
	Lines, Files int64
	// Paths are transcripts that could not be opened or are not files.
	Paths []string
}

// summarize sums the unreadable lines the index holds and the tails left
// half-written, and lists the transcripts that could not be read.
func summarize(files map[string]fileState, unreadable []string) unreadableSummary {
	var u unreadableSummary
	for _, st := range files {
		n := st.Bad
		if st.Pending {
			n++
		}
		if n > 0 {
			u.Lines += n
			u.Files++
		}
	}
	u.Paths = slices.Compact(slices.Sorted(slices.Values(unreadable)))
	return u
}

// notes are the report's remarks: what could not be read, what was not
// priced, and which days come only from usagedash's record.
func (s *Source) notes(total *acc, priced bool, recordOnly int) []string {
	var out []string
	u := s.unreadable
	if u.Lines > 0 {
		out = append(out, fmt.Sprintf("%s in %s could not be read and %s skipped.",
			plural(u.Lines, "unreadable line", "unreadable lines"), plural(u.Files, "file", "files"), isAre(u.Lines)))
	}
	if n := len(u.Paths); n > 0 {
		shown := u.Paths[:min(n, 3)]
		more := ""
		if n > 3 {
			more = fmt.Sprintf(" and %d more", n-3)
		}
		out = append(out, fmt.Sprintf("%s could not be opened: %s%s.", plural(int64(n), "transcript", "transcripts"), strings.Join(shown, ", "), more))
	}
	if !priced && total.requests > 0 {
		out = append(out, "No price table was given, so no cost is computed.")
	}
	if total.unconfirmed > 0 {
		out = append(out, fmt.Sprintf("%s used a pricing rule whose rate is not confirmed; it was not applied, so the cost is a lower bound.",
			plural(total.unconfirmed, "request", "requests")))
	}
	var rules []string
	for _, rule := range backend.AllPriceRules {
		if n := total.rules[bitOf(rule)]; n > 0 {
			rules = append(rules, fmt.Sprintf("%s %d", rule.ID(), n))
		}
	}
	if len(rules) > 0 {
		out = append(out, "Pricing rules applied (requests): "+strings.Join(rules, ", ")+".")
	}
	if recordOnly > 0 {
		out = append(out, fmt.Sprintf("%s of usage come only from usagedash's own record: Claude Code has deleted those transcripts.",
			plural(int64(recordOnly), "day", "days")))
	}
	return out
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func isAre(n int64) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// recordOnlyDays lists, sorted, the days (in loc) with requests in the
// period all of whose transcripts are gone.
func (s *Source) recordOnlyDays(matched []int32, loc *time.Location) []string {
	gone := map[string]bool{}
	for _, i := range matched {
		if r := &s.ledger.requests[i]; r.at != 0 && !s.present[r.file] {
			gone[time.UnixMilli(r.at).In(loc).Format(time.DateOnly)] = true
		}
	}
	if len(gone) == 0 {
		return nil
	}
	for _, i := range matched {
		if r := &s.ledger.requests[i]; r.at != 0 && s.present[r.file] {
			delete(gone, time.UnixMilli(r.at).In(loc).Format(time.DateOnly))
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for d := range gone {
			if !yield(d) {
				return
			}
		}
	})
}

// underAny reports whether path lies inside one of folders.
func underAny(path string, folders []string) bool {
	for _, f := range folders {
		if rel, err := filepath.Rel(f, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
