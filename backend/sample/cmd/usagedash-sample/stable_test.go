package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestATakenPortIsRefusedWithWhatToDo(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	err = checkFree(l.Addr().String(), "--mongo-listen", "USAGEDASH_SAMPLE_MONGO_PORT")
	want := l.Addr().String() + " is already in use (is another sample platform running?): stop it, or choose another port with --mongo-listen (make run: USAGEDASH_SAMPLE_MONGO_PORT=PORT)"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
	if err := checkFree("127.0.0.1:0", "--listen", "X"); err != nil {
		t.Fatalf("port 0 is any free port: %v", err)
	}
	if err := checkFree("no-port", "--listen", "X"); err == nil || !strings.Contains(err.Error(), "not a host:port address") {
		t.Fatalf("a malformed address: %v", err)
	}
}

func TestTheSecretFileKeepsSessionsAcrossRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "secret")
	first, err := loadSecret(path)
	if err != nil || len(first) != secretBytes {
		t.Fatalf("first run: %v, %d bytes", err, len(first))
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("secret file %v, mode %v", err, st.Mode())
	}
	again, err := loadSecret(path)
	if err != nil || !bytes.Equal(first, again) {
		t.Fatalf("the second run has another secret: %v", err)
	}
	a, _ := loadSecret("")
	b, _ := loadSecret("")
	if len(a) != secretBytes || bytes.Equal(a, b) {
		t.Fatal("without a file each run has a new random secret")
	}
	if err := os.WriteFile(path, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadSecret(path); err == nil || !strings.Contains(err.Error(), "delete it to make a new one") {
		t.Fatalf("a broken secret file: %v", err)
	}
}
