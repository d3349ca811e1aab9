// Package trayicon draws the tray icon: a filled rounded-square badge whose
// colour tells the budget level, with the figure the user chose ("$3",
// "$1.2K", "62%") written on it, because many trays (most Linux hosts,
// Windows) never show a tray item's title text.
//
// Everything is pure Go (the bold Go font from golang.org/x/image); the
// package has no state except the parsed font.
package trayicon

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/f64"
	"golang.org/x/image/math/fixed"

	"usagedash/backend"
)

// Badge and text colours.
var (
	Indigo = color.NRGBA{0x5b, 0x5b, 0xd6, 0xff} // the app's colour: no budget, or below the alert levels
	Amber  = color.NRGBA{0xf5, 0x9e, 0x0b, 0xff} // near the budget
	Red    = color.NRGBA{0xdc, 0x26, 0x26, 0xff} // over the budget
	White  = color.NRGBA{0xff, 0xff, 0xff, 0xff} // text on indigo and red
	Ink    = color.NRGBA{0x1c, 0x19, 0x17, 0xff} // text on amber
)

// Sizes outside [MinSize, MaxSize] are clamped.
const (
	MinSize = 8
	MaxSize = 512
)

// Colors returns the badge colour and the text colour for a budget level
// (backend.BudgetNone, BudgetOK, BudgetNear, BudgetOver; anything else is
// drawn like BudgetNone).
func Colors(level string) (badge, text color.NRGBA) {
	switch level {
	case backend.BudgetNear:
		return Amber, Ink
	case backend.BudgetOver:
		return Red, White
	default:
		return Indigo, White
	}
}

// Render returns a size×size PNG of the badge for level with text centred on
// it, as large as fits (see RenderImage).
func Render(text, level string, size int) []byte {
	return encodePNG(RenderImage(text, level, size))
}

// AppIcon returns a size×size PNG of the plain app icon: the indigo badge
// with three rising bars and no text, for when there are no figures yet.
func AppIcon(size int) []byte {
	return encodePNG(AppIconImage(size))
}

// RenderImage draws what Render encodes. The text is set in Go Bold with its
// cap height snapped to whole pixels (crisp top and bottom edges), as tall
// as fits inside the badge's padding; when it is too wide it is first
// condensed horizontally (down to 80%), then drawn smaller down to half the
// icon's height (8 px at least); if it still does not fit, a leading
// "$"/"<$" and a trailing "%" are set small and raised, then a "$" is left
// out (the badge colour and the tooltip still say what the figure is); as a
// last resort the text is condensed and shrunk as much as needed. Below 28 px strokes are
// emboldened. Text never leaves the badge. Empty text draws the bare badge.
func RenderImage(text, level string, size int) *image.NRGBA {
	size = clampSize(size)
	badgeCol, textCol := Colors(level)
	img, cover := badge(size, badgeCol)
	text = strings.TrimSpace(text)
	if text == "" {
		return img
	}
	mask := textMask(text, size)
	// Clip to the badge so nothing can ever be drawn outside it.
	for i := range mask.Pix {
		mask.Pix[i] = min(mask.Pix[i], cover.Pix[i])
	}
	draw.DrawMask(img, img.Bounds(), image.NewUniform(textCol), image.Point{}, mask, image.Point{}, draw.Over)
	return img
}

// AppIconImage draws what AppIcon encodes.
func AppIconImage(size int) *image.NRGBA {
	size = clampSize(size)
	img, _ := badge(size, Indigo)
	s := float64(size)
	pad := math.Round(s * 0.24)
	gap := math.Max(1, math.Round(s*0.07))
	bw := math.Floor((s - 2*pad - 2*gap) / 3)
	x0 := math.Round((s - (3*bw + 2*gap)) / 2)
	bottom := s - pad
	for i, frac := range []float64{0.42, 0.7, 1} {
		h := math.Max(1, math.Round((s-2*pad)*frac))
		x := int(x0 + float64(i)*(bw+gap))
		r := image.Rect(x, int(bottom-h), x+int(bw), int(bottom))
		draw.Draw(img, r, image.NewUniform(White), image.Point{}, draw.Src)
	}
	return img
}

