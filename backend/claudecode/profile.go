package claudecode

import "usagedash/backend"

// OpenProfile opens the source of a "Claude Code on this computer"
// connection (backend.SourceClaudeCode). It needs nothing typed: it reads
// DefaultFolders (CLAUDE_CONFIG_DIR, else ~/.config/claude and ~/.claude),
// with its index and record in the XDG cache and data folders. Opening reads
// no transcript; the first Report does.
func OpenProfile(p backend.Profile) (backend.Source, error) {
	if p.Kind != backend.SourceClaudeCode {
		return nil, backend.Errorf(backend.EINVALID, "The connection %q is not a Claude Code connection.", p.Name)
	}
	return New(Options{})
}
