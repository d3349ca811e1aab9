package pricing

import "time"

// Where a row of the table in force came from (Provenance.Origin).
const (
	// OriginEmbedded: the table shipped with the app.
	OriginEmbedded = "embedded"
	// OriginLiteLLM: a downloaded LiteLLM price file, merged in.
	OriginLiteLLM = "litellm"
	// OriginCustom: a price the user entered.
	OriginCustom = "custom"
)

// Provenance says where one row of the table in force came from.
type Provenance struct {
	// Origin is OriginEmbedded, OriginLiteLLM or OriginCustom.
	Origin string `json:"origin"`
	// URL, FetchedAt and SHA256 identify the download a LiteLLM row, or the
	// check of an embedded row, came from (empty for rows no download saw).
	URL       string    `json:"url,omitempty"`
	FetchedAt time.Time `json:"fetched_at,omitzero" ts_type:"string"`
	SHA256    string    `json:"sha256,omitempty"`
	// Check is what the download said about the row: "confirmed" (same
	// rates), "kept" (the embedded row wins, Note says why), "added" (a row
	// the embedded table lacked), or "" when no download was merged.
	Check string `json:"check,omitempty"`
	// Note explains a disagreement ("LiteLLM's 1-hour write rate is known
	// wrong; the embedded one is used").
	Note string `json:"note,omitempty"`
}

// UpdateInfo describes the LiteLLM download merged into a table.
type UpdateInfo struct {
	// URL, FetchedAt and SHA256 (of the downloaded bytes) identify it.
	URL       string    `json:"url"`
	FetchedAt time.Time `json:"fetched_at" ts_type:"string"`
	SHA256    string    `json:"sha256"`
	// Families is how many Anthropic model families it priced.
	Families int `json:"families"`
	// KeptOut lists, one sentence each, the prices it gave that were not
	// used (more than 10x away from the price in force, or invalid).
	KeptOut []string `json:"kept_out"`
}

// Update returns the download merged into t, nil for a table without one.
func (t *Table) Update() *UpdateInfo { return t.update }
