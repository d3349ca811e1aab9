package tray

import "usagedash/backend/trayicon"

// noop is the Tray used when there is no tray to show.
type noop struct{}

func (noop) Update(State)    {}
func (noop) Close()          {}
func (noop) Available() bool { return false }

// iconPNG renders the icon for s at size pixels: the chosen figure on a
// badge coloured by the budget level, or the plain app icon before there
// are figures.
func iconPNG(s State, size int) []byte {
	if !hasData(s) {
		return trayicon.AppIcon(size)
	}
	_, text := figure(s)
	return trayicon.Render(text, s.Glance.Level, size)
}
