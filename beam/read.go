package readoutbeam

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/source"
)

func init() {
	register.DoFn2x1[[]byte, func(fileRef), error](&listFn{})
	register.DoFn4x1[context.Context, fileRef, func(doc), func(fileCount), error](&readFn{})
	register.DoFn3x0[doc, func(*fileCount) bool, func(doc)](&numberFn{})
	register.Emitter1[fileRef]()
	register.Emitter1[doc]()
	register.Emitter1[fileCount]()
	register.Iter1[fileCount]()
}

// fileRef is one input file and its place among all the input files.
type fileRef struct {
	Index int
	Path  string
}

// fileCount is how many records a file held.
type fileCount struct {
	File    int
	Records int
}

// doc is one input record between stages: a pipeline.Record as plain data.
type doc struct {
	File int // fileRef.Index of its file
	N    int // its position in its file
	Pos  int // its position in the whole input: Source.Record
	ID   string
	Text string
	Meta map[string]string
	Path string
	Line int
	Err  string // why the record could not be read; "" when it could
}

func (d doc) record() pipeline.Record {
	rec := pipeline.Record{ID: d.ID, Text: d.Text, Meta: d.Meta,
		Source: pipeline.Source{Path: d.Path, Line: d.Line, Record: d.Pos}}
	if len(rec.Meta) == 0 {
		rec.Meta = nil // as the core source leaves a record without meta
	}
	if d.Err != "" {
		rec.Err = errors.New(d.Err)
	}
	return rec
}

// input is the part of source.Options a worker needs, as plain data (the
// DoFn is serialized; source.Options holds a reader and a callback).
type input struct {
	Format, IDField, TextField, TitleField, DateField string
	MaxBytes                                          int
}

func inputOf(o source.Options) input {
	return input{Format: o.Format, IDField: o.IDField, TextField: o.TextField,
		TitleField: o.TitleField, DateField: o.DateField, MaxBytes: o.MaxBytes}
}

func (in input) options(r io.Reader) source.Options {
	return source.Options{Format: in.Format, IDField: in.IDField, TextField: in.TextField,
		TitleField: in.TitleField, DateField: in.DateField, MaxBytes: in.MaxBytes, Stdin: r}
}

// listFn expands the input patterns into numbered files. It runs once, on
// one worker, so that the numbering is global.
type listFn struct {
	Patterns []string
}

func (f *listFn) ProcessElement(_ []byte, emit func(fileRef)) error {
	ctx := context.Background()
	n := 0
	for _, p := range f.Patterns {
		fs, err := filesystem.New(ctx, p)
		if err != nil {
			return err
		}
		files, err := fs.List(ctx, p)
		fs.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if len(files) == 0 {
			// As `readout annotate` stops on a path that does not exist.
			return fmt.Errorf("%s: no such file", p)
		}
		sort.Strings(files)
		for _, name := range files {
			emit(fileRef{Index: n, Path: name})
			n++
		}
	}
	return nil
}

// readFn reads one file into records with the core's reader, so that ids,
// meta, gzip detection, size limits and broken records are the same as in
// `readout annotate`, and tells how many records the file held.
type readFn struct {
	Input input
}

func (f *readFn) ProcessElement(ctx context.Context, file fileRef, emit func(doc), count func(fileCount)) error {
	n := 0
	send := func(rec pipeline.Record) {
		d := doc{File: file.Index, N: n, Pos: file.Index, ID: rec.ID, Text: rec.Text, Meta: rec.Meta,
			Path: file.Path, Line: rec.Source.Line}
		if rec.Err != nil {
			d.Err = rec.Err.Error()
		}
		emit(d)
		n++
	}
	err := f.read(ctx, file.Path, send)
	count(fileCount{File: file.Index, Records: n})
	return err
}

// read streams path through source.Read as its stdin and renames what the
// reader calls "stdin" after the file. An error that stops the whole file
// becomes one error record, as source.Read makes of a file it cannot open.
func (f *readFn) read(ctx context.Context, path string, send func(pipeline.Record)) error {
	fail := func(err error) error {
		send(pipeline.Record{ID: path, Err: err})
		return nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return fail(err)
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<16)
	if f.Input.Format != source.JSONL && f.Input.MaxBytes > 0 {
		// The core refuses a plain text file over the limit by its size,
		// without reading it.
		if magic, _ := br.Peek(2); !(len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
			if size, err := fs.Size(ctx, path); err == nil && size > int64(f.Input.MaxBytes) {
				return fail(fmt.Errorf("file is %d bytes, over the limit of %d (max_doc_bytes)", size, f.Input.MaxBytes))
			}
		}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	recs := make(chan pipeline.Record, 16)
	done := make(chan error, 1)
	go func() { done <- source.Read(ctx, []string{"-"}, f.Input.options(br), recs) }()
	for rec := range recs { // emitters must be called on this goroutine
		switch {
		case f.Input.Format != source.JSONL || rec.Source.Line == 0:
			rec.ID = path // a text file, or a JSON Lines file that failed whole
		case rec.ID == fmt.Sprintf("stdin:%d", rec.Source.Line):
			rec.ID = fmt.Sprintf("%s:%d", path, rec.Source.Line)
		}
		send(rec)
	}
	return <-done
}

// numberFn sets each record's position in the whole input from the record
// counts of all files (a side input, complete before the first record).
type numberFn struct {
	offsets map[int]int // file index -> records before it; built once per instance
}

func (f *numberFn) ProcessElement(d doc, counts func(*fileCount) bool, emit func(doc)) {
	if f.offsets == nil {
		var all []fileCount
		var c fileCount
		for counts(&c) {
			all = append(all, c)
		}
		sort.Slice(all, func(i, j int) bool { return all[i].File < all[j].File })
		f.offsets = make(map[int]int, len(all))
		sum := 0
		for _, c := range all {
			f.offsets[c.File] = sum
			sum += c.Records
		}
	}
	d.Pos = f.offsets[d.File] + d.N
	emit(d)
}
