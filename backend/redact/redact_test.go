package redact_test

import (
	"strings"
	"testing"

	"usagedash/backend/redact"
)

func TestURIsDropsUserinfoAndQueries(t *testing.T) {
	cases := map[string]string{
		"MongoDB 127.0.0.1:27017 / claude_workflows":                  "MongoDB 127.0.0.1:27017 / claude_workflows",
		"mongodb://user:secret@db.example.com:27017/x":                "mongodb://db.example.com:27017/x",
		"mongodb+srv://u:p@ss@cluster0.example.net/?authSource=admin": "mongodb+srv://cluster0.example.net/",
		"see https://h.example/p?token=secret and more":               "see https://h.example/p and more",
	}
	for in, want := range cases {
		got := redact.URIs(in)
		if got != want || strings.Contains(got, "secret") {
			t.Errorf("URIs(%q) = %q, want %q", in, got, want)
		}
	}
}
