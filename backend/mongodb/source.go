// Package mongodb reads usage straight from the platform's MongoDB database
// with the official driver. It only reads: it never writes or creates indexes.
//
// The one query shape that is exact on MongoDB and on MongoDB-compatible
// servers such as FerretDB is used: the user's instance ids, then an indexed
// find of their logs streamed into a single-pass aggregation in Go.
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
	"usagedash/backend/usage"
)

// DefaultDatabase is the platform's database name.
const DefaultDatabase = "claude_workflows"

// logBatchSize is how many logs one cursor batch carries.
const logBatchSize = 5000

// Config says how to reach the platform's database.
type Config struct {
	// URI is a mongodb:// or mongodb+srv:// connection string. It is a secret:
	// it may carry a password, so it never appears in messages.
	URI string
	// Database defaults to DefaultDatabase.
	Database string
}

// Describe labels cfg for people, without credentials: "MongoDB host:port / database".
func Describe(cfg Config) string {
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	hosts := "(invalid address)"
	if cs, err := connstring.Parse(cfg.URI); err == nil {
		hosts = strings.Join(cs.Hosts, ",")
	}
	return "MongoDB " + hosts + " / " + cfg.Database
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
		return nil, backend.Errorf(backend.EINVALID,
			"The MongoDB connection string is not valid; it should look like mongodb://host:27017/ or mongodb+srv://cluster.example.com/.")
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
		return nil, backend.Errorf(backend.EINVALID, "The MongoDB connection options are not valid.")
	}
	label := Describe(cfg)
	if err := client.Ping(ctx, nil); err != nil {
		_ = client.Disconnect(context.WithoutCancel(ctx))
		return nil, unreachable(err, label)
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

// Report computes q's report with the platform's semantics: workflows and
// instances counted over all time, logs of the user's instances in q's period.
func (s *Source) Report(ctx context.Context, q backend.Query) (*backend.Report, error) {
	u, err := s.findUser(ctx, q.Account)
	if err != nil {
		return nil, err
	}
	workflows, err := s.db.Collection("workflows").CountDocuments(ctx, bson.D{{Key: "user_id", Value: u.ID}})
	if err != nil {
		return nil, s.queryFailed(err)
	}
	instanceIDs, err := s.instanceIDs(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	var totals usage.Totals
	if len(instanceIDs) > 0 {
		if err := s.scanLogs(ctx, instanceIDs, q.Period, totals.Add); err != nil {
			return nil, err
		}
	}
	r := &backend.Report{
		UserID:         u.ID,
		Username:       u.Username,
		TotalWorkflows: workflows,
		TotalInstances: int64(len(instanceIDs)),
		PeriodStart:    utc(q.Period.Start),
		PeriodEnd:      utc(q.Period.End),
		Source:         backend.SourceInfo{Kind: backend.SourceMongoDB, Label: s.label, Account: u.Username},
		GeneratedAt:    time.Now().UTC(),
		Period:         q.Period,
	}
	totals.Apply(r)
	return r, nil
}

func (s *Source) findUser(ctx context.Context, account string) (user, error) {
	account = strings.TrimSpace(account)
	if account == "" {
		return user{}, backend.Errorf(backend.EINVALID, "Choose whose usage to show: a username or email.")
	}
	filter := bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "username", Value: account}},
		bson.D{{Key: "email", Value: account}},
	}}}
	var u user
	err := s.db.Collection("users").FindOne(ctx, filter,
		options.FindOne().SetProjection(bson.D{{Key: "id", Value: 1}, {Key: "username", Value: 1}})).Decode(&u)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return user{}, s.noSuchUser(ctx, account)
	}
	if err != nil {
		return user{}, s.queryFailed(err)
	}
	return u, nil
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

func (s *Source) instanceIDs(ctx context.Context, userID string) ([]string, error) {
	cur, err := s.db.Collection("instances").Find(ctx, bson.D{{Key: "user_id", Value: userID}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 0}, {Key: "id", Value: 1}}))
	if err != nil {
		return nil, s.queryFailed(err)
	}
	defer cur.Close(context.WithoutCancel(ctx))
	var ids []string
	for cur.Next(ctx) {
		if id, ok := cur.Current.Lookup("id").StringValueOK(); ok {
			ids = append(ids, id)
		}
	}
	if err := cur.Err(); err != nil {
		return nil, s.queryFailed(err)
	}
	return ids, nil
}

// logProjection keeps only the fields the aggregation reads.
var logProjection = bson.D{
	{Key: "_id", Value: 0},
	{Key: "instance_id", Value: 1},
	{Key: "timestamp", Value: 1},
	{Key: "token_usage", Value: 1},
	{Key: "tokens_used", Value: 1},
	{Key: "total_cost_usd", Value: 1},
	{Key: "execution_time_ms", Value: 1},
}

// scanLogs streams the logs of instanceIDs in period into add.
func (s *Source) scanLogs(ctx context.Context, instanceIDs []string, period backend.Period, add func(*usage.LogRecord)) error {
	filter := bson.D{{Key: "instance_id", Value: bson.D{{Key: "$in", Value: instanceIDs}}}}
	if r := timeRange(period); r != nil {
		filter = append(filter, bson.E{Key: "timestamp", Value: r})
	}
	cur, err := s.db.Collection("logs").Find(ctx, filter,
		options.Find().SetProjection(logProjection).SetBatchSize(logBatchSize))
	if err != nil {
		return s.queryFailed(err)
	}
	defer cur.Close(context.WithoutCancel(ctx))
	var rec usage.LogRecord
	for cur.Next(ctx) {
		if err := decodeLog([]byte(cur.Current), &rec); err != nil {
			return backend.WrapError(err, backend.EBADDATA, "The database returned a log document usagedash cannot read.")
		}
		add(&rec)
	}
	if err := cur.Err(); err != nil {
		return s.queryFailed(err)
	}
	return nil
}

// timeRange is the timestamp filter for period, or nil for all time.
func timeRange(p backend.Period) bson.D {
	var r bson.D
	if p.Start != nil {
		r = append(r, bson.E{Key: "$gte", Value: p.Start.UTC()})
	}
	if p.End != nil {
		r = append(r, bson.E{Key: "$lte", Value: p.End.UTC()})
	}
	return r
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// queryFailed maps a driver error met while reading to a safe message.
func (s *Source) queryFailed(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return backend.WrapError(err, backend.EUNAVAILABLE, "The database did not answer in time ("+s.label+").")
	}
	if errors.Is(err, context.Canceled) {
		return backend.WrapError(err, backend.EUNAVAILABLE, "The request was cancelled.")
	}
	if mongo.IsNetworkError(err) || isSelectionError(err) {
		return unreachable(err, s.label)
	}
	return backend.WrapError(err, backend.EUNAVAILABLE, "The database refused the query ("+s.label+").")
}

func unreachable(err error, label string) error {
	return backend.WrapError(err, backend.EUNAVAILABLE, "Cannot reach "+label+". Check that the server is running and the address is right.")
}

func isSelectionError(err error) bool {
	var se topologyError
	return errors.As(err, &se) || errors.Is(err, mongo.ErrClientDisconnected) ||
		strings.Contains(err.Error(), "server selection")
}

// topologyError matches the driver's server selection errors by behaviour.
type topologyError interface{ Unwrap() error }
