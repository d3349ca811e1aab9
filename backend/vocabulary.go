package backend

// SourceClaudeCode is the kind of the source that reads Claude Code's
// transcripts on this computer (package claudecode).
const SourceClaudeCode SourceKind = "claude-code"

// The vocabularies of SourceInfo.Vocabulary: the words the UI uses for the
// groups of Breakdowns.ByWorkflow and Breakdowns.ByInstance.
const (
	// VocabularyWorkflows: workflows and instances (the platform's sources).
	VocabularyWorkflows = "workflows-instances"
	// VocabularyProjectsSessions: projects (a working directory, shown as a
	// path) and sessions (Claude Code's sources). ByWorkflow then holds one
	// row per project, ByInstance one per session.
	VocabularyProjectsSessions = "projects-sessions"
)
