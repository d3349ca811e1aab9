package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
)

// secretBytes is the size of the token secret the sample signs sessions with.
const secretBytes = 48

// checkFree fails with a clear sentence when addr (host:port with a fixed
// port) cannot be listened on, naming the flag and the make variable that
// choose another port. Port 0 (any free port) is always free.
func checkFree(addr, flagName, envName string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%s %q is not a host:port address such as 127.0.0.1:18787", flagName, addr)
	}
	if port == "0" {
		return nil
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("%s is already in use (is another sample platform running?): stop it, or choose another port with %s (make run: %s=PORT)",
			addr, flagName, envName)
	}
	return l.Close()
}

// loadSecret returns the token secret kept in path, creating it (random,
// mode 0600) on first use, so sessions signed in one run stay valid in the
// next. An empty path gives a new secret each run.
func loadSecret(path string) ([]byte, error) {
	if path != "" {
		data, err := os.ReadFile(path)
		if err == nil {
			secret, err := hex.DecodeString(strings.TrimSpace(string(data)))
			if err != nil || len(secret) < secretBytes {
				return nil, fmt.Errorf("the secret file %s is not %d hex-encoded bytes; delete it to make a new one", path, secretBytes)
			}
			return secret, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	secret := make([]byte, secretBytes)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	if path == "" {
		return secret, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(secret)+"\n"), 0o600); err != nil {
		return nil, err
	}
	return secret, nil
}
