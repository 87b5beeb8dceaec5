package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalIssues scores the reference article against a gold table made
// from the article's own "Issue | Egypt's Focus | Russia's Focus" table:
// its three issues are found with both parties, and nothing else.
func TestEvalIssues(t *testing.T) {
	dir := t.TempDir()
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "ref.txt"), string(text))
	writeFile(t, filepath.Join(dir, "ref.json"), `{"file": "ref.txt", "parties": ["Egypt", "Russia"], "issues": [
	  {"issue": "Libya", "kind": "place", "focus": {"Egypt": ["Border security", "political unity"], "Russia": ["Strategic stability", "diplomacy"]}},
	  {"issue": "Gaza", "kind": "place", "focus": {"Egypt": ["Ceasefire", "humanitarian access"], "Russia": ["De-escalation", "international balance"]}},
	  {"issue": "Sudan", "kind": "place", "focus": {"Egypt": ["Regional stability", "Nile security"], "Russia": ["Conflict containment", "influence"]}}]}`)
	out, _, err := run(t, "", "eval", "issues", "--gold", dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Articles []struct{ File, Split string }
		Overall  struct {
			Issue struct{ TP, Gold, Pred int }
			Party struct{ TP, Gold, Pred int } `json:"party_on_issue"`
			Focus struct {
				Recall float64
				Gold   int
			}
			Mean float64
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	o := rep.Overall
	if len(rep.Articles) != 1 || o.Issue.TP != 3 || o.Issue.Gold != 3 || o.Issue.Pred != 3 || o.Party.TP != 6 || o.Party.Gold != 6 || o.Focus.Gold != 12 || o.Focus.Recall != 1 {
		t.Errorf("report %+v\n%s", rep, out)
	}
	_, _, err = run(t, "", "eval", "issues", "--gold", dir, "--min-mean", "0.999")
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "--min-mean") {
		t.Errorf("--min-mean 0.999: %v", err)
	}
	if _, _, err := run(t, "", "eval", "issues", "--gold", t.TempDir()); exitCode(err) != 2 || !strings.Contains(err.Error(), "no gold") {
		t.Errorf("empty folder: %v", err)
	}
}