func clampSize(size int) int {
	return max(MinSize, min(MaxSize, size))
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	// Encoding an in-memory NRGBA image cannot fail.
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// Geometry of the badge, as fractions of the icon size.
const (
	cornerRadius     = 0.22 // badge corner radius
	textPad          = 0.07 // padding between the text's ink and the badge edge
	capMaxFrac       = 0.62 // tallest cap height
	capMinFrac       = 0.40 // shortest cap height before shrinking units...
	minCap           = 8    // ...and in pixels
	minCondense      = 0.80 // narrowest horizontal scale used before shrinking
	minCondenseSmall = 0.70 // the same with small units
	smallUnit        = 0.62 // size of "$" and "%" when full-size ones don't fit
)

// BadgeContains reports whether the pixel (x, y) of a size×size icon is
// at least partly covered by the badge; pixels outside it are transparent.
func BadgeContains(size, x, y int) bool {
	return coverage(float64(clampSize(size)), x, y) > 0
}

// badge returns an image filled with the anti-aliased rounded square and the
// badge's coverage mask.
func badge(size int, c color.NRGBA) (*image.NRGBA, *image.Alpha) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	cover := image.NewAlpha(img.Bounds())
	s := float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			a := coverage(s, x, y)
			cover.SetAlpha(x, y, color.Alpha{A: a})
			if a > 0 {
				img.SetNRGBA(x, y, color.NRGBA{c.R, c.G, c.B, a})
			}
		}
	}
	return img, cover
}

// coverage is the fraction (0-255) of pixel (x, y) inside the rounded square
// [0,s]², by 8×8 supersampling.
func coverage(s float64, x, y int) uint8 {
	const n = 8
	r := s * cornerRadius
	if c := int(math.Ceil(r)); (x >= c && float64(x+1) <= s-float64(c)) || (y >= c && float64(y+1) <= s-float64(c)) {
		return 255 // away from the corners the square is straight and full
	}
	in := 0
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			px := float64(x) + (float64(i)+0.5)/n
			py := float64(y) + (float64(j)+0.5)/n
			dx := px - math.Max(r, math.Min(s-r, px))
			dy := py - math.Max(r, math.Min(s-r, py))
			if dx*dx+dy*dy <= r*r {
				in++
			}
		}
	}
	return uint8((in*255 + n*n/2) / (n * n))
}

var goBold = sync.OnceValue(func() *opentype.Font {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic("trayicon: bundled Go Bold font: " + err.Error())
	}
	return f
})

// capRatio is the cap height of Go Bold per pixel of font size.
var capRatio = sync.OnceValue(func() float64 {
	b, _ := font.BoundString(newFace(100), "H")
	return fix(b.Max.Y-b.Min.Y) / 100
})

