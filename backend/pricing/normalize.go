package pricing

import (
	"strings"
)

// Normalize maps a model id to its canonical family id,
// "claude-<tier>-<major>[-<minor>]" (e.g. "claude-sonnet-4-5",
// "claude-haiku-3"), and reports whether the id has that form. It accepts:
//
//   - dated and undated Anthropic ids, old and new word order:
//     "claude-sonnet-4-5-20250929", "claude-3-7-sonnet-20250219",
//     "claude-opus-4-0" (a minor version 0 is dropped), "-latest" aliases;
//   - dots or underscores for dashes and any case: "claude-3.5-haiku";
//   - Amazon Bedrock ids, inference profiles and ARNs:
//     "anthropic.claude-sonnet-4-5-20250929-v1:0",
//     "us.anthropic.claude-opus-4-1-20250805-v1:0",
//     "arn:aws:bedrock:…:inference-profile/global.anthropic.claude-…";
//   - Google Vertex AI ids and paths: "claude-sonnet-4-5@20250929",
//     "publishers/anthropic/models/claude-opus-4-1@20250805";
//   - router prefixes and suffixes: "anthropic/claude-3.7-sonnet:thinking",
//     Claude Code's "claude-sonnet-4-5[1m]".
//
// Anything else (another vendor's model, "claude-2.1", "claude-instant-1",
// an extra word such as "claude-sonnet-4-5-mini") is not normalised: guessing
// a price for an unknown model is worse than reporting it unpriced.
func Normalize(model string) (string, bool) {
	s := cleanID(model)
	if i := strings.LastIndexByte(s, '/'); i >= 0 { // path, ARN or router prefix
		s = s[i+1:]
	}
	if i := strings.Index(s, "anthropic."); i >= 0 { // Bedrock, with or without a region
		s = s[i+len("anthropic."):]
	}
	if i := strings.IndexAny(s, "@:["); i >= 0 { // Vertex version, Bedrock ":0", ":thinking", "[1m]"
		s = s[:i]
	}
	s = strings.NewReplacer(".", "-", "_", "-").Replace(s)
	tokens := strings.Split(s, "-")
	if tokens[0] != "claude" {
		return "", false
	}
	var tier string
	var version []string
	shape := "" // "T" for the tier word, "N" for each version number, in order
	for _, tok := range tokens[1:] {
		switch {
		case tok == "opus" || tok == "sonnet" || tok == "haiku":
			tier = tok
			shape += "T"
		case len(tok) <= 2 && digits(tok):
			version = append(version, strings.TrimLeft(tok, "0"))
			shape += "N"
		case len(tok) == 8 && digits(tok), tok == "latest",
			len(tok) >= 2 && tok[0] == 'v' && digits(tok[1:]): // date, alias, Bedrock "-v1"
		default:
			return "", false
		}
	}
	switch shape {
	case "TN", "TNN", "NT", "NNT":
	default:
		return "", false
	}
	if version[0] == "" { // a major version of 0 or 00
		return "", false
	}
	id := "claude-" + tier + "-" + version[0]
	if len(version) == 2 && version[1] != "" { // "4-0" is version 4
		id += "-" + version[1]
	}
	return id, true
}

// digits reports whether s is a non-empty string of ASCII digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
