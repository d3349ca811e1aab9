package backend

import (
	"encoding/json"
	"slices"
)

// The UsageRow fields a Series may not know (Series.Unknown), by JSON name.
const (
	// FieldLogs: the platform API gives no log count.
	FieldLogs = "logs"
	// FieldComputedUSD and FieldUnpricedTokens: nothing was priced (no
	// price table, or a source without per-log tokens and models).
	FieldComputedUSD    = "computed_usd"
	FieldUnpricedTokens = "unpriced_tokens"
)

// Knows reports whether the series' rows have a value for field (a JSON
// name such as FieldLogs); a nil series knows nothing.
func (s *Series) Knows(field string) bool {
	return s != nil && !slices.Contains(s.Unknown, field)
}

// MarkUnknown adds fields to s.Unknown (once each, in a fixed order).
func (s *Series) MarkUnknown(fields ...string) {
	for _, f := range fields {
		if !slices.Contains(s.Unknown, f) {
			s.Unknown = append(s.Unknown, f)
		}
	}
	slices.Sort(s.Unknown)
}

// seriesFields is Series without its methods, for encoding.
type seriesFields Series

// MarshalJSON writes the series with its unknown row fields as null, so no
// reader takes a 0 the source never gave for a figure. Decoding needs no
// counterpart: null leaves the field 0 and Unknown still names it.
func (s Series) MarshalJSON() ([]byte, error) {
	if len(s.Unknown) == 0 || len(s.Rows) == 0 {
		return json.Marshal(seriesFields(s))
	}
	rows := make([]map[string]json.RawMessage, len(s.Rows))
	for i, row := range s.Rows {
		b, err := json.Marshal(row)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &rows[i]); err != nil {
			return nil, err
		}
		for _, f := range s.Unknown {
			if _, ok := rows[i][f]; ok {
				rows[i][f] = json.RawMessage("null")
			}
		}
	}
	return json.Marshal(struct {
		Bucket  string                       `json:"bucket"`
		Rows    []map[string]json.RawMessage `json:"rows"`
		Unknown []string                     `json:"unknown"`
	}{s.Bucket, rows, s.Unknown})
}
