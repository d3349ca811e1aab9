// Package redact removes credentials from text meant for people or files:
// source labels, connection names and period labels that may hold a URI;
// and makes a report's text safe to print and to store (textsafe.Clean).
package redact

import (
	"regexp"
	"strings"

	"usagedash/backend"
	"usagedash/backend/textsafe"
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
// label and account and the period's label; and with control characters
// removed (textsafe.Clean) from every text that came from a source: the
// user's id and name, the labels, the rows' keys and labels and the series
// note. Row tables are copied only when one of their rows changes. r is not
// modified.
func Report(r *backend.Report) *backend.Report {
	c := *r
	c.UserID = textsafe.Clean(c.UserID)
	c.Username = textsafe.Clean(c.Username)
	c.SeriesNote = textsafe.Clean(c.SeriesNote)
	c.Source.Label = textsafe.Clean(URIs(c.Source.Label))
	c.Source.Account = textsafe.Clean(URIs(c.Source.Account))
	c.Period.Label = textsafe.Clean(URIs(c.Period.Label))
	if b := c.Breakdowns; b != nil {
		nb := *b
		for _, rows := range []*[]backend.UsageRow{&nb.ByDay, &nb.ByModel, &nb.ByWorkflow, &nb.ByInstance, &nb.ByMode, &nb.ByUser} {
			*rows = cleanRows(*rows)
		}
		c.Breakdowns = &nb
	}
	if s := c.Series; s != nil {
		ns := *s
		ns.Rows = cleanRows(ns.Rows)
		c.Series = &ns
	}
	return &c
}

// cleanRows returns rows with clean keys and labels: rows itself when
// they already are, else a cleaned copy.
func cleanRows(rows []backend.UsageRow) []backend.UsageRow {
	var out []backend.UsageRow
	for i, row := range rows {
		key, label := textsafe.Clean(row.Key), textsafe.Clean(row.Label)
		if out == nil && (key != row.Key || label != row.Label) {
			out = append(make([]backend.UsageRow, 0, len(rows)), rows[:i]...)
		}
		if out != nil {
			row.Key, row.Label = key, label
			out = append(out, row)
		}
	}
	if out == nil {
		return rows
	}
	return out
}
