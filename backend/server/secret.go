package server

import (
	"strings"

	"usagedash/backend"
)

// MinSecretBytes is the shortest token secret CheckSecret accepts.
const MinSecretBytes = 32

// minDistinctBytes is how many different byte values a secret must contain.
const minDistinctBytes = 10

// secretHint tells the operator how to make a good secret.
const secretHint = "generate one with `openssl rand -base64 48`"

// publishedSecrets are keys copied from tutorials and templates; anyone can
// forge tokens signed with them.
var publishedSecrets = []string{
	// The SECRET_KEY of FastAPI's OAuth2/JWT tutorial.
	"09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7",
}

// placeholderWords betray a placeholder rather than a random secret.
var placeholderWords = []string{"changeme", "change-me", "change_me", "change-this", "change_this",
	"your-secret", "your_secret", "secret-key", "secret_key", "secretkey", "example", "password"}

// CheckSecret refuses token secrets that are easy to guess: fewer than 32
// bytes, fewer than 10 distinct byte values (such as one repeated
// character), a key published in a tutorial, or placeholder text. Its error
// is an EINVALID *backend.Error whose message says which rule the secret
// breaks and how to make a good one.
func CheckSecret(secret []byte) error {
	if len(secret) == 0 {
		return backend.Errorf(backend.EINVALID, "A token secret is required (there is no default); %s.", secretHint)
	}
	if len(secret) < MinSecretBytes {
		return backend.Errorf(backend.EINVALID, "The token secret is %d bytes; it must be at least %d random bytes (%s).",
			len(secret), MinSecretBytes, secretHint)
	}
	var seen [256]bool
	distinct := 0
	for _, b := range secret {
		if !seen[b] {
			seen[b] = true
			distinct++
		}
	}
	if distinct < minDistinctBytes {
		return backend.Errorf(backend.EINVALID, "The token secret has only %d distinct characters; it must be random, not a repeated pattern (%s).",
			distinct, secretHint)
	}
	lower := strings.ToLower(string(secret))
	for _, p := range publishedSecrets {
		if lower == p {
			return backend.Errorf(backend.EINVALID, "The token secret is a published example key that anyone can use to forge tokens; %s.", secretHint)
		}
	}
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return backend.Errorf(backend.EINVALID, "The token secret looks like placeholder text (it contains %q); %s.", w, secretHint)
		}
	}
	return nil
}