func newFace(px float64) font.Face {
	face, err := opentype.NewFace(goBold(), &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("trayicon: font face: " + err.Error())
	}
	return face
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// run is a piece of the text set at one font size; a small unit ("$",
// "<$", "%") is raised so that its top lines up with the digits'.
type run struct {
	text    string
	px      float64 // font size
	x, rise float64 // dot offset from the layout's origin, baseline raise
}

// layout is how a text is set: its runs, the digits' cap height, the
// horizontal scale, extra stroke width, and the ink bounds of the whole text
// relative to the origin on the baseline (before scaling).
type layout struct {
	runs                   []run
	capH                   int
	scale, bold            float64
	minX, maxX, minY, maxY float64
}

// split separates a leading unit ("$", "<$", "<") and a trailing "%" from
// the figure; text without a figure stays whole.
func split(text string) (pre, body, post string) {
	body = strings.TrimLeft(text, "<$")
	pre = text[:len(text)-len(body)]
	if b, ok := strings.CutSuffix(body, "%"); ok {
		body, post = b, "%"
	}
	if body == "" {
		return "", text, ""
	}
	return pre, body, post
}

// measure sets pre, body and post with the digits capH pixels tall and the
// units scaled by unit.
func measure(pre, body, post string, capH int, unit, bold float64) layout {
	l := layout{capH: capH, bold: bold, minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	px := float64(capH) / capRatio()
	rise := math.Round(float64(capH) * (1 - unit))
	x := 0.0
	for _, r := range []run{{text: pre, px: px * unit, rise: rise}, {text: body, px: px}, {text: post, px: px * unit, rise: rise}} {
		if r.text == "" {
			continue
		}
		b, adv := font.BoundString(newFace(r.px), r.text)
		r.x = x
		x += fix(adv)
		l.runs = append(l.runs, r)
		l.minX = math.Min(l.minX, r.x+fix(b.Min.X))
		l.maxX = math.Max(l.maxX, r.x+fix(b.Max.X))
		l.minY = math.Min(l.minY, fix(b.Min.Y)-r.rise)
		l.maxY = math.Max(l.maxY, fix(b.Max.Y)-r.rise)
	}
	return l
}

// fit chooses the layout of text in a size×size badge: the tallest digits
// (down to capMinFrac of the icon, at least minCap pixels) that fit with
// full-size units condensed at most to minCondense; else with small units
// condensed at most to minCondenseSmall; else the same without "$" (a "%"
// or "<" is never dropped); as a last resort that last variant condensed
// and shrunk as much as needed.
func fit(text string, size int) layout {
	s := float64(size)
	pad := math.Max(1, math.Round(s*textPad))
	availW, availH := s-2*pad, s-2*pad
	capMax := int(math.Round(s * capMaxFrac))
	capMin := min(capMax, max(minCap, int(math.Ceil(s*capMinFrac))))
	// Small icons get emboldened strokes: at 16 px Go Bold's stems are
	// barely one pixel wide and smear into the badge.
	bold := 0.0
	if size < 28 {
		bold = math.Round(s/28*4) / 4
	}
	pre, body, post := split(text)
	var l layout
	try := func(pre, post string, unit float64, capH int, minScale float64) bool {
		l = measure(pre, body, post, capH, unit, bold)
		if l.maxY-l.minY > availH {
			return false
		}
		w := l.maxX - l.minX + bold
		l.scale = 1
		if w > availW {
			// Leave a pixel for the resampling filter's spread.
			l.scale = (availW - 1) / w
		}
		return l.scale >= minScale
	}
	type variant struct {
		pre, post      string
		unit, minScale float64
	}
	variants := []variant{{pre, post, 1, minCondense}}
	if pre != "" || post != "" {
		variants = append(variants, variant{pre, post, smallUnit, minCondenseSmall})
	}
	if p := strings.ReplaceAll(pre, "$", ""); p != pre {
		variants = append(variants, variant{p, post, smallUnit, minCondenseSmall})
	}
	for _, v := range variants {
		for capH := capMax; capH >= capMin; capH-- {
			if try(v.pre, v.post, v.unit, capH, v.minScale) {
				return l
			}
		}
	}
	last := variants[len(variants)-1]
	for capH := capMin; capH > 3 && !try(last.pre, last.post, last.unit, capH, 0); capH-- {
	}
	return l
}

// textMask rasterizes text centred in a size×size mask.
func textMask(text string, size int) *image.Alpha {
	l := fit(text, size)
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	// Baseline on a whole pixel with the cap height centred: digits get
	// crisp top and bottom edges and sit in the optical middle.
	baseline := math.Round((float64(size) + float64(l.capH)) / 2)
	// Keep descenders and tall glyphs ("$", "%") inside the badge.
	baseline = math.Min(baseline, float64(size)-1-math.Ceil(l.maxY))
	baseline = math.Max(baseline, 1-math.Floor(l.minY))
	inkW := l.maxX - l.minX + l.bold
	// stroke draws the text into dst with its ink starting at x = left,
	// twice when emboldened.
	stroke := func(dst draw.Image, left float64) {
		for _, r := range l.runs {
			d := font.Drawer{Dst: dst, Src: image.Opaque, Face: newFace(r.px)}
			for _, dx := range []float64{0, l.bold} {
				d.Dot = fixed.Point26_6{X: fixed.Int26_6((left + dx - l.minX + r.x) * 64), Y: fixed.I(int(baseline - r.rise))}
				d.DrawString(r.text)
				if l.bold == 0 {
					break
				}
			}
		}
	}
	if l.scale >= 1 {
		stroke(mask, math.Round((float64(size)-inkW)/2))
	} else {
		// Condensed: draw at full width, then scale horizontally into place.
		w := int(math.Ceil(inkW)) + 2
		wide := image.NewAlpha(image.Rect(0, 0, w, size))
		stroke(wide, 1)
		left := (float64(size) - inkW*l.scale) / 2
		s2d := f64.Aff3{l.scale, 0, left - l.scale, 0, 1, 0}
		draw.CatmullRom.Transform(mask, s2d, wide, wide.Bounds(), draw.Src, nil)
	}
	if l.bold > 0 {
		sharpen(mask)
	}
	return mask
}

// sharpen steepens the anti-aliasing ramp of a small text mask: faint
// fringes go, half-covered pixels get darker, so thin strokes read as solid.
func sharpen(m *image.Alpha) {
	for i, a := range m.Pix {
		v := (float64(a)/255 - 0.15) / 0.6
		m.Pix[i] = uint8(math.Round(255 * math.Max(0, math.Min(1, v))))
	}
}
