package app

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"usagedash/backend"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
)

// ProfileService is bound to the window: it lists, saves, deletes and
// activates connection profiles.
type ProfileService struct {
	conns   *Connections
	warning string
	demo    DemoAccount
	// OnActivate, when set, hears that the active profile changed.
	OnActivate func()
}

// DemoAccount is the sample platform's public demo sign-in, shown on the
// connect screen when the demo profile exists.
type DemoAccount struct {
	BaseURL  string
	Login    string
	Password string
}

// NewProfileService returns a ProfileService. warning explains where secrets
// are kept when there is no keychain; demo (BaseURL set) adds or updates the
// demo profile.
func NewProfileService(conns *Connections, warning string, demo DemoAccount) (*ProfileService, error) {
	s := &ProfileService{conns: conns, warning: warning, demo: demo}
	if demo.BaseURL != "" {
		if err := s.ensureDemo(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// ensureDemo points the demo profile at the running sample platform.
func (s *ProfileService) ensureDemo() error {
	list, err := s.conns.Profiles.List()
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
		_ = s.conns.Secrets.Delete(context.TODO(), sessionKey(demo.ID))
		s.conns.Forget(demo.ID)
	}
	_, err = s.conns.Profiles.Save(demo)
	return err
}

// State returns the profiles, the active one and where secrets are kept.
func (s *ProfileService) State() (*ProfilesState, error) {
	list, err := s.conns.Profiles.List()
	if err != nil {
		return nil, err
	}
	active, err := s.conns.Profiles.Active()
	if err != nil {
		return nil, err
	}
	st := &ProfilesState{Profiles: []ProfileView{}, ActiveID: active, SecretStorage: s.conns.Secrets.Kind(), SecretWarning: s.warning}
	for _, p := range list {
		v := ProfileView{Profile: p}
		switch p.Kind {
		case backend.SourcePlatform:
			v.Session = s.conns.SessionInfo(p.ID)
			v.Insecure = insecureURL(p.BaseURL)
		case backend.SourceMongoDB:
			_, err := s.conns.Secrets.Get(context.TODO(), passwordKey(p.ID))
			v.HasPassword = err == nil
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
	var password string
	if p.Kind == backend.SourceMongoDB {
		p.MongoURI, password = mongodb.SplitPassword(strings.TrimSpace(p.MongoURI))
	}
	p.BaseURL = strings.TrimSpace(p.BaseURL)
	p.Login = strings.TrimSpace(p.Login)
	if p.ID != "" {
		if old, err := s.conns.Profiles.Get(p.ID); err == nil && old.Demo {
			p.Demo = true
		}
	}
	saved, err := s.conns.Profiles.Save(p)
	if err != nil {
		return nil, err
	}
	if password != "" {
		if err := s.conns.Secrets.Set(context.TODO(), passwordKey(saved.ID), password); err != nil {
			return nil, backend.WrapError(err, backend.ErrorCode(err), "The connection was saved, but its password could not be stored in the "+s.conns.Secrets.Kind()+".")
		}
	}
	s.conns.Forget(saved.ID)
	return &saved, nil
}

// Delete removes a profile and forgets its secrets.
func (s *ProfileService) Delete(id string) error {
	s.conns.Forget(id)
	err := errors.Join(s.conns.Secrets.Delete(context.TODO(), sessionKey(id)), s.conns.Secrets.Delete(context.TODO(), passwordKey(id)))
	if err != nil {
		return backend.WrapError(err, backend.ErrorCode(err), "Cannot remove the connection's secrets from the "+s.conns.Secrets.Kind()+".")
	}
	return s.conns.Profiles.Delete(id)
}

// Activate makes a profile the one the dashboard shows.
func (s *ProfileService) Activate(id string) error {
	if err := s.conns.Profiles.SetActive(id); err != nil {
		return err
	}
	if s.OnActivate != nil {
		s.OnActivate()
	}
	return nil
}

// insecureURL reports plain HTTP to a host that is not this machine.
func insecureURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "http" && !platform.IsLoopback(u.Hostname())
}
