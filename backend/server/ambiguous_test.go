package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"golang.org/x/crypto/bcrypt"

	"usagedash/backend/platform"
)

// insertAmbiguousUsers stores two active users where the first one's email
// is the second one's username, the email owner first so that a query
// matching either field meets it first. It returns the shared string.
func insertAmbiguousUsers(t *testing.T, e *env) string {
	t.Helper()
	hash := func(pw string) string {
		h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	shared := "ada@example.org"
	_, err := e.db.Collection("users").InsertMany(ctx, []any{
		bson.D{{Key: "id", Value: "u-email-owner"}, {Key: "username", Value: "mallory"}, {Key: "email", Value: shared},
			{Key: "hashed_password", Value: hash("mallory-pw")}, {Key: "is_active", Value: true}},
		bson.D{{Key: "id", Value: "u-username-owner"}, {Key: "username", Value: shared}, {Key: "email", Value: "ada2@example.org"},
			{Key: "hashed_password", Value: hash("ada-pw")}, {Key: "is_active", Value: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return shared
}

// TestUsernameWinsOverEmail: signing in with a string that is one user's
// username and another's email always means the username's owner.
func TestUsernameWinsOverEmail(t *testing.T) {
	e := newEnv(t)
	shared := insertAmbiguousUsers(t, e)
	r := e.login(shared, "ada-pw")
	if r.status != http.StatusOK {
		t.Fatalf("the username's owner: %d %s", r.status, r.body)
	}
	var lr platform.LoginResponse
	if err := json.Unmarshal(r.body, &lr); err != nil {
		t.Fatal(err)
	}
	if lr.User.ID != "u-username-owner" || lr.User.Username != shared {
		t.Fatalf("signed in as %+v", lr.User)
	}
	// The email's owner signs in with the username; the shared string with
	// their password is a wrong password for the username's owner.
	wantError(t, e.login(shared, "mallory-pw"), http.StatusUnauthorized, badLogin)
	if r := e.login("mallory", "mallory-pw"); r.status != http.StatusOK {
		t.Fatalf("mallory by username: %d %s", r.status, r.body)
	}
}
