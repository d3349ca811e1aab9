package trayicon

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"usagedash/backend"
)

// TestPreview writes icons to $TRAYICON_PREVIEW_DIR for looking at them
// (e.g. with ImageMagick's montage); it is skipped when that is unset.
func TestPreview(t *testing.T) {
	dir := os.Getenv("TRAYICON_PREVIEW_DIR")
	if dir == "" {
		t.Skip("TRAYICON_PREVIEW_DIR not set")
	}
	levels := []string{backend.BudgetNone, backend.BudgetNear, backend.BudgetOver}
	texts := []string{"$3", "$42", "$999", "$1.2K", "62%", "100%", "<$1"}
	for _, size := range []int{16, 22, 32} {
		for i, text := range texts {
			level := levels[i%len(levels)]
			name := fmt.Sprintf("%02d_%02d_%s.png", size, i, level)
			if err := os.WriteFile(filepath.Join(dir, name), Render(text, level, size), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		name := fmt.Sprintf("%02d_99_app.png", size)
		if err := os.WriteFile(filepath.Join(dir, name), AppIcon(size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
