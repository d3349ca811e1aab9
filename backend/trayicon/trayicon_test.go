package trayicon

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"

	"usagedash/backend"
)

func TestShort(t *testing.T) {
	for _, c := range []struct {
		usd  float64
		want string
	}{
		{0, "$0"}, {0.004, "$0"}, {-5, "$0"}, {math.NaN(), "$0"}, {math.Inf(1), "$0"},
		{0.005, "<$1"}, {0.3, "<$1"}, {0.49, "<$1"}, {0.5, "$1"}, {0.99, "$1"},
		{3.42, "$3"}, {3.5, "$4"}, {42.49, "$42"}, {99.49, "$99"}, {99.5, "$100"},
		{999.49, "$999"}, {999.5, "$1K"}, {1000, "$1K"}, {1234, "$1.2K"}, {1250, "$1.3K"},
		{9949, "$9.9K"}, {9950, "$10K"}, {12345, "$12K"}, {999499, "$999K"},
		{999500, "$1M"}, {1.5e6, "$1.5M"}, {42e6, "$42M"}, {3e9, "$3B"}, {2e12, "$1T+"},
	} {
		if got := Short(c.usd); got != c.want {
			t.Errorf("Short(%v) = %q, want %q", c.usd, got, c.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{
		{0, "0%"}, {-1, "0%"}, {math.NaN(), "0%"}, {0.004, "0%"}, {0.29, "29%"}, {0.62, "62%"},
		{0.999, "99%"}, {1, "100%"}, {1.234, "123%"}, {9.999, "999%"}, {12.3, "12x"}, {5000, "999x"},
	} {
		if got := Percent(c.f); got != c.want {
			t.Errorf("Percent(%v) = %q, want %q", c.f, got, c.want)
		}
	}
}

// luminance is the WCAG relative luminance of c.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of a and b.
func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func decode(t *testing.T, data []byte, size int) *image.NRGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Fatalf("size %v, want %dx%d", b, size, size)
	}
	out := image.NewNRGBA(img.Bounds())
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}

func TestRender(t *testing.T) {
	wantBadge := map[string]color.NRGBA{
		backend.BudgetNone: {0x5b, 0x5b, 0xd6, 0xff}, backend.BudgetOK: {0x5b, 0x5b, 0xd6, 0xff},
		backend.BudgetNear: {0xf5, 0x9e, 0x0b, 0xff}, backend.BudgetOver: {0xdc, 0x26, 0x26, 0xff},
	}
	for level, badgeCol := range wantBadge {
		for _, size := range []int{16, 22, 32, 64} {
			for _, text := range []string{"$3", "$42", "$999", "$1.2K", "62%", "100%", "<$1", "999x"} {
				img := decode(t, Render(text, level, size), size)
				name := func() string { return level + "/" + text + "/" + string(rune('0'+size/10)) + string(rune('0'+size%10)) }
				// The badge: its colour at the middle of the top edge.
				if got := img.NRGBAAt(size/2, 0); got != badgeCol {
					t.Errorf("%s: badge colour %v, want %v", name(), got, badgeCol)
				}
				var textPx int
				textCol := badgeCol
				inkTop, inkBottom, inkLeft, inkRight := size, -1, size, -1
				for y := 0; y < size; y++ {
					for x := 0; x < size; x++ {
						c := img.NRGBAAt(x, y)
						if !BadgeContains(size, x, y) {
							if c.A != 0 {
								t.Fatalf("%s: pixel (%d,%d) outside the badge is %v", name(), x, y, c)
							}
							continue
						}
						if c.A == 255 && c != badgeCol {
							if contrast(c, badgeCol) > contrast(textCol, badgeCol) {
								textCol = c
							}
							textPx++
							inkTop, inkBottom = min(inkTop, y), max(inkBottom, y)
							inkLeft, inkRight = min(inkLeft, x), max(inkRight, x)
						}
					}
				}
				if textPx < size {
					t.Fatalf("%s: only %d text pixels", name(), textPx)
				}
				if _, want := Colors(level); textCol != want {
					t.Errorf("%s: strongest text colour %v, want %v", name(), textCol, want)
				}
				if c := contrast(textCol, badgeCol); c < 4.5 {
					t.Errorf("%s: text/badge contrast %.2f < 4.5", name(), c)
				}
				// The text is not clipped: its ink keeps off the badge's edge.
				if inkTop < 1 || inkLeft < 1 || inkBottom > size-2 || inkRight > size-2 {
					t.Errorf("%s: ink x %d..%d y %d..%d touches the edge", name(), inkLeft, inkRight, inkTop, inkBottom)
				}
				// and is big enough to read.
				if h := inkBottom - inkTop + 1; float64(h) < 0.4*float64(size) {
					t.Errorf("%s: ink only %d px tall", name(), h)
				}
			}
		}
	}
}

func TestRenderEmptyAndClamp(t *testing.T) {
	img := decode(t, Render("", backend.BudgetOK, 22), 22)
	if got := img.NRGBAAt(11, 11); got != Indigo {
		t.Errorf("empty text: centre %v, want the badge", got)
	}
	decode(t, Render("$3", backend.BudgetOK, 1), MinSize)
	decode(t, Render("$3", backend.BudgetOK, 5000), MaxSize)
}

func TestAppIcon(t *testing.T) {
	for _, size := range []int{16, 22, 32, 256} {
		img := decode(t, AppIcon(size), size)
		if got := img.NRGBAAt(size/2, 0); got != Indigo {
			t.Errorf("%d: badge %v", size, got)
		}
		white := 0
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				if img.NRGBAAt(x, y) == White {
					white++
				}
			}
		}
		if white < size {
			t.Errorf("%d: only %d bar pixels", size, white)
		}
	}
}

func TestICO(t *testing.T) {
	a, b := Render("$3", backend.BudgetOK, 16), Render("$3", backend.BudgetOK, 32)
	ico := ICO(a, []byte("not a png"), b)
	le := binary.LittleEndian
	if le.Uint16(ico[0:]) != 0 || le.Uint16(ico[2:]) != 1 || le.Uint16(ico[4:]) != 2 {
		t.Fatalf("header % x", ico[:6])
	}
	for i, p := range [][]byte{a, b} {
		e := ico[6+16*i:]
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if int(e[0]) != []int{16, 32}[i] || int(size) != len(p) || !bytes.Equal(ico[off:off+size], p) {
			t.Errorf("entry %d: % x", i, e[:16])
		}
	}
}
