package claudecode

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"

	"usagedash/backend/atomicfile"
)

// record is usagedash's own record of every request it counted: an
// append-only file of batches, one per refresh that counted something.
// Claude Code deletes transcripts after 30 days; the record keeps what they
// said, so totals do not drop. Each batch is length-prefixed and
// checksummed, and written with one write: a batch cut short by a crash is
// dropped whole when the record is read back, so a refresh is either in the
// record or not at all. The transcripts it came from are then
// read again, and merging a request twice changes nothing.
//
// A batch holds the names interned since the last batch ('N', in id order)
// and the requests counted or changed ('R', the later entry of a key wins).
type record struct {
	path string
	// id names this record; the index remembers it, so an index left from
	// another record (the data folder was wiped) is not trusted.
	id   string
	size int64
	// The record numbers names in the order it got them, which another
	// process writing the same record shares and the ledger may not:
	// fromFile maps the record's name ids to the ledger's, toFile back.
	fromFile []uint32
	toFile   map[uint32]uint32
}

// recordMagic starts a record file, followed by its id and a newline.
const recordMagic = "usagedash claude-code record v1 "

// openRecord reads the record at path into l (a new ledger), creating the
// record when missing. A torn last batch is cut off.
func openRecord(path string, l *ledger) (*record, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && !bytes.HasPrefix(data, []byte(recordMagic))) {
		if err == nil { // not a record: keep it aside rather than overwrite it
			if _, err := atomicfile.SetAside(path); err != nil {
				return nil, err
			}
		}
		return createRecord(path)
	}
	if err != nil {
		return nil, err
	}
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return createRecord(path)
	}
	r := newRecord(path, string(data[len(recordMagic):nl]))
	good := int64(nl+1) + r.readBatches(data[nl+1:], l)
	if good < int64(len(data)) {
		if err := os.Truncate(path, good); err != nil {
			return nil, err
		}
	}
	r.size = good
	return r, nil
}

func newRecord(path, id string) *record {
	return &record{path: path, id: id, fromFile: []uint32{0}, toFile: map[uint32]uint32{0: 0}}
}

// readBatches reads the whole batches at the start of data into l and
// returns how many bytes they take; a torn or corrupt batch ends them.
func (r *record) readBatches(data []byte, l *ledger) int64 {
	good := 0
	for good < len(data) {
		n, w := binary.Uvarint(data[good:])
		if w <= 0 || len(data)-good-w < 4 || uint64(len(data)-good-w-4) < n {
			break
		}
		payload := data[good+w+4 : good+w+4+int(n)]
		if crc32.ChecksumIEEE(payload) != binary.LittleEndian.Uint32(data[good+w:]) || !r.decodeBatch(payload, l) {
			break
		}
		good += w + 4 + int(n)
	}
	return int64(good)
}

// createRecord writes an empty record with a new id.
func createRecord(path string) (*record, error) {
	var b [8]byte
	_, _ = rand.Read(b[:])
	r := newRecord(path, hex.EncodeToString(b[:]))
	head := []byte(recordMagic + r.id + "\n")
	if err := atomicfile.WriteFile(path, head); err != nil {
		return nil, err
	}
	r.size = int64(len(head))
	return r, nil
}

// append writes one batch: the requests at the indexes changed, after the
// names they use that the record lacks. It holds the record's lock, and
// first reads any batches another process appended since.
func (r *record) append(l *ledger, changed []int) error {
	if len(changed) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(r.path), atomicfile.DirMode); err != nil {
		return err
	}
	f, err := os.OpenFile(r.path, os.O_RDWR|os.O_APPEND, atomicfile.FileMode)
	if err != nil {
		return err
	}
	defer f.Close()
	unlock, err := lockFile(f)
	if err != nil {
		return err
	}
	defer unlock()
	if err := r.catchUp(f, l); err != nil {
		return err
	}
	p := make([]byte, 0, 128*len(changed)) // a request takes about 100 bytes
	added := len(r.fromFile)
	for _, i := range changed {
		q := l.requests[i]
		for _, id := range []*uint32{&q.model, &q.project, &q.session, &q.file} {
			p, *id = r.fileName(p, l, *id)
		}
		p = appendRequest(p, &q)
	}
	batch := binary.AppendUvarint(nil, uint64(len(p)))
	batch = binary.LittleEndian.AppendUint32(batch, crc32.ChecksumIEEE(p))
	batch = append(batch, p...)
	// One write, not synced: a kill cannot tear it, and a power cut that
	// does is caught by the checksum (and the index's RecordSize).
	if _, err := f.Write(batch); err != nil {
		for _, id := range r.fromFile[added:] { // the names are not in the record after all
			delete(r.toFile, id)
		}
		r.fromFile = r.fromFile[:added]
		return err
	}
	r.size += int64(len(batch))
	return nil
}

