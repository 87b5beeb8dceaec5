package perceptron

import (
	"slices"
	"testing"
)

// TestCompactMatchesDense: the compact layout adds the same rows as the
// dense table it was packed from, rows of zeros left out.
func TestCompactMatchesDense(t *testing.T) {
	const nc, buckets = 3, 128
	w := make([]int16, buckets*nc)
	for _, b := range []int{0, 5, 63, 64, 100, 127} {
		for k := range nc {
			w[b*nc+k] = int16(b*10 + k - 200)
		}
	}
	index, rows, n := Pack16(w, nc)
	if n != 6 || len(rows) != 2*n*nc {
		t.Fatalf("%d rows kept (%d bytes), want 6", n, len(rows))
	}
	c := NewCompact16(index, rows)
	// More features than Add looks up at once, rows and zeros mixed.
	var many []uint32
	for i := range 150 {
		many = append(many, uint32(i*37%buckets))
	}
	for _, feats := range [][]uint32{{0}, {5, 63, 64}, {1, 2, 3}, {127, 100, 100}, many, nil} {
		want, got := make([]float32, nc), make([]float32, nc)
		Dense16(w).Add(nc, feats, want)
		c.Add(nc, feats, got)
		if !slices.Equal(got, want) {
			t.Errorf("features %v: compact %v, dense %v", feats, got, want)
		}
	}
}

// TestTrainerAverages: the average weighs each weight by how long it held.
func TestTrainerAverages(t *testing.T) {
	tr := NewTrainer(2, 2)
	tr.Update([]uint32{1}, 0, 1) // w[1] = (+1, -1) from the first decision on
	tr.Tick()
	tr.Tick()
	avg := make([]float32, 4)
	tr.Averaged(avg)
	// Held for 2 of 3 ticks of the clock: 1 - 1/3.
	if want := []float32{0, 0, 1 - float32(1.0/3), -1 + float32(1.0/3)}; !slices.Equal(avg, want) {
		t.Errorf("averaged %v, want %v", avg, want)
	}
	var q [4]int16
	if sc := Quantize16(avg, q[:]); q[2] != 32767 || q[3] != -32767 || sc <= 0 {
		t.Errorf("quantized %v scale %v", q, sc)
	}
}
