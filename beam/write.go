package readoutbeam

import (
	"bufio"
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x0[int, string, func(int, string)](&shardFn{})
	register.DoFn2x0[[]byte, func(int, string)](&emptyShardsFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// ShardName is the name of shard i of n under prefix.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// writeShards writes lines, keyed by record position, to n JSON Lines
// files named by ShardName. Every shard is written, empty or not, so that
// a reader can count on n files. Within a shard, lines come in no
// particular order.
func writeShards(s beam.Scope, prefix string, n int, lines beam.PCollection) {
	keyed := beam.ParDo(s, &shardFn{N: n}, lines)
	// An empty line marks each shard so that a shard with no records is
	// still grouped, and written; records are never empty lines.
	marks := beam.ParDo(s, &emptyShardsFn{N: n}, beam.Impulse(s))
	groups := beam.GroupByKey(s, beam.Flatten(s, keyed, marks))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, N: n}, groups)
}

// shardFn picks a record's shard from its position, so that the same input
// always puts the same records in the same shard.
type shardFn struct{ N int }

func (f *shardFn) ProcessElement(pos int, line string, emit func(int, string)) {
	emit(pos%f.N, line)
}

type emptyShardsFn struct{ N int }

func (f *emptyShardsFn) ProcessElement(_ []byte, emit func(int, string)) {
	for i := range f.N {
		emit(i, "")
	}
}

// writeShardFn writes one shard whole. A retried bundle overwrites it.
type writeShardFn struct {
	Prefix string
	N      int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := ShardName(f.Prefix, shard, f.N)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		bw.WriteString(line)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
