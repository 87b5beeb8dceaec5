package pipeline_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/pipeline"
)

// named is a stage that does nothing but answer to its name.
type named string

func (n named) Name() string                                     { return string(n) }
func (named) Process(ctx context.Context, d *pipeline.Doc) error { return nil }

// TestBuild: stages come in the order config lists them, however their
// constructors interleave; where several fail, the error names the first
// listed; unknown and repeated names are refused before anything is built.
func TestBuild(t *testing.T) {
	// Each constructor but the last waits for the next one to start: built
	// one after another, they would fail (after a wait long enough for any
	// loaded machine to start a goroutine).
	started := map[string]chan struct{}{"a": make(chan struct{}), "b": make(chan struct{}), "c": make(chan struct{})}
	after := map[string]string{"a": "b", "b": "c"}
	r := pipeline.Registry{}
	for _, n := range []string{"a", "b", "c"} {
		r[n] = func(pipeline.Options) (pipeline.Stage, error) {
			close(started[n])
			if next, ok := after[n]; ok {
				select {
				case <-started[next]:
				case <-time.After(10 * time.Second):
					return nil, errors.New("built one after another")
				}
			}
			return named(n), nil
		}
	}
	p, err := r.Build([]string{"a", "b", "c"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Stages {
		got = append(got, s.Name())
	}
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}

	failing := pipeline.Registry{
		"x": func(pipeline.Options) (pipeline.Stage, error) { return nil, errors.New("x broke") },
		"y": func(pipeline.Options) (pipeline.Stage, error) { return nil, errors.New("y broke") },
		"z": func(pipeline.Options) (pipeline.Stage, error) { return named("z"), nil },
	}
	if _, err := failing.Build([]string{"z", "y", "x"}, nil); err == nil || err.Error() != "stages.y: y broke" {
		t.Errorf("error %v, want the first listed stage's, stages.y: y broke", err)
	}
	for _, order := range [][]string{{"z", "w"}, {"z", "z"}} {
		if _, err := failing.Build(order, nil); err == nil || !strings.Contains(err.Error(), "pipeline: ") {
			t.Errorf("Build(%v) = %v, want a refusal", order, err)
		}
	}
	if _, err := failing.Build([]string{"z"}, map[string]pipeline.Options{"w": {}}); err == nil || !strings.Contains(err.Error(), "unknown stage") {
		t.Errorf("options of an unknown stage: %v, want a refusal", err)
	}
}
