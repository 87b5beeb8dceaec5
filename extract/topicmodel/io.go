package topicmodel

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// The file format: the line "readout-topicmodel <version>\n", then the
// gob encoding of wireModel, gzip-compressed.
const (
	magic         = "readout-topicmodel"
	formatVersion = 1
)

type wireModel struct {
	Algorithm  string
	MultiLabel bool
	Bigrams    int
	Labels     []string
	Features   []string
	IDF        []float32
	// The non-zero weights: WIdx holds the gaps between their flat
	// indexes (feature*labels+label) as uvarints, WVal their values.
	WIdx       []byte
	WVal       []float32
	Bias       []float64
	Thresholds []float64
}

// Write saves the model.
func (m *Model) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%s %d\n", magic, formatVersion); err != nil {
		return err
	}
	wm := wireModel{
		Algorithm: m.algorithm, MultiLabel: m.multiLabel, Bigrams: m.bigrams,
		Labels: m.labels, Features: m.features, IDF: m.idf, Bias: m.bias, Thresholds: m.thresholds,
	}
	last := 0
	for k, x := range m.w {
		if x != 0 {
			wm.WIdx = binary.AppendUvarint(wm.WIdx, uint64(k-last))
			wm.WVal = append(wm.WVal, x)
			last = k
		}
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	err := gob.NewEncoder(zw).Encode(wm)
	if err != nil {
		return err
	}
	return zw.Close()
}

// WriteFile saves the model to the file at path.
func (m *Model) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReadFile loads a model that WriteFile saved; errors name the file.
func ReadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Read loads a model saved by Write.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	line, err := br.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	var name string
	var version int
	if _, err := fmt.Sscanf(line, "%s %d\n", &name, &version); err != nil || name != magic {
		return nil, errors.New("topicmodel: not a topic model file")
	}
	if version != formatVersion {
		return nil, fmt.Errorf("topicmodel: format version %d, this build reads %d", version, formatVersion)
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("topicmodel: %w", err)
	}
	var wm wireModel
	if err := gob.NewDecoder(zr).Decode(&wm); err != nil {
		return nil, fmt.Errorf("topicmodel: %w", err)
	}
	L, V := len(wm.Labels), len(wm.Features)
	switch {
	case wm.Algorithm != NaiveBayes && wm.Algorithm != LogReg:
		return nil, fmt.Errorf("topicmodel: unknown algorithm %q", wm.Algorithm)
	case L == 0 || V == 0:
		return nil, errors.New("topicmodel: empty model")
	case len(wm.Bias) != L || len(wm.Thresholds) != L:
		return nil, errors.New("topicmodel: weights do not match labels and features")
	case wm.Algorithm == LogReg && len(wm.IDF) != V, wm.Algorithm == NaiveBayes && len(wm.IDF) != 0:
		return nil, errors.New("topicmodel: idf does not match features")
	case wm.Bigrams < BigramsNone || wm.Bigrams > BigramsAll:
		return nil, fmt.Errorf("topicmodel: unknown bigram mode %d", wm.Bigrams)
	case !sort.StringsAreSorted(wm.Labels):
		return nil, errors.New("topicmodel: labels not sorted")
	}
	m := &Model{
		algorithm: wm.Algorithm, multiLabel: wm.MultiLabel, bigrams: wm.Bigrams,
		labels: wm.Labels, features: wm.Features, idf: wm.IDF, bias: wm.Bias, thresholds: wm.Thresholds,
		w: make([]float32, L*V),
	}
	k, idx := 0, wm.WIdx
	for i, x := range wm.WVal {
		gap, n := binary.Uvarint(idx)
		if n <= 0 || (i > 0 && gap == 0) || uint64(k)+gap >= uint64(len(m.w)) {
			return nil, errors.New("topicmodel: bad weight index")
		}
		idx = idx[n:]
		k += int(gap)
		m.w[k] = x
	}
	if len(idx) != 0 {
		return nil, errors.New("topicmodel: bad weight index")
	}
	if len(m.idf) == 0 {
		m.idf = nil
	}
	m.buildIndex()
	return m, nil
}
