package sample

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// insertBatch is how many documents one insertMany carries by default.
const insertBatch = 1000

// Load writes ds into db's users, workflows, instances and logs collections
// and creates the platform's indexes. It is for sample and test databases:
// usagedash itself never writes to a platform database.
func Load(ctx context.Context, db *mongo.Database, ds *Dataset) error {
	return LoadWith(ctx, db, ds, LoadOptions{})
}

// LoadOptions tune Load for big datasets.
type LoadOptions struct {
	// BatchSize is how many documents one unordered insertMany carries
	// (default 1000).
	BatchSize int
}

// LoadWith is Load with options.
func LoadWith(ctx context.Context, db *mongo.Database, ds *Dataset, opts LoadOptions) error {
	batch := opts.BatchSize
	if batch <= 0 {
		batch = insertBatch
	}
	if err := insert(ctx, db.Collection("users"), ds.Users, User.Document, batch); err != nil {
		return err
	}
	if err := insert(ctx, db.Collection("workflows"), ds.Workflows, Workflow.Document, batch); err != nil {
		return err
	}
	if err := insert(ctx, db.Collection("instances"), ds.Instances, Instance.Document, batch); err != nil {
		return err
	}
	if err := insert(ctx, db.Collection("logs"), ds.Logs, Log.Document, batch); err != nil {
		return err
	}
	return createIndexes(ctx, db)
}

func insert[T any](ctx context.Context, coll *mongo.Collection, items []T, doc func(T) bson.D, batch int) error {
	for start := 0; start < len(items); start += batch {
		end := min(start+batch, len(items))
		docs := make([]any, 0, end-start)
		for _, it := range items[start:end] {
			docs = append(docs, doc(it))
		}
		if _, err := coll.InsertMany(ctx, docs, options.InsertMany().SetOrdered(false)); err != nil {
			return fmt.Errorf("insert into %s: %w", coll.Name(), err)
		}
	}
	return nil
}

// createIndexes creates the indexes the platform creates.
func createIndexes(ctx context.Context, db *mongo.Database) error {
	idx := []struct {
		coll  string
		model mongo.IndexModel
	}{
		{"users", mongo.IndexModel{Keys: bson.D{{Key: "username", Value: 1}}, Options: options.Index().SetUnique(true)}},
		{"logs", mongo.IndexModel{Keys: bson.D{{Key: "instance_id", Value: 1}, {Key: "timestamp", Value: -1}}}},
		{"logs", mongo.IndexModel{Keys: bson.D{{Key: "workflow_id", Value: 1}, {Key: "timestamp", Value: -1}}}},
	}
	for _, i := range idx {
		if _, err := db.Collection(i.coll).Indexes().CreateOne(ctx, i.model); err != nil {
			return fmt.Errorf("index on %s: %w", i.coll, err)
		}
	}
	return nil
}

// LoadURI connects to the server at uri, loads ds into database and
// disconnects: the one-call setup of tests and the sample platform.
func LoadURI(ctx context.Context, uri, database string, ds *Dataset) error {
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(uri))
	if err != nil {
		return err
	}
	defer client.Disconnect(context.WithoutCancel(ctx))
	return Load(ctx, client.Database(database), ds)
}
