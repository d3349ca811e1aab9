// Package mongodb reads usage straight from the platform's MongoDB database
// with the official driver. It only reads: it never writes or creates indexes.
//
// The one query shape that is exact on MongoDB and on MongoDB-compatible
// servers such as FerretDB is used: the user's instances, then an indexed
// find of their logs streamed into a single-pass aggregation in Go
// (usage.Aggregator) that fills the totals and every breakdown at once.
package mongodb

import (
	"context"
	"errors"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/mongo/readpref"
	"go.mongodb.org/mongo-driver/x/mongo/driver/connstring"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// DefaultDatabase is the platform's database name.
const DefaultDatabase = "claude_workflows"

// logBatchSize is how many logs one cursor batch carries. Tests lower it to
// make a find take several batches.
var logBatchSize int32 = 5000

// Config says how to reach the platform's database.
type Config struct {
	// URI is a mongodb:// or mongodb+srv:// connection string. It is a secret:
	// it may carry a password, so it never appears in messages.
	URI string
	// Database defaults to DefaultDatabase.
	Database string
}

// Describe labels cfg for people, without credentials: "MongoDB host:port / database",
// each part cleaned and cut to textsafe.MaxQuoted characters.
func Describe(cfg Config) string {
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	hosts := "(invalid address)"
	if cs, err := connstring.Parse(cfg.URI); err == nil {
		hosts = strings.Join(cs.Hosts, ",")
	}
	return "MongoDB " + textsafe.Quote(hosts) + " / " + textsafe.Quote(cfg.Database)
}

// Source is a backend.Source over the platform's MongoDB.
type Source struct {
	client *mongo.Client
	db     *mongo.Database
	label  string
}

var _ backend.Source = (*Source)(nil)

// Open connects to the database and checks that it answers before ctx ends.
// The read preference is secondaryPreferred unless the URI sets one.
func Open(ctx context.Context, cfg Config) (*Source, error) {
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	cs, err := connstring.ParseAndValidate(cfg.URI)
	if err != nil {
		return nil, uriError(err)
	}
	if err := unknownOptions(cs); err != nil {
		return nil, err
	}
	opts := options.Client().ApplyURI(cfg.URI).SetAppName("usagedash")
	if cs.ReadPreference == "" {
		opts.SetReadPreference(readpref.SecondaryPreferred())
	}
	if deadline, ok := ctx.Deadline(); ok && !cs.ServerSelectionTimeoutSet {
		opts.SetServerSelectionTimeout(time.Until(deadline))
	}
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return nil, uriError(err)
	}
	label := Describe(cfg)
	if err := client.Ping(ctx, nil); err != nil {
		_ = client.Disconnect(context.WithoutCancel(ctx))
		return nil, openError(ctx, err, label)
	}
	return &Source{client: client, db: client.Database(cfg.Database), label: label}, nil
}

// Info describes the source without secrets.
func (s *Source) Info() backend.SourceInfo {
	return backend.SourceInfo{Kind: backend.SourceMongoDB, Label: s.label}
}

// Close disconnects from the server.
func (s *Source) Close(ctx context.Context) error { return s.client.Disconnect(ctx) }

// user is the part of a platform user usagedash reads.
type user struct {
	ID       string `bson:"id"`
	Username string `bson:"username"`
}

// Database returns the platform database the source reads.
func (s *Source) Database() *mongo.Database { return s.db }

// findUser finds the user whose username or email is account. An exact
// username match wins over an email match (one user's username may be
// another's email), so a name always means the same person; among several
// users with that email, the one with the smallest platform id.
func (s *Source) findUser(ctx context.Context, account string) (user, error) {
	account = strings.TrimSpace(account)
	if account == "" {
		return user{}, backend.Errorf(backend.EINVALID, "Choose whose usage to show: a username or email.")
	}
	for _, field := range []string{"username", "email"} {
		var u user
		err := s.db.Collection("users").FindOne(ctx, bson.D{{Key: field, Value: account}},
			options.FindOne().SetProjection(projection("id", "username")).SetSort(bson.D{{Key: "id", Value: 1}})).Decode(&u)
		if err == nil {
			u.Username = textsafe.Clean(u.Username)
			return u, nil
		}
		if !errors.Is(err, mongo.ErrNoDocuments) {
			return user{}, s.queryFailed(err)
		}
	}
	return user{}, s.noSuchUser(ctx, account)
}

// noSuchUser explains a failed user lookup: a wrong database is a likelier
// mistake than a wrong name when the database has no users at all.
func (s *Source) noSuchUser(ctx context.Context, account string) error {
	names, err := s.db.ListCollectionNames(ctx, bson.D{{Key: "name", Value: "users"}})
	if err == nil && len(names) == 0 {
		return backend.Errorf(backend.ENOTFOUND, "Database %q has no platform users. Is it the platform's database?", s.db.Name())
	}
	return backend.Errorf(backend.ENOTFOUND, "No user %q in %s.", account, s.label)
}
