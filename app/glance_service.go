package app

import "usagedash/backend"

// GlanceService is bound to the window: today's and this month's cost, the
// budget and the forecast, as the tray shows them.
type GlanceService struct{ ws *Workspace }

// NewGlanceService returns the window's view of the workspace's glance.
func NewGlanceService(ws *Workspace) *GlanceService { return &GlanceService{ws: ws} }

// Latest returns the last glance, or ENOTFOUND before the first refresh.
func (g *GlanceService) Latest() (*backend.Glance, error) {
	if gl := g.ws.Glance(); gl != nil {
		return gl, nil
	}
	return nil, backend.Errorf(backend.ENOTFOUND, "No figures yet.")
}

// RefreshNow asks for fresh figures at once (they arrive as
// EventGlanceUpdated).
func (g *GlanceService) RefreshNow() { g.ws.RequestRefresh() }
