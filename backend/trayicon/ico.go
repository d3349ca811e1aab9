package trayicon

import (
	"bytes"
	"encoding/binary"
	"image/png"
)

// ICO wraps PNG images (such as Render's) into one Windows .ico file, which
// Windows' tray needs; each PNG becomes one entry (PNG-compressed entries
// are supported since Windows Vista) so Windows can pick the size it
// draws. Data that is not a PNG is skipped.
func ICO(pngs ...[]byte) []byte {
	type entry struct {
		w, h int
		data []byte
	}
	var entries []entry
	for _, p := range pngs {
		cfg, err := png.DecodeConfig(bytes.NewReader(p))
		if err != nil {
			continue
		}
		entries = append(entries, entry{cfg.Width, cfg.Height, p})
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	// ICONDIR: reserved, type 1 (icon), count.
	b.Write(le.AppendUint16(le.AppendUint16(le.AppendUint16(nil, 0), 1), uint16(len(entries))))
	offset := 6 + 16*len(entries)
	for _, e := range entries {
		// ICONDIRENTRY: width, height (0 = 256), colours, reserved,
		// planes, bits per pixel, size, offset.
		d := []byte{byte(e.w), byte(e.h), 0, 0}
		d = le.AppendUint16(d, 1)
		d = le.AppendUint16(d, 32)
		d = le.AppendUint32(d, uint32(len(e.data)))
		d = le.AppendUint32(d, uint32(offset))
		b.Write(d)
		offset += len(e.data)
	}
	for _, e := range entries {
		b.Write(e.data)
	}
	return b.Bytes()
}
