package extract

import "testing"

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{"Erdoğan": "erdogan", "Recep  Tayyip-Erdoğan": "recep tayyip erdogan", " Jean-Luc ": "jean luc", "O'Brien": "obrien", "ŁÓDŹ": "lodz", "Ali al-Sistani": "ali al sistani", "Straße": "strasse"} {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%q) = %q, want %q", in, got, want)
		}
	}
}
