package app

import (
	"context"
	"net/url"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
)

// ProfileService is bound to the window: it lists, saves, deletes and
// activates connection profiles.
type ProfileService struct {
	life    *Lifecycle
	ws      *Workspace
	warning string
	demo    DemoAccount
}

// DemoAccount is the sample platform's public demo sign-in, shown on the
// connect screen when the demo profile exists.
type DemoAccount struct {
	BaseURL  string
	Login    string
	Password string
}

// profileTimeout bounds one call of the service (its keychain calls).
const profileTimeout = 20 * time.Second

// NewProfileService returns a ProfileService. warning explains where secrets
// are kept when there is no keychain (and any file set aside at start-up);
// demo (BaseURL set) adds or updates the demo profile.
func NewProfileService(life *Lifecycle, ws *Workspace, warning string, demo DemoAccount) (*ProfileService, error) {
	s := &ProfileService{life: life, ws: ws, warning: warning, demo: demo}
	if demo.BaseURL != "" {
		if err := s.ensureDemo(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// ctx is the context of one call.
func (s *ProfileService) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(s.life.Context(), profileTimeout)
}

// ensureDemo points the demo profile at the running sample platform.
func (s *ProfileService) ensureDemo() error {
	conns := s.ws.Connections()
	list, err := conns.Profiles()
	if err != nil {
		return err
	}
	demo := backend.Profile{Name: "Demo platform", Kind: backend.SourcePlatform, Demo: true}
	for _, p := range list {
		if p.Demo {
			demo = p
		}
	}
	if demo.BaseURL == s.demo.BaseURL && demo.Login == s.demo.Login {
		return nil
	}
	demo.BaseURL, demo.Login = s.demo.BaseURL, s.demo.Login
	if demo.ID != "" {
		// A new sample platform signs with a new key: the old session is void.
		ctx, cancel := s.ctx()
		defer cancel()
		if err := s.ws.DropSession(ctx, demo.ID, false); err != nil {
			return err
		}
	}
	_, err = conns.SaveProfile(demo)
	return err
}

// State returns the profiles, the active one and where secrets are kept.
// A locked or failing keychain fails the call with its reason (ELOCKED for
// a locked one) instead of showing every connection as signed out.
func (s *ProfileService) State() (*ProfilesState, error) {
	conns := s.ws.Connections()
	list, err := conns.Profiles()
	if err != nil {
		return nil, err
	}
	active, err := conns.ActiveID()
	if err != nil {
		return nil, err
	}
	ctx, cancel := s.ctx()
	defer cancel()
	st := &ProfilesState{Profiles: []ProfileView{}, ActiveID: active, SecretStorage: conns.SecretStorage(), SecretWarning: s.warning}
	for _, p := range list {
		v := ProfileView{Profile: p}
		switch p.Kind {
		case backend.SourcePlatform:
			v.Insecure = insecureURL(p.BaseURL)
			if v.Session, err = conns.SessionInfo(ctx, p.ID); err != nil {
				return nil, err
			}
		case backend.SourceMongoDB:
			if v.HasPassword, err = conns.HasPassword(ctx, p.ID); err != nil {
				return nil, err
			}
		}
		if p.Demo {
			st.DemoLogin, st.DemoPassword = s.demo.Login, s.demo.Password
		}
		st.Profiles = append(st.Profiles, v)
	}
	return st, nil
}

// Save adds or updates a profile. A password inside a MongoDB URI is moved to
// the secret store; the saved URI never contains it.
func (s *ProfileService) Save(p backend.Profile) (*backend.Profile, error) {
	conns := s.ws.Connections()
	var password string
	if p.Kind == backend.SourceMongoDB {
		p.MongoURI, password = mongodb.SplitPassword(strings.TrimSpace(p.MongoURI))
	}
	p.BaseURL = strings.TrimSpace(p.BaseURL)
	p.Login = strings.TrimSpace(p.Login)
	if p.ID != "" {
		if old, err := conns.Profile(p.ID); err == nil && old.Demo {
			p.Demo = true
		}
	}
	saved, err := conns.SaveProfile(p)
	if err != nil {
		return nil, err
	}
	if password != "" {
		ctx, cancel := s.ctx()
		defer cancel()
		if err := conns.StorePassword(ctx, saved.ID, password); err != nil {
			return nil, err
		}
	}
	return &saved, nil
}

// Delete removes a profile and forgets its secrets.
func (s *ProfileService) Delete(id string) error {
	ctx, cancel := s.ctx()
	defer cancel()
	return s.ws.Connections().DeleteProfile(ctx, id)
}

// Activate makes a profile the one the dashboard shows.
func (s *ProfileService) Activate(id string) error { return s.ws.Activate(id) }

// insecureURL reports plain HTTP to a host that is not this machine.
func insecureURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "http" && !platform.IsLoopback(u.Hostname())
}
