// Package redact removes credentials from text meant for people or files:
// source labels, connection names and period labels that may hold a URI.
package redact

import (
	"regexp"
	"strings"

	"usagedash/backend"
)

var (
	// uriUserinfoRE matches a URI's scheme and user information, up to the
	// last "@" of the word so that unescaped "@" in passwords go too.
	uriUserinfoRE = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://)[^\s]*@`)
	// uriQueryRE matches a URI's query, where options such as password=,
	// authMechanismProperties or tokens may sit.
	uriQueryRE = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s?]*)\?\S*`)
)

// URIs removes credentials from URIs inside a human label: user information
// ("mongodb://u:secret@h" becomes "mongodb://h") and queries. Text without
// "://" is returned as is.
func URIs(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	s = uriUserinfoRE.ReplaceAllString(s, "${1}")
	return uriQueryRE.ReplaceAllString(s, "${1}")
}

// Report returns a shallow copy of r with credentials removed (see URIs) from
// the labels a source or a person may have filled with a URI: the source's
// label and account and the period's label. r is not modified.
func Report(r *backend.Report) *backend.Report {
	c := *r
	c.Source.Label = URIs(c.Source.Label)
	c.Source.Account = URIs(c.Source.Account)
	c.Period.Label = URIs(c.Period.Label)
	return &c
}
