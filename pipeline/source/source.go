// Package source reads input documents: text files, folders of them, stdin,
// and JSON Lines, each possibly gzip-compressed (recognised by its magic
// bytes, whatever the name). Every record it meets is sent on, even a broken one (with
// Record.Err set), so that output keeps one record per input record.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/pipeline"
)

// Formats.
const (
	Text  = "text"
	JSONL = "jsonl"
)

// MaxIDBytes bounds a JSON Lines record's id: an id is a key to find the
// record again, and one this long is a text or a broken dump.
const MaxIDBytes = 4096

// Options says how to read input.
type Options struct {
	Format    string // Text or JSONL
	IDField   string // JSON Lines field holding the id
	TextField string // JSON Lines field holding the text
	// TitleField and DateField name the JSON Lines fields carried into
	// Meta as "title" and "date" (the date anchors relative dates).
	TitleField string
	DateField  string
	Include    []string // file name globs taken from folders
	MaxBytes   int      // larger records are sent as errors without being kept in memory; 0 = no limit
	Stdin      io.Reader
	// OnRead, when set, is told how many input bytes (as stored, before
	// decompression) were read, for progress against TotalBytes.
	OnRead func(n int)
}

// Reader sends records from paths ("-" is stdin) to out, in order, and
// closes out when done. It returns the first error that stops reading
// altogether (a path that does not exist); errors in single records travel
// with the records.
func Read(ctx context.Context, paths []string, o Options, out chan<- pipeline.Record) error {
	defer close(out)
	r := reader{o: o, out: out, ctx: ctx}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return err
		}
	}
	return nil
}

type reader struct {
	o   Options
	out chan<- pipeline.Record
	ctx context.Context
	n   int // records sent
}

func (r *reader) send(rec pipeline.Record) error {
	rec.Source.Record = r.n
	select {
	case r.out <- rec:
		r.n++
		return nil
	case <-r.ctx.Done():
		return r.ctx.Err()
	}
}

func (r *reader) path(p string) error {
	if p == "-" {
		return r.stream("stdin", r.o.Stdin)
	}
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return r.file(p, info)
	}
	// A folder that cannot be read, or a link to nothing, becomes an error
	// record in its place, and the walk goes on. A link to a file is read
	// as the file; a link to a folder is not followed (it could loop).
	type entry struct {
		path string
		err  error
	}
	var files []entry
	err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
		switch {
		case err != nil && path == p:
			return err
		case err != nil:
			files = append(files, entry{path, err})
			if e != nil && e.IsDir() {
				return fs.SkipDir
			}
			return nil
		case e.Type()&fs.ModeSymlink != 0 && r.included(e.Name()):
			info, err := os.Stat(path)
			switch {
			case err != nil:
				files = append(files, entry{path, err})
			case info.Mode().IsRegular():
				files = append(files, entry{path: path})
			}
		case e.Type().IsRegular() && r.included(e.Name()):
			files = append(files, entry{path: path})
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path }) // WalkDir is lexical already; make it explicit
	for _, f := range files {
		info, err := os.Stat(f.path)
		if f.err != nil {
			err = f.err
		}
		if err != nil {
			if err := r.send(pipeline.Record{ID: f.path, Source: pipeline.Source{Path: f.path}, Err: err}); err != nil {
				return err
			}
			continue
		}
		if err := r.file(f.path, info); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) included(name string) bool {
	if len(r.o.Include) == 0 {
		return true
	}
	for _, g := range r.o.Include {
		if ok, _ := filepath.Match(g, name); ok {
			return true
		}
	}
	return false
}

func (r *reader) file(path string, info fs.FileInfo) error {
	f, err := os.Open(path)
	if err != nil {
		return r.send(pipeline.Record{ID: path, Source: pipeline.Source{Path: path}, Err: err})
	}
	defer f.Close()
	// A plain text file over the limit is refused without reading it; a
	// compressed one is measured as it is decompressed.
	if r.o.Format != JSONL && r.o.MaxBytes > 0 && info.Size() > int64(r.o.MaxBytes) && !isGzip(f) {
		r.counted(int(info.Size()))
		return r.send(pipeline.Record{ID: path, Source: pipeline.Source{Path: path},
			Err: fmt.Errorf("file is %d bytes, over the limit of %d (max_doc_bytes)", info.Size(), r.o.MaxBytes)})
	}
	return r.stream(path, f)
}

