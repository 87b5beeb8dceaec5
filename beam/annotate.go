package readoutbeam

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"gopkg.in/yaml.v3"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

func init() {
	register.DoFn5x1[context.Context, doc, func(int, string), func(int, string), func(Summary), error](&annotateFn{})
	register.Emitter2[int, string]()
}

// The job's counters, under the namespace "readout".
var (
	documents = beam.NewCounter("readout", "documents") // records annotated or failed
	words     = beam.NewCounter("readout", "words")     // words in the texts annotated
	failures  = beam.NewCounter("readout", "errors")    // error records
	partials  = beam.NewCounter("readout", "partial")   // records where a stage failed
)

// Counters are the job's readout counters by name ("documents", "words",
// "errors", "partial"), as the runner reports them: for its UI; a runner
// may report them in part, so the job's outcome is its Summary.
func Counters(res beam.PipelineResult) map[string]int64 {
	m := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Namespace == "readout" {
			m[c.Key.Name] += c.Result()
		}
	}
	return m
}

// LoadSettings loads the configuration as readout.LoadConfig(path) does,
// with overrides (config keys such as "input.format") on top, and returns
// it with its effective settings as YAML. The YAML is what workers rebuild
// the configuration from: the file and the READOUT_* environment of the
// submitting machine need not exist where the workers run.
func LoadSettings(path string, overrides map[string]any) (readout.Config, string, error) {
	v := readout.NewViper()
	if path != "" {
		if err := readout.MergeConfigFile(v, path); err != nil {
			return readout.Config{}, "", err
		}
	}
	for k, val := range overrides {
		v.Set(k, val)
	}
	b, err := yaml.Marshal(v.AllSettings())
	if err != nil {
		return readout.Config{}, "", err
	}
	cfg, err := configOf(string(b))
	return cfg, string(b), err
}

// configOf decodes settings written by LoadSettings.
func configOf(settings string) (readout.Config, error) {
	v := readout.NewViper()
	if err := v.MergeConfig(strings.NewReader(settings)); err != nil {
		return readout.Config{}, err
	}
	return readout.DecodeConfig(v)
}

// runners holds one runner per configuration in this process: a worker
// runs several DoFn instances at once (one per concurrent bundle), and the
// models should load once per worker, not once per instance.
var runners sync.Map // settings -> *runnerOnce

type runnerOnce struct {
	once sync.Once
	r    *pipeline.Runner
	err  error
}

func runnerFor(settings string) (*pipeline.Runner, error) {
	e, _ := runners.LoadOrStore(settings, &runnerOnce{})
	ro := e.(*runnerOnce)
	ro.once.Do(func() {
		cfg, err := configOf(settings)
		if err != nil {
			ro.err = err
			return
		}
		ro.r, ro.err = cfg.NewRunner()
	})
	return ro.r, ro.err
}

// annotateFn annotates one record and emits its JSON line keyed by its
// position in the input: to the first output when annotated (status "ok"
// or "partial"), to the second as an error record; and what it counted to
// the third. A bad record never fails the bundle.
type annotateFn struct {
	Settings string // YAML from LoadSettings
	runner   *pipeline.Runner
}

func (f *annotateFn) Setup() error {
	r, err := runnerFor(f.Settings)
	f.runner = r
	return err
}

func (f *annotateFn) ProcessElement(ctx context.Context, d doc, ok, failed func(int, string), counted func(Summary)) error {
	rec := d.record()
	out := readout.Annotate(ctx, f.runner, rec)
	if out == nil {
		// Cancelled under the record: fail the bundle so that the runner
		// retries it, rather than writing nothing.
		if err := ctx.Err(); err != nil {
			return err
		}
		return errors.New("readout: annotation abandoned")
	}
	line, err := marshal(out)
	if err != nil {
		return err
	}
	sum := Summary{Documents: 1}
	switch out.Status {
	case "error":
		sum.Errors = 1
		failed(d.Pos, line)
	case "partial":
		sum.Partial = 1
		fallthrough
	default:
		sum.Words = int64(pipeline.CountWords(rec.Text))
		ok(d.Pos, line)
	}
	documents.Inc(ctx, sum.Documents)
	failures.Inc(ctx, sum.Errors)
	partials.Inc(ctx, sum.Partial)
	words.Inc(ctx, sum.Words)
	counted(sum)
	return nil
}

// marshal encodes a record as the JSON Lines sink does (no HTML escaping),
// without the newline.
func marshal(o *pipeline.Output) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}
