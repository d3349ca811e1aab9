package mongodb

import "strings"

// SplitPassword separates the password from a mongodb:// or mongodb+srv://
// URI, so the URI can be saved in configuration and the password in a
// keychain. The password is returned as written (still percent-encoded);
// JoinPassword puts it back. URIs without a password come back unchanged.
func SplitPassword(uri string) (withoutPassword, password string) {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return uri, ""
	}
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	authority := rest[:end]
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return uri, ""
	}
	user, pass, hasPass := strings.Cut(authority[:at], ":")
	if !hasPass {
		return uri, ""
	}
	return scheme + "://" + user + authority[at:] + rest[end:], pass
}

// JoinPassword puts a password split off by SplitPassword back into uri.
// A URI without a user name, or a blank password, is returned unchanged.
func JoinPassword(uri, password string) string {
	if password == "" {
		return uri
	}
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return uri
	}
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 || strings.Contains(rest[:at], ":") {
		return uri
	}
	return scheme + "://" + rest[:at] + ":" + password + rest[at:]
}
