package mongodb

import (
	"cmp"
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// ListUsers lists the platform's users sorted by username. It reads only the
// fields a user picker shows (never the password hash), their text cleaned
// of control characters. Picking one is best done by its ID: a username
// or email typed for a report resolves as findUser does (username first).
func (s *Source) ListUsers(ctx context.Context) ([]backend.UserSummary, error) {
	var users []backend.UserSummary
	err := s.each(ctx, "users", bson.D{},
		options.Find().SetProjection(projection("id", "username", "email", "full_name", "is_active")),
		func(d bson.Raw) {
			active, _ := d.Lookup("is_active").BooleanOK()
			users = append(users, backend.UserSummary{ID: str(d, "id"), Username: textsafe.Clean(str(d, "username")),
				Email: textsafe.Clean(str(d, "email")), FullName: textsafe.Clean(str(d, "full_name")), IsActive: active})
		})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(users, func(a, b backend.UserSummary) int {
		return cmp.Or(cmp.Compare(a.Username, b.Username), cmp.Compare(a.ID, b.ID))
	})
	return users, nil
}

// countBudget bounds the estimated count of logs: MongoDB answers it from
// metadata at once, but FerretDB counts by scanning every document.
var countBudget = time.Second

// ServerInfo tests the connection: the server's version, whether the
// database looks like the platform's, how many users it has, and (when the
// server can say within a second) an estimate of how many logs.
func (s *Source) ServerInfo(ctx context.Context) (backend.ServerInfo, error) {
	info := backend.ServerInfo{Database: s.db.Name(), Logs: -1}
	var build struct {
		Version         string `bson:"version"`
		FerretDBVersion string `bson:"ferretdbVersion"`
	}
	if err := s.db.RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&build); err != nil {
		return info, s.queryFailed(err)
	}
	info.Version = build.Version
	switch build.FerretDBVersion {
	case "":
	case "unknown": // an embedded FerretDB built without version data
		info.Version += " (FerretDB)"
	default:
		info.Version += " (FerretDB " + build.FerretDBVersion + ")"
	}
	names, err := s.db.ListCollectionNames(ctx, bson.D{{Key: "name", Value: bson.D{{Key: "$in", Value: bson.A{"users", "logs"}}}}})
	if err != nil {
		return info, s.queryFailed(err)
	}
	info.PlatformSchema = len(names) == 2
	if info.Users, err = s.db.Collection("users").CountDocuments(ctx, bson.D{}); err != nil {
		return info, s.queryFailed(err)
	}
	cctx, cancel := context.WithTimeout(ctx, countBudget)
	defer cancel()
	n, err := s.db.Collection("logs").EstimatedDocumentCount(cctx, options.EstimatedDocumentCount().SetMaxTime(countBudget))
	switch {
	case err == nil:
		info.Logs = n
	case ctx.Err() != nil:
		return info, s.queryFailed(ctx.Err())
	}
	// Any other failure (out of budget, or a server without the count
	// command) leaves Logs at -1: unknown, not an error.
	return info, nil
}
