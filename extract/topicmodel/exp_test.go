package topicmodel

import (
	"os"
	"testing"
	"time"
)

func TestExperiment(t *testing.T) {
	if os.Getenv("TM_EXP") == "" {
		t.Skip()
	}
	ex, err := ReadDir("../../../shared/data/topics/bbc/train")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []Options{
		{Algorithm: "nb", Bigrams: -1},
		{Algorithm: "nb", Bigrams: 1},
		{Algorithm: "nb", Bigrams: 2},
		{Algorithm: "nb", Bigrams: 1, Alpha: 1},
		{Algorithm: "logreg", Bigrams: -1},
		{Algorithm: "logreg", Bigrams: 1},
		{Algorithm: "logreg", Bigrams: 2},
		{Algorithm: "logreg", Bigrams: 1, Lambda: 1e-4},
		{Algorithm: "logreg", Bigrams: 1, Lambda: 1e-6},
	} {
		st := time.Now()
		m := CrossValidate(ex, o, 5, 1)
		cv := time.Since(st)
		st = time.Now()
		mod, _ := Train(ex, o)
		t.Logf("%+v acc %.4f macroF1 %.4f cv %v train %v feats %d", o, m.Accuracy, m.MacroF1, cv.Round(time.Millisecond), time.Since(st).Round(time.Millisecond), mod.NumFeatures())
	}
}
