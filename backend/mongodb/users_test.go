package mongodb_test

import (
	"context"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/backend"
	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
)

// TestUsernameWinsOverEmail: when one user's email is another's username,
// a report for that string is the username owner's; the owner of the email
// is reached by their own username. Escape codes in stored names are gone
// from the report and from the user list.
func TestUsernameWinsOverEmail(t *testing.T) {
	srv := ferret.MustStart(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(srv.URI()))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Disconnect(context.Background())
	shared := "ada@example.org"
	// The email's owner is stored first, so that a query matching either
	// field meets it first.
	_, err = client.Database(mongodb.DefaultDatabase).Collection("users").InsertMany(ctx, []any{
		bson.D{{Key: "id", Value: "u-email-owner"}, {Key: "username", Value: "mallory\x1b]0;pwned\x07"}, {Key: "email", Value: shared}, {Key: "is_active", Value: true}},
		bson.D{{Key: "id", Value: "u-username-owner"}, {Key: "username", Value: shared}, {Key: "email", Value: "ada2@example.org"}, {Key: "is_active", Value: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := mongodb.Open(ctx, mongodb.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close(context.Background())
	for account, wantID := range map[string]string{shared: "u-username-owner", "ada2@example.org": "u-username-owner", "mallory\x1b]0;pwned\x07": "u-email-owner"} {
		r, err := src.Report(ctx, backend.Query{Account: account, Period: backend.Period{Preset: backend.PresetAllTime, TimeZone: "UTC"}})
		if err != nil {
			t.Fatalf("%q: %v", account, err)
		}
		if r.UserID != wantID {
			t.Errorf("report for %q is %s's, want %s's", account, r.UserID, wantID)
		}
		if wantID == "u-email-owner" && r.Username != "mallory]0;pwned" {
			t.Errorf("username %q kept its control characters", r.Username)
		}
	}
	users, err := src.ListUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 || users[0].Username != shared || users[1].Username != "mallory]0;pwned" {
		t.Fatalf("users %+v", users)
	}
}
