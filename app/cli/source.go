package cli

import (
	"context"
	"time"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/profiles"
	"usagedash/backend/secrets"
)

// openProfile finds the saved connection named (or with the id) ref,
// reading the saved connections without changing the file.
func openProfile(paths app.Paths, ref string) (backend.Profile, backend.ProfileStore, error) {
	store, err := profiles.OpenReadOnly(paths.Profiles)
	if err != nil {
		return backend.Profile{}, nil, err
	}
	p, err := app.FindProfile(store, ref)
	return p, store, err
}

// profileSource returns a source for the saved connection ref for one run.
// A platform connection uses its stored session while it lasts; otherwise it
// signs in with password (asked for only when needed) without storing it.
func profileSource(ctx context.Context, paths app.Paths, ref string, password func() (string, error)) (backend.Source, backend.Profile, error) {
	p, store, err := openProfile(paths, ref)
	if err != nil {
		return nil, p, err
	}
	secretStore, _ := secrets.Open(paths.Secrets)
	conns := app.NewConnections(store, secretStore)
	src, err := conns.OneRunSource(ctx, p, password)
	return src, p, err
}

func closeQuietly(s backend.Source) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.Close(ctx)
}
