package mongodb

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"

	"usagedash/backend"
	"usagedash/backend/usage"
)

// closeTimeout bounds closing a cursor, which may need the server.
const closeTimeout = 5 * time.Second

// afterLog, when set (by tests), is called after each log is aggregated with
// how many logs the scan has read so far.
var afterLog func(read int64)

// projection keeps only the named fields (and drops _id).
func projection(fields ...string) bson.D {
	p := bson.D{{Key: "_id", Value: 0}}
	for _, f := range fields {
		p = append(p, bson.E{Key: f, Value: 1})
	}
	return p
}

// logProjection keeps only the fields the aggregation reads.
var logProjection = projection("instance_id", "workflow_id", "timestamp", "claude_mode",
	"token_usage", "tokens_used", "total_cost_usd", "execution_time_ms")

// LogFindOptions are the options of the source's find on logs: an inclusion
// projection of the fields the aggregation reads, and the batch size.
func LogFindOptions() *options.FindOptions {
	return options.Find().SetProjection(logProjection).SetBatchSize(logBatchSize)
}

// scanLogs streams the logs that match filter into add. An error after some
// logs were read means the caller's sums are partial: it must drop them.
func (s *Source) scanLogs(ctx context.Context, filter bson.D, add func(*usage.LogRecord)) error {
	cur, err := s.db.Collection("logs").Find(ctx, filter, LogFindOptions())
	if err != nil {
		return s.queryFailed(err)
	}
	defer closeCursor(ctx, cur)
	var rec usage.LogRecord
	var read int64
	for cur.Next(ctx) {
		if err := decodeLog(bsoncore.Document(cur.Current), &rec); err != nil {
			return backend.WrapError(err, backend.EBADDATA, "The database returned a log document usagedash cannot read.")
		}
		add(&rec)
		read++
		if afterLog != nil {
			afterLog(read)
		}
	}
	if err := cur.Err(); err != nil {
		if read > 0 {
			return s.lostMidScan(err, read)
		}
		return s.queryFailed(err)
	}
	return nil
}

// closeCursor releases a cursor without letting a dead server hold it up.
func closeCursor(ctx context.Context, cur *mongo.Cursor) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
	defer cancel()
	_ = cur.Close(ctx)
}

// each runs a find on a small collection and calls fn with every document.
func (s *Source) each(ctx context.Context, coll string, filter bson.D, opts *options.FindOptions, fn func(bson.Raw)) error {
	cur, err := s.db.Collection(coll).Find(ctx, filter, opts)
	if err != nil {
		return s.queryFailed(err)
	}
	defer closeCursor(ctx, cur)
	for cur.Next(ctx) {
		fn(cur.Current)
	}
	if err := cur.Err(); err != nil {
		return s.queryFailed(err)
	}
	return nil
}

// str reads a string field; missing, null or other types read "".
func str(doc bson.Raw, key string) string {
	s, _ := doc.Lookup(key).StringValueOK()
	return s
}

// instances reads the instances that match filter (one user's, or all).
func (s *Source) instances(ctx context.Context, filter bson.D) ([]usage.Instance, error) {
	var out []usage.Instance
	err := s.each(ctx, "instances", filter,
		options.Find().SetProjection(projection("id", "user_id", "workflow_id", "model", "claude_mode")),
		func(d bson.Raw) {
			out = append(out, usage.Instance{ID: str(d, "id"), UserID: str(d, "user_id"),
				WorkflowID: str(d, "workflow_id"), Model: str(d, "model"), Mode: str(d, "claude_mode")})
		})
	return out, err
}

// workflowNames maps the ids of the workflows that match filter to their
// names, and counts those workflows.
func (s *Source) workflowNames(ctx context.Context, filter bson.D) (map[string]string, int64, error) {
	names := map[string]string{}
	var n int64
	err := s.each(ctx, "workflows", filter, options.Find().SetProjection(projection("id", "name")),
		func(d bson.Raw) {
			n++
			if id := str(d, "id"); id != "" {
				names[id] = str(d, "name")
			}
		})
	return names, n, err
}

// usernames maps every user id to its username.
func (s *Source) usernames(ctx context.Context) (map[string]string, error) {
	names := map[string]string{}
	err := s.each(ctx, "users", bson.D{}, options.Find().SetProjection(projection("id", "username")),
		func(d bson.Raw) {
			if id := str(d, "id"); id != "" {
				names[id] = str(d, "username")
			}
		})
	return names, err
}
