package tray

// Start returns a Tray that does nothing on macOS for now: systray there
// must start on the main thread inside the running Cocoa app, which Wails
// owns, and that wiring has not been built and tested on a Mac.
func Start(cb Callbacks) Tray { return noop{} }
