package sink

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"

	"github.com/readout/readout/pipeline"
)

// jsonl writes one JSON record a line (or one indented record) to w, or
// each record as Options.Encode writes it, a blank line between two.
type jsonl struct {
	bw     *bufio.Writer
	enc    *json.Encoder
	encode func(io.Writer, *pipeline.Output) error
	indent bool
	n      int      // records written
	file   *os.File // the temporary file, when writing text to a path
	path   string   // the target it is renamed to
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
	return &jsonl{bw: bw, enc: enc, encode: o.Encode, indent: o.Indent}
}

// openTextFile writes text output (Options.Encode) to a temporary file
// beside path that Close renames over it.
func openTextFile(path string, o Options) (Sink, error) {
	f, err := createTemp(path)
	if err != nil {
		return nil, err
	}
	s := newJSONL(f, o)
	s.file, s.path = f, path
	return s, nil
}

func (s *jsonl) Write(ctx context.Context, o *pipeline.Output) error {
	switch {
	case s.encode == nil && s.indent:
		return s.enc.Encode(o)
	case s.encode == nil:
		return pipeline.WriteJSON(s.bw, o)
	}
	if s.n++; s.n > 1 {
		if err := s.bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return s.encode(s.bw, o)
}

func (s *jsonl) Seen(ctx context.Context, id, sha string) (bool, error) {
	return false, ErrNoResume
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
