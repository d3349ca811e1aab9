package mongodb

import "strings"

// SplitPassword separates the password from a mongodb:// or mongodb+srv://
// URI, so the URI can be saved in configuration and the password in a
// keychain. The password is returned as written (still percent-encoded);
// JoinPassword puts it back. URIs without a password come back unchanged.
func SplitPassword(uri string) (withoutPassword, password string) {
	scheme, auth, tail, ok := splitAuthority(uri)
	at := strings.LastIndex(auth, "@")
	if !ok || at < 0 {
		return uri, ""
	}
	user, pass, hasPass := strings.Cut(auth[:at], ":")
	if !hasPass {
		return uri, ""
	}
	return scheme + "://" + user + auth[at:] + tail, pass
}

// JoinPassword puts a password split off by SplitPassword back into uri.
// A URI without a user name, or a blank password, is returned unchanged.
func JoinPassword(uri, password string) string {
	scheme, auth, tail, ok := splitAuthority(uri)
	at := strings.LastIndex(auth, "@")
	if password == "" || !ok || at < 0 || strings.Contains(auth[:at], ":") {
		return uri
	}
	return scheme + "://" + auth[:at] + ":" + password + auth[at:] + tail
}

// splitAuthority splits uri into its scheme, its authority (user
// information and hosts, up to the first / or ?) and the rest.
func splitAuthority(uri string) (scheme, authority, tail string, ok bool) {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return "", "", "", false
	}
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	return scheme, rest[:end], rest[end:], true
}
