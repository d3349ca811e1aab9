package mongodb_test

import (
	"testing"

	"usagedash/backend/mongodb"
)

func TestSplitAndJoinPassword(t *testing.T) {
	cases := []struct{ uri, without, password string }{
		{"mongodb://reader:p%40ss:w0rd@db1:27017,db2:27017/claude?authSource=admin&replicaSet=rs0",
			"mongodb://reader@db1:27017,db2:27017/claude?authSource=admin&replicaSet=rs0", "p%40ss:w0rd"},
		{"mongodb+srv://u:secret@cluster0.example.net/?retryWrites=true", "mongodb+srv://u@cluster0.example.net/?retryWrites=true", "secret"},
		{"mongodb://u@host/", "mongodb://u@host/", ""},
		{"mongodb://host:27017", "mongodb://host:27017", ""},
		{"mongodb://host/?x=a@b", "mongodb://host/?x=a@b", ""},
	}
	for _, c := range cases {
		without, password := mongodb.SplitPassword(c.uri)
		if without != c.without || password != c.password {
			t.Errorf("SplitPassword(%q) = %q, %q; want %q, %q", c.uri, without, password, c.without, c.password)
		}
		if back := mongodb.JoinPassword(without, password); back != c.uri {
			t.Errorf("JoinPassword gave %q, want %q", back, c.uri)
		}
	}
}
