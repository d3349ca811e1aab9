//go:build e2e

package app

import (
	"encoding/json"

	"usagedash/backend/atomicfile"
)

// RenderedMetric is one figure as the window painted it: its id, the visible
// text, and the exact value shown on hover.
type RenderedMetric struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Exact string `json:"exact"`
}

// RenderProbe lets an end-to-end test see what the window rendered. It is
// inert unless the app was started with a probe output path.
type RenderProbe struct {
	path string
}

// NewRenderProbe returns a probe that writes to path ("" disables it).
func NewRenderProbe(path string) *RenderProbe { return &RenderProbe{path: path} }

// Enabled reports whether the frontend should send what it rendered.
func (p *RenderProbe) Enabled() bool { return p.path != "" }

// Rendered records the figures the dashboard painted, replacing the probe
// file atomically so a reader never sees half a write.
func (p *RenderProbe) Rendered(state string, metrics []RenderedMetric) error {
	if p.path == "" {
		return nil
	}
	data, err := json.MarshalIndent(struct {
		State   string           `json:"state"`
		Metrics []RenderedMetric `json:"metrics"`
	}{state, metrics}, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(p.path, data)
}
