package claudecode

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultFolders lists the folders Claude Code keeps its data in: every
// folder named in CLAUDE_CONFIG_DIR (comma-separated) when it is set, else
// ~/.config/claude and ~/.claude. Folders may not exist.
func DefaultFolders() []string {
	if env := os.Getenv("CLAUDE_CONFIG_DIR"); strings.TrimSpace(env) != "" {
		var out []string
		for _, f := range strings.Split(env, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
		return out
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	return []string{filepath.Join(home, ".config", "claude"), filepath.Join(home, ".claude")}
}

// Detection says whether a computer has Claude Code transcripts, so the
// connect screen can offer this source with nothing to type.
type Detection struct {
	// Folders are the given folders that hold a projects folder with at
	// least one transcript, cleaned, each once.
	Folders []string `json:"folders"`
	// Transcripts counts their transcript files, subagents' included.
	Transcripts int `json:"transcripts"`
}

// Found reports whether any transcript exists.
func (d Detection) Found() bool { return d.Transcripts > 0 }

// Detect looks for transcripts under folders (DefaultFolders when nil).
func Detect(folders []string) Detection {
	if folders == nil {
		folders = DefaultFolders()
	}
	var d Detection
	for _, f := range cleanFolders(folders) {
		files, _ := listTranscripts([]string{f})
		if len(files) > 0 {
			d.Folders = append(d.Folders, f)
			d.Transcripts += len(files)
		}
	}
	return d
}

// cleanFolders makes folders absolute and clean and drops repeats (after following links,
// so ~/.claude and a link to it are read once).
func cleanFolders(folders []string) []string {
	var out, seen []string
	for _, f := range folders {
		if abs, err := filepath.Abs(f); err == nil {
			f = abs // the record names transcripts by absolute path
		}
		real := f
		if r, err := filepath.EvalSymlinks(f); err == nil {
			real = r
		}
		if !slices.Contains(seen, real) {
			seen = append(seen, real)
			out = append(out, f)
		}
	}
	return out
}

// foundFile is one transcript found by a listing.
type foundFile struct {
	path string
	info os.FileInfo
}

// listTranscripts lists the transcripts under folders, sorted by path:
// projects/<project>/<session>.jsonl and
// projects/<project>/<session>/subagents/<agent>.jsonl. Entries named like
// transcripts that are not regular files (a folder, a FIFO) or that cannot be
// read are returned in unreadable: they are never opened, so a FIFO cannot
// block the read.
func listTranscripts(folders []string) (files []foundFile, unreadable []string) {
	for _, folder := range folders {
		projects := filepath.Join(folder, "projects")
		dirs, _ := os.ReadDir(projects) // a missing folder holds no transcripts
		for _, d := range dirs {
			if !d.IsDir() {
				continue
			}
			dir := filepath.Join(projects, d.Name())
			entries, err := os.ReadDir(dir)
			if err != nil {
				unreadable = append(unreadable, dir)
				continue
			}
			for _, e := range entries {
				p := filepath.Join(dir, e.Name())
				switch {
				case strings.HasSuffix(e.Name(), ".jsonl"):
					files, unreadable = addTranscript(files, unreadable, p)
				case e.IsDir():
					subs, _ := os.ReadDir(filepath.Join(p, "subagents"))
					for _, s := range subs {
						if strings.HasSuffix(s.Name(), ".jsonl") {
							files, unreadable = addTranscript(files, unreadable, filepath.Join(p, "subagents", s.Name()))
						}
					}
				}
			}
		}
	}
	slices.SortFunc(files, func(a, b foundFile) int { return strings.Compare(a.path, b.path) })
	return files, unreadable
}

// addTranscript adds path to files when it is a regular file (links
// followed), else to unreadable.
func addTranscript(files []foundFile, unreadable []string, path string) ([]foundFile, []string) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return files, append(unreadable, path)
	}
	return append(files, foundFile{path: path, info: info}), unreadable
}
