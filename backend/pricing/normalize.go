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
//   - cloud region prefixes with or without "anthropic.": "global.", "us.",
//     "eu.", "au.", "jp.", "apac.";
//   - a "-fast" word some tools add for fast-mode requests;
//   - the Fable and Mythos tiers ("claude-fable-5-2", "claude-mythos-5-1");
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
	if p := cloudPrefix(s); p != "" { // a region prefix without "anthropic."
		s = s[len(p):]
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
		case tok == "opus" || tok == "sonnet" || tok == "haiku" || tok == "fable" || tok == "mythos":
			tier = tok
			shape += "T"
		case len(tok) <= 2 && digits(tok):
			version = append(version, strings.TrimLeft(tok, "0"))
			shape += "N"
		case len(tok) == 8 && digits(tok), tok == "latest", tok == "fast",
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

// cloudPrefixes are the region prefixes of cloud inference profiles
// ("us.anthropic.claude-…"); "global." is the only one that is not regional.
var cloudPrefixes = []string{"global.", "us.", "eu.", "au.", "jp.", "apac."}

// cloudPrefix returns the cloud region prefix s starts with, or "".
func cloudPrefix(s string) string {
	for _, p := range cloudPrefixes {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

// IsRegionalID reports whether model is a cloud id pinned to a geography
// ("us.anthropic.claude-opus-4-8", "eu.…", "jp.…", "au.…", "apac.…"), which
// bills regional inference.
func IsRegionalID(model string) bool {
	s := cleanID(model)
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		s = s[i+1:]
	}
	p := cloudPrefix(s)
	return p != "" && p != "global."
}

// IsFastID reports whether model is an id some tools write for fast-mode
// requests: a known model id with a "-fast" word ("claude-opus-4-8-fast").
func IsFastID(model string) bool {
	if _, ok := Normalize(model); !ok {
		return false
	}
	s := strings.NewReplacer(".", "-", "_", "-", "[", "-", "@", "-", ":", "-").Replace(cleanID(model))
	return strings.Contains(s+"-", "-fast-")
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
