package sink

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/readout/readout/pipeline"
)

// fileSink writes JSON Lines to a file through a journal beside it,
// PATH.journal. Records are appended to the journal as they come and
// synced to disk at batch boundaries; Close writes the file from the
// journal (and, when resuming, from the file that was there), one record
// per id, the last one written, and renames it over the path. A run that
// is killed leaves the journal, which --resume reads: no finished record
// is lost and none is kept twice.
type fileSink struct {
	path    string
	o       Options
	journal *os.File
	bw      *bufio.Writer
	// keys holds the id and text hash of every good record stored
	// before this run (the file and a killed run's journal) when resuming.
	keys     map[string]string
	unsynced int
	synced   time.Time
}

// JournalPath is where a JSON Lines --out file keeps its records until
// the run ends.
func JournalPath(path string) string { return path + ".journal" }

// OpenFile writes JSON Lines to path (see fileSink). Without o.Resume the
// file is written anew and a journal left by a killed run is dropped.
func OpenFile(path string, o Options) (Sink, error) {
	if o.Encode != nil {
		return openTextFile(path, o)
	}
	s := &fileSink{path: path, o: o, synced: time.Now()}
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if o.Resume {
		s.keys = map[string]string{}
		for _, p := range []string{path, JournalPath(path)} {
			if _, err := eachLine(p, func(rec lineKey, _ []byte) error {
				if rec.Status != "error" {
					s.keys[rec.ID] = rec.SHA
				}
				return nil
			}); err != nil {
				return nil, err
			}
		}
		if err := cutPartialLine(JournalPath(path)); err != nil {
			return nil, err
		}
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(JournalPath(path), flags, 0o666)
	if err != nil {
		return nil, err
	}
	s.journal = f
	s.bw = bufio.NewWriterSize(f, 1<<16)
	return s, nil
}

func (s *fileSink) Write(ctx context.Context, o *pipeline.Output) error {
	if sha, ok := s.keys[o.ID]; ok && sha == o.TextSHA256 {
		return nil
	}
	if err := pipeline.WriteJSON(s.bw, o); err != nil {
		return err
	}
	if s.unsynced++; s.unsynced >= s.o.batchSize() || time.Since(s.synced) >= s.o.flushEvery() {
		return s.sync()
	}
	return nil
}

// sync makes what was written survive a crash: a batch boundary.
func (s *fileSink) sync() error {
	s.unsynced, s.synced = 0, time.Now()
	if err := s.bw.Flush(); err != nil {
		return err
	}
	return s.journal.Sync()
}

func (s *fileSink) Seen(ctx context.Context, id, sha string) (bool, error) {
	got, ok := s.keys[id]
	return ok && got == sha, nil
}

// Close writes the file: one record per id, in input order, taken from
// the journal and, when resuming, the file that was there (whose error
// records are left out: a resumed run redoes them). Of two records of an
// id the one later in the input wins, and on a tie the one written later.
func (s *fileSink) Close() error {
	if err := s.sync(); err != nil {
		s.journal.Close()
		return err
	}
	if err := s.journal.Close(); err != nil {
		return err
	}
	journal := JournalPath(s.path)
	sources := []string{journal}
	if s.keys != nil {
		sources = []string{s.path, journal}
	}
	type place struct {
		src, seq   int   // source file, and order of writing
		at, length int64 // the line's bytes in its file
		record     int   // position in the input
	}
	last := map[string]place{}
	seq := 0
	for si, p := range sources {
		if _, err := eachLine(p, func(rec lineKey, line []byte) error {
			seq++
			if si == 0 && len(sources) == 2 && rec.Status == "error" {
				return nil
			}
			pl := place{si, seq, rec.at, int64(len(line)), -1}
			if rec.Source != nil {
				pl.record = rec.Source.Record
			}
			if old, ok := last[rec.ID]; !ok || pl.record >= old.record {
				last[rec.ID] = pl
			}
			return nil
		}); err != nil {
			return err
		}
	}
	kept := make([]place, 0, len(last))
	for _, pl := range last {
		kept = append(kept, pl)
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].record != kept[j].record {
			return kept[i].record < kept[j].record
		}
		return kept[i].seq < kept[j].seq
	})
	files := make([]*os.File, len(sources))
	for i, p := range sources {
		f, err := os.Open(p)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		if f != nil {
			defer f.Close()
		}
		files[i] = f
	}
	tmp, err := createTemp(s.path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	var line []byte
	for _, pl := range kept {
		line = slices.Grow(line[:0], int(pl.length))[:pl.length]
		if _, err = files[pl.src].ReadAt(line, pl.at); err != nil {
			break
		}
		if s.o.Indent {
			var b bytes.Buffer
			if err = json.Indent(&b, bytes.TrimSpace(line), "", "  "); err != nil {
				break
			}
			line = append(b.Bytes(), '\n')
		}
		if _, err = w.Write(line); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Remove(journal)
}

// Discard keeps the journal, synced, for --resume, and leaves the file
// as it was: a failed run never leaves a half-written file.
func (s *fileSink) Discard() error {
	err := s.sync()
	if cerr := s.journal.Close(); err == nil {
		err = cerr
	}
	return err
}

// lineKey is what the sink reads of a stored record.
type lineKey struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	SHA    string `json:"text_sha256"`
	Source *struct {
		Record int `json:"record"`
	} `json:"source"`
	at int64 // the line's offset in its file
}

// eachLine calls f with every whole record of the JSON Lines file at path
// (none when it does not exist). A last line cut short by a crash is left
// out; any other bad line is an error. It returns the lines read.
func eachLine(path string, f func(rec lineKey, line []byte) error) (int, error) {
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer file.Close()
	br := bufio.NewReaderSize(file, 1<<16)
	var at int64
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err == io.EOF && len(line) > 0 && line[len(line)-1] != '\n' {
			return n - 1, nil // cut short: it was never finished
		}
		rec := lineKey{at: at}
		at += int64(len(line))
		if len(bytes.TrimSpace(line)) > 0 {
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return n, fmt.Errorf("%s:%d: cannot resume from this file: %v", path, n, jerr)
			}
			if ferr := f(rec, line); ferr != nil {
				return n, ferr
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// cutPartialLine truncates a journal after its last whole line, so that
// records appended to it start on a line of their own. It reads the file
// from its end, a block at a time.
func cutPartialLine(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	buf := make([]byte, 1<<16)
	for end := info.Size(); end > 0; {
		start := max(0, end-int64(len(buf)))
		n, err := f.ReadAt(buf[:end-start], start)
		if err != nil && err != io.EOF {
			return err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			if keep := start + int64(i) + 1; keep < info.Size() {
				return f.Truncate(keep)
			}
			return nil
		}
		end = start
	}
	return f.Truncate(0) // not one whole line
}

// createTemp creates a new file beside path with the mode the umask
// gives (os.CreateTemp would make it 0600).
func createTemp(path string) (*os.File, error) {
	for i := 0; ; i++ {
		name := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.tmp%d-%d", filepath.Base(path), os.Getpid(), i))
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
		if !errors.Is(err, os.ErrExist) || i > 1000 {
			return f, err
		}
	}
}