// isGzip peeks at f's first bytes and rewinds it.
func isGzip(f *os.File) bool {
	var magic [2]byte
	n, _ := io.ReadFull(f, magic[:])
	_, _ = f.Seek(0, io.SeekStart)
	return n == 2 && magic == [2]byte{0x1f, 0x8b}
}

func (r *reader) counted(n int) {
	if r.o.OnRead != nil && n > 0 {
		r.o.OnRead(n)
	}
}

// countingReader reports the bytes read through it.
type countingReader struct {
	rd io.Reader
	r  *reader
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.rd.Read(p)
	c.r.counted(n)
	return n, err
}

// decode returns rd's content, decompressed when it starts with gzip's
// magic bytes (1f 8b): the name alone is not trusted either way.
func (r *reader) decode(rd io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(countingReader{rd, r}, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return bufio.NewReaderSize(zr, 1<<16), nil
	}
	return br, nil
}

// stream reads one text document, or JSON Lines, from rd.
func (r *reader) stream(name string, rd io.Reader) error {
	if rd == nil {
		rd = os.Stdin
	}
	br, err := r.decode(rd)
	if err != nil {
		return r.send(pipeline.Record{ID: name, Source: pipeline.Source{Path: name}, Err: err})
	}
	if r.o.Format != JSONL {
		b, err := readLimited(br, r.o.MaxBytes)
		if err != nil {
			b = nil
		}
		return r.send(pipeline.Record{ID: name, Text: string(stripBOM(b)), Source: pipeline.Source{Path: name}, Err: err})
	}
	for line := 1; ; line++ {
		if line%4096 == 0 && r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		line += skipBlankLines(br)
		b, tooLong, err := readLine(br, r.o.MaxBytes)
		if len(b) == 0 && !tooLong && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return r.send(pipeline.Record{ID: fmt.Sprintf("%s:%d", name, line), Source: pipeline.Source{Path: name, Line: line}, Err: err})
		}
		if line == 1 {
			b = stripBOM(b)
		}
		if len(bytes.TrimSpace(b)) > 0 || tooLong {
			if serr := r.send(r.jsonRecord(name, line, b, tooLong)); serr != nil {
				return serr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func (r *reader) jsonRecord(name string, line int, b []byte, tooLong bool) pipeline.Record {
	rec := pipeline.Record{ID: fmt.Sprintf("%s:%d", name, line), Source: pipeline.Source{Path: name, Line: line}}
	if tooLong {
		rec.Err = fmt.Errorf("line %d: record is over the limit of %d bytes (max_doc_bytes)", line, r.o.MaxBytes)
		return rec
	}
	var obj map[string]any
	if err := decodeObject(b, &obj); err != nil {
		rec.Err = fmt.Errorf("line %d: malformed JSON: %v", line, err)
		return rec
	}
	if id, ok := obj[r.o.IDField]; ok && id != nil {
		s := scalar(id)
		switch {
		case strings.TrimSpace(s) == "":
			rec.Err = fmt.Errorf("line %d: empty %q: a record needs an id to be found again (leave the field out for %s)", line, r.o.IDField, rec.ID)
			return rec
		case len(s) > MaxIDBytes:
			rec.Err = fmt.Errorf("line %d: %q is %d bytes, over the %d an id may have (it starts %.40q): is the field a text?", line, r.o.IDField, len(s), MaxIDBytes, s)
			return rec
		}
		rec.ID = s
	}
	if !utf8.Valid(b) { // json would quietly turn the bad bytes into U+FFFD
		rec.Err = fmt.Errorf("line %d: invalid UTF-8 at byte %d", line, invalidAt(b))
		return rec
	}
	if esc := loneSurrogate(b); esc != "" { // and a lone surrogate too
		rec.Err = fmt.Errorf("line %d: %s is half of a UTF-16 surrogate pair, not a character", line, esc)
		return rec
	}
	text, ok := obj[r.o.TextField].(string)
	if !ok {
		rec.Err = fmt.Errorf("line %d: no string field %q", line, r.o.TextField)
		return rec
	}
	rec.Text = text
	for k, v := range obj {
		if k == r.o.IDField || k == r.o.TextField || k == r.o.TitleField || k == r.o.DateField || v == nil {
			continue
		}
		setMeta(&rec, k, scalar(v))
	}
	// The title and date fields go in under fixed names, which win over
	// fields of those names that are not the configured ones.
	for key, field := range map[string]string{"title": r.o.TitleField, "date": r.o.DateField} {
		if v, ok := obj[field]; ok && field != "" && v != nil {
			setMeta(&rec, key, scalar(v))
		}
	}
	return rec
}

func setMeta(rec *pipeline.Record, k, v string) {
	if rec.Meta == nil {
		rec.Meta = map[string]string{}
	}
	rec.Meta[k] = v
}

// decodeObject is json.Unmarshal keeping numbers as written (UseNumber), so
// that an id like 1234567890123456789 is not rounded through float64.
func decodeObject(b []byte, obj *map[string]any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(obj); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("invalid data after top-level value")
	}
	return nil
}

// loneSurrogate returns the first \u escape in JSON text b that is half
// of a UTF-16 surrogate pair without its other half, or "".
func loneSurrogate(b []byte) string {
	if !bytes.Contains(b, []byte(`\u`)) {
		return ""
	}
	hex := func(i int) (rune, bool) { // the escape \uXXXX at b[i]
		if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		if !ok {
			i++ // an escape such as \\ or \n
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if lo, ok := hex(i + 6); ok && lo >= 0xDC00 && lo < 0xE000 {
				i += 11
				continue
			}
			return string(b[i : i+6])
		case r >= 0xDC00 && r < 0xE000:
			return string(b[i : i+6])
		}
		i += 5
	}
	return ""
}

// invalidAt is the offset of the first invalid UTF-8 byte in b.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// scalar renders a JSON value as a string: strings as they are, anything
// else as its JSON.
func scalar(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// readLine reads one line without its newline. A line longer than max is
// consumed and reported as tooLong without being kept.
// skipBlankLines reads past empty lines ("\n", "\r\n") a buffer at a time
// and returns how many it passed: a dump padded with millions of them
// costs no more than its bytes.
func skipBlankLines(br *bufio.Reader) int {
	n := 0
	for {
		if _, err := br.Peek(1); err != nil {
			return n
		}
		buf, _ := br.Peek(br.Buffered())
		k := 0
		for k < len(buf) && (buf[k] == '\n' || buf[k] == '\r' && k+1 < len(buf) && buf[k+1] == '\n') {
			if buf[k] == '\n' {
				n++
			}
			k++
		}
		br.Discard(k)
		if k < len(buf) {
			return n
		}
	}
}

func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if max > 0 && len(line) > max+2 {
				tooLong, line = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, tooLong, err
	}
}

func readLimited(rd io.Reader, max int) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(rd)
	}
	b, err := io.ReadAll(io.LimitReader(rd, int64(max)+1))
	if err == nil && len(b) > max {
		// The rest is not read: it may never end (/dev/zero).
		return nil, fmt.Errorf("input is over the limit of %d bytes (max_doc_bytes)", max)
	}
	return b, err
}

// TotalBytes is the size of the input as stored (what OnRead counts), and
// whether it is known: it is not when stdin is among the paths.
func TotalBytes(paths []string, o Options) (int64, bool) {
	r := reader{o: o}
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0, false
		}
		err := filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path == p || (e.Type().IsRegular() && r.included(e.Name())) {
				if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
					total += info.Size()
				}
			}
			return nil
		})
		if err != nil {
			return 0, false
		}
	}
	return total, true
}

func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }
