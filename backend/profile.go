package backend

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Profile is one saved connection: a platform API address and the account to
// sign in with, or a MongoDB database and whose usage to show. A profile
// never holds secrets: passwords inside MongoDB URIs and session tokens live
// in a SecretStore.
type Profile struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	Kind SourceKind `json:"kind" ts_type:"string"`

	// BaseURL is the platform's address, for platform profiles.
	BaseURL string `json:"base_url,omitempty"`
	// Login is the username or email to sign in with, for platform profiles.
	Login string `json:"login,omitempty"`
	// AllowInsecureHTTP permits plain http:// to a host that is not loopback.
	AllowInsecureHTTP bool `json:"allow_insecure_http,omitempty"`

	// MongoURI is the connection string without its password, for MongoDB profiles.
	MongoURI string `json:"mongo_uri,omitempty"`
	// Database defaults to the platform's database name.
	Database string `json:"database,omitempty"`
	// Account is the username or email whose usage a MongoDB profile shows.
	Account string `json:"account,omitempty"`

	// Demo marks the sample platform's demo profile.
	Demo bool `json:"demo,omitempty"`
}

// Validate checks that p has what its kind needs.
func (p Profile) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return Errorf(EINVALID, "Give the connection a name.")
	}
	switch p.Kind {
	case SourcePlatform:
		if strings.TrimSpace(p.BaseURL) == "" {
			return Errorf(EINVALID, "Enter the platform's address, such as https://agents.example.com.")
		}
		if strings.TrimSpace(p.Login) == "" {
			return Errorf(EINVALID, "Enter the username or email to sign in with.")
		}
	case SourceMongoDB:
		if strings.TrimSpace(p.MongoURI) == "" {
			return Errorf(EINVALID, "Enter the MongoDB connection string, such as mongodb://db.example.com:27017.")
		}
		if strings.TrimSpace(p.Account) == "" {
			return Errorf(EINVALID, "Enter whose usage to show: a username or email.")
		}
	default:
		return Errorf(EINVALID, "Choose the kind of connection: platform API or MongoDB.")
	}
	return nil
}

// ProfileStore keeps profiles and which one is active.
type ProfileStore interface {
	// List returns the profiles in the order they were added.
	List() ([]Profile, error)
	// Get returns one profile, or an ENOTFOUND error.
	Get(id string) (Profile, error)
	// Save adds p (when p.ID is empty, assigning an id) or replaces it.
	Save(p Profile) (Profile, error)
	// Delete removes a profile; deleting the active one clears the choice.
	Delete(id string) error
	// Active returns the active profile's id, or "".
	Active() (string, error)
	// SetActive makes id the active profile.
	SetActive(id string) error
}

// ErrNoSecret is returned by SecretStore.Get when nothing is stored.
var ErrNoSecret = errors.New("no secret stored")

// Keychain failures, for errors.Is. A SecretStore returns them inside a
// *Error: ErrKeychainLocked with code ELOCKED, ErrKeychainUnavailable with
// code EUNAVAILABLE. Neither means "nothing stored".
var (
	// ErrKeychainLocked: the keychain holding the secrets is locked.
	ErrKeychainLocked = errors.New("the keychain is locked")
	// ErrKeychainUnavailable: the keychain service is missing, failing or
	// did not answer in time.
	ErrKeychainUnavailable = errors.New("the keychain is unavailable")
)

// SecretStore keeps secrets (session tokens, database passwords) out of
// configuration files: in the OS keychain where there is one. Every call
// returns by its context's deadline.
type SecretStore interface {
	// Get returns the secret stored under key, or ErrNoSecret.
	Get(ctx context.Context, key string) (string, error)
	// Set stores value under key.
	Set(ctx context.Context, key, value string) error
	// Delete forgets key; forgetting a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// Kind says where secrets go: "keychain" or "file".
	Kind() string
}

// SessionInfo describes a platform sign-in without its token.
type SessionInfo struct {
	SignedIn  bool       `json:"signed_in"`
	UserID    string     `json:"user_id"`
	Username  string     `json:"username"`
	ExpiresAt *time.Time `json:"expires_at" ts_type:"string | null"`
	Expired   bool       `json:"expired"`
}
