package app

import (
	"context"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/mongodb"
)

// DatabaseService is bound to the window: it tests a MongoDB connection and
// lists its users for the user picker, before or after the profile is saved.
type DatabaseService struct {
	life    *Lifecycle
	conns   *Connections
	timeout time.Duration
}

// NewDatabaseService returns a DatabaseService whose calls are bounded by timeout.
func NewDatabaseService(life *Lifecycle, conns *Connections, timeout time.Duration) *DatabaseService {
	return &DatabaseService{life: life, conns: conns, timeout: timeout}
}

// TestConnection connects with p's settings and describes what answered.
func (d *DatabaseService) TestConnection(p backend.Profile) (*backend.ServerInfo, error) {
	var info backend.ServerInfo
	err := d.withSource(p, func(ctx context.Context, s *mongodb.Source) error {
		var err error
		info, err = s.ServerInfo(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &info, nil
}

// ListUsers lists the platform's users (never their password hashes).
func (d *DatabaseService) ListUsers(p backend.Profile) ([]backend.UserSummary, error) {
	var users []backend.UserSummary
	err := d.withSource(p, func(ctx context.Context, s *mongodb.Source) error {
		var err error
		users, err = s.ListUsers(ctx)
		return err
	})
	if users == nil {
		users = []backend.UserSummary{}
	}
	return users, err
}

// withSource opens a short-lived source for p. A URI typed without its
// password uses the password stored for the saved profile, if any.
func (d *DatabaseService) withSource(p backend.Profile, fn func(context.Context, *mongodb.Source) error) error {
	uri := strings.TrimSpace(p.MongoURI)
	if uri == "" {
		return backend.Errorf(backend.EINVALID, "Enter the MongoDB connection string, such as mongodb://db.example.com:27017.")
	}
	ctx, cancel := context.WithTimeout(d.life.Context(), d.timeout)
	defer cancel()
	if _, password := mongodb.SplitPassword(uri); password == "" && p.ID != "" {
		stored, err := d.conns.Password(ctx, p.ID)
		if err != nil {
			return err
		}
		uri = mongodb.JoinPassword(uri, stored)
	}
	src, err := mongodb.Open(ctx, mongodb.Config{URI: uri, Database: p.Database})
	if err != nil {
		return err
	}
	defer src.Close(context.WithoutCancel(ctx))
	return fn(ctx, src)
}
