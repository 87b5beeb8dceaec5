package ner

// labelMap maps the research corpora's labels to ours.
func labelMap(misc bool) map[string]string {
	m := map[string]string{
		"PER": "PER", "LOC": "LOC", "ORG": "ORG",
		"PERSON": "PER", "GPE": "LOC",
		"per": "PER", "geo": "LOC", "gpe": "LOC", "org": "ORG",
	}
	if misc {
		m["MISC"] = "MISC"
		for _, l := range []string{"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"} {
			m[l] = "MISC"
		}
	}
	return m
}

func withEntities(docs []Doc) []Doc {
	var out []Doc
	for _, d := range docs {
		for _, ss := range d.Spans {
			if len(ss) > 0 {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// posTag is prose's part-of-speech tagger, which the shipped model was
// trained with (the tokens stage's default).
func posTag() TagFunc {
	f, err := ProseTags()
	if err != nil {
		panic(err)
	}
	return f
}
