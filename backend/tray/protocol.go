package tray

import (
	"slices"
)

// The app drives the tray helper over the helper's stdin and stdout, one
// JSON object per line. The app sends a view (everything the item shows);
// the helper answers with events: "ready" once the item is up, "refused"
// when it cannot run (another usagedash tray is up, no session bus), and
// one per menu click.

// HelperCommand is the hidden subcommand that runs the tray helper: the app
// starts its own executable with it. The command line must hand it to
// RunHelper before anything else (no window, no single-instance lock).
const HelperCommand = "tray-helper"

// view is what the tray item shows, as sent to the helper. The app renders
// it (labels, icon bytes) so the helper only puts it on screen.
type view struct {
	Title    string        `json:"title"`
	Tooltip  string        `json:"tooltip"`
	Icon     []byte        `json:"icon"` // PNG, or ICO on Windows
	Menu     menuTexts     `json:"menu"`
	Profiles []ProfileItem `json:"profiles"`
	ActiveID string        `json:"active_id"`
	Paused   bool          `json:"paused"`
}

// equal reports whether v and w show the same.
func (v view) equal(w view) bool {
	return v.Title == w.Title && v.Tooltip == w.Tooltip && slices.Equal(v.Icon, w.Icon) && v.Menu == w.Menu &&
		slices.Equal(v.Profiles, w.Profiles) && v.ActiveID == w.ActiveID && v.Paused == w.Paused
}

// makeView renders s.
func makeView(s State) view {
	title, tooltip := Describe(s)
	return view{
		Title:    title,
		Tooltip:  platformTooltip(tooltip),
		Icon:     iconBytes(s),
		Menu:     describeMenu(s),
		Profiles: slices.Clone(s.Profiles),
		ActiveID: s.ActiveID,
		Paused:   s.AlertsPaused,
	}
}

// Events the helper sends.
const (
	eventReady   = "ready"   // the item is on screen
	eventRefused = "refused" // the helper cannot run here (Reason says why)
	eventOpen    = "open"
	eventRefresh = "refresh"
	eventQuit    = "quit"
	eventPause   = "pause"   // Paused is the checkbox's new state
	eventProfile = "profile" // ID is the profile picked
)

// event is one line from the helper.
type event struct {
	Event  string `json:"event"`
	ID     string `json:"id,omitempty"`
	Paused bool   `json:"paused,omitempty"`
	Reason string `json:"reason,omitempty"`
}
