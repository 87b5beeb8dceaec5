package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	text := os.Getenv("ZZ")
	if text == "" {
		t.Skip()
	}
	d := runStages(t, text, "paragraphs", "tokens", "entities")
	for _, s := range d.Sentences {
		fmt.Printf("S %q\n", d.Text[s.Start:s.End])
	}
	for _, tk := range d.Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println()
	for _, e := range d.Entities {
		fmt.Printf("E %s %q %s\n", e.Label, e.Text, e.Source)
	}
}