// fileName returns the record's id for the ledger's name id, appending an
// 'N' entry to p when the record does not hold the name yet.
func (r *record) fileName(p []byte, l *ledger, id uint32) ([]byte, uint32) {
	if fid, ok := r.toFile[id]; ok {
		return p, fid
	}
	fid := uint32(len(r.fromFile))
	r.fromFile = append(r.fromFile, id)
	r.toFile[id] = fid
	p = append(p, 'N')
	return appendString(p, l.names[id]), fid
}

// catchUp reads what other processes appended to the record since r last
// read or wrote it.
func (r *record) catchUp(f *os.File, l *ledger) error {
	info, err := f.Stat()
	if err != nil || info.Size() <= r.size {
		return err
	}
	data := make([]byte, info.Size()-r.size)
	if _, err := f.ReadAt(data, r.size); err != nil {
		return err
	}
	if n := r.readBatches(data, l); n != int64(len(data)) {
		return errors.New("the record of counted requests has a damaged batch")
	}
	r.size = info.Size()
	return nil
}

func appendString(p []byte, s string) []byte {
	p = binary.AppendUvarint(p, uint64(len(s)))
	return append(p, s...)
}

func appendRequest(p []byte, q *request) []byte {
	p = append(p, 'R')
	p = appendString(p, q.key)
	p = binary.AppendVarint(p, q.at)
	for _, v := range []uint32{q.model, q.project, q.session, q.file} {
		p = binary.AppendUvarint(p, uint64(v))
	}
	t := &q.tokens
	for _, v := range []int64{t.Input, t.Output, t.CacheCreation, t.CacheRead, t.Write5m, t.Write1h} {
		p = binary.AppendVarint(p, v)
	}
	var flags byte
	for i, f := range []bool{t.Batch, t.Fast, t.Regional} {
		if f {
			flags |= 1 << i
		}
	}
	return append(p, flags)
}

// decodeBatch reads one batch into l; false when it is malformed.
func (r *record) decodeBatch(p []byte, l *ledger) bool {
	d := decoder{b: p}
	for len(d.b) > 0 && !d.bad {
		switch d.byte() {
		case 'N':
			id := l.intern(d.string())
			r.toFile[id] = uint32(len(r.fromFile))
			r.fromFile = append(r.fromFile, id)
		case 'R':
			q := request{key: d.string(), at: d.varint()}
			ids := []*uint32{&q.model, &q.project, &q.session, &q.file}
			for _, id := range ids {
				fid := d.uvarint()
				if fid >= uint64(len(r.fromFile)) {
					return false
				}
				*id = r.fromFile[fid]
			}
			t := &q.tokens
			for _, v := range []*int64{&t.Input, &t.Output, &t.CacheCreation, &t.CacheRead, &t.Write5m, &t.Write1h} {
				*v = d.varint()
			}
			flags := d.byte()
			t.Batch, t.Fast, t.Regional = flags&1 != 0, flags&2 != 0, flags&4 != 0
			if !d.bad {
				l.put(q)
			}
		default:
			return false
		}
	}
	return !d.bad
}

// decoder reads a batch's fields; any short read sets bad.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	return v * d.advance(n)
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	return v * int64(d.advance(n))
}

// advance drops the n bytes a varint took and returns 1, or marks the batch
// bad and returns 0 (n <= 0: no valid varint).
func (d *decoder) advance(n int) uint64 {
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return 1
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.bad || uint64(len(d.b)) < n {
		d.bad = true
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
