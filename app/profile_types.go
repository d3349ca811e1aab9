package app

import "usagedash/backend"

// ProfileView is a profile as the window shows it: the saved settings plus
// what is known about its secrets, never the secrets themselves.
type ProfileView struct {
	Profile backend.Profile     `json:"profile"`
	Session backend.SessionInfo `json:"session"`
	// HasPassword says a MongoDB profile has a database password stored.
	HasPassword bool `json:"has_password"`
	// Insecure says the profile talks plain HTTP to a host that is not this machine.
	Insecure bool `json:"insecure"`
}

// ProfilesState is everything the connect screen needs.
type ProfilesState struct {
	Profiles []ProfileView `json:"profiles"`
	ActiveID string        `json:"active_id"`
	// SecretStorage is "keychain" or "file".
	SecretStorage string `json:"secret_storage"`
	// SecretWarning explains, when set, why secrets are not in a keychain.
	SecretWarning string `json:"secret_warning"`
	// DemoLogin and DemoPassword are the sample platform's public demo
	// credentials, set only when a demo profile exists.
	DemoLogin    string `json:"demo_login"`
	DemoPassword string `json:"demo_password"`
}
