package sink

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/readout/readout/pipeline"
)

// jsonl writes one JSON record a line (or one indented record) to w, or
// each record as Options.Encode writes it, a blank line between two.
type jsonl struct {
	bw     *bufio.Writer
	enc    *json.Encoder
	encode func(io.Writer, *pipeline.Output) error
	n      int // records written
	// keys holds the id and text hash of every record a resumed file
	// already had; nil when not resuming.
	keys map[string]string
	file *os.File // the temporary file, when writing to a path
	path string   // the target it is renamed to
}

func newJSONL(w io.Writer, o Options) *jsonl {
	if w == nil {
		w = os.Stdout
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if o.Indent {
		enc.SetIndent("", "  ")
	}
	return &jsonl{bw: bw, enc: enc, encode: o.Encode}
}

// OpenFile writes JSON Lines to a temporary file beside path that Close
// renames over it, so that a failed run never leaves a half-written file.
// With o.Resume the records of an existing file at path are carried over
// (except error records, which are tried again) and their keys answer Seen.
func OpenFile(path string, o Options) (Sink, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	s := newJSONL(f, o)
	s.file, s.path = f, path
	if o.Resume {
		s.keys = map[string]string{}
		if err := s.carryOver(path); err != nil {
			s.Discard()
			return nil, err
		}
	}
	return s, nil
}

// carryOver copies the good records of an earlier output into the new file.
func (s *jsonl) carryOver(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var rec struct {
				ID     string `json:"id"`
				Status string `json:"status"`
				SHA    string `json:"text_sha256"`
			}
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				if err == io.EOF { // a last line cut short by a crash
					return nil
				}
				return fmt.Errorf("%s:%d: cannot resume from this file: %v", path, n, jerr)
			}
			if rec.Status != "error" {
				if _, dup := s.keys[rec.ID]; !dup {
					s.keys[rec.ID] = rec.SHA
					if line[len(line)-1] != '\n' {
						line = append(line, '\n')
					}
					if _, werr := s.bw.Write(line); werr != nil {
						return werr
					}
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (s *jsonl) Write(ctx context.Context, o *pipeline.Output) error {
	if s.keys != nil {
		if sha, ok := s.keys[o.ID]; ok && sha == o.TextSHA256 {
			return nil
		}
	}
	if s.encode == nil {
		return s.enc.Encode(o)
	}
	if s.n++; s.n > 1 {
		if err := s.bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return s.encode(s.bw, o)
}

func (s *jsonl) Seen(ctx context.Context, id, sha string) (bool, error) {
	if s.keys == nil {
		if s.file == nil {
			return false, ErrNoResume
		}
		return false, nil
	}
	got, ok := s.keys[id]
	return ok && got == sha, nil
}

func (s *jsonl) Close() error {
	err := s.bw.Flush()
	if s.file == nil {
		return err
	}
	if cerr := s.file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(s.file.Name(), s.path)
	}
	if err != nil {
		os.Remove(s.file.Name())
	}
	return err
}

// Discard drops the temporary file; on stdout it only flushes, since what
// was printed cannot be taken back.
func (s *jsonl) Discard() error {
	if s.file == nil {
		return s.bw.Flush()
	}
	s.file.Close()
	return os.Remove(s.file.Name())
}
