package gazetteer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// userEntry is one row of a user file.
type userEntry struct {
	Name    string `yaml:"name"`
	Kind    string `yaml:"kind"`
	ID      string `yaml:"id"`
	Country string `yaml:"country"`
	Aliases any    `yaml:"aliases"` // a list, or a string separated by "|"
}

// WithFile returns a new Gazetteer that adds the entries of a user file to
// g; g is unchanged. The file is either TSV with a header naming the
// columns name, kind, id, country and optionally aliases (separated by
// "|"), or, when its extension is .yaml or .yml, a YAML list of the same
// fields. Kind defaults to "org" when empty.
func (g *Gazetteer) WithFile(path string) (*Gazetteer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []userEntry
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		if err := yaml.Unmarshal(b, &rows); err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %v", path, err)
		}
	default:
		rows, err = parseUserTSV(b, path)
		if err != nil {
			return nil, err
		}
	}
	user := slices.Clip(g.user)
	for i, r := range rows {
		if strings.TrimSpace(r.Name) == "" {
			return nil, fmt.Errorf("gazetteer: %s: entry %d has no name", path, i+1)
		}
		aliases, err := aliasList(r.Aliases)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %s: entry %d: %v", path, i+1, err)
		}
		kind := strings.ToLower(strings.TrimSpace(r.Kind))
		if kind == "" {
			kind = Org
		}
		country := strings.ToUpper(strings.TrimSpace(r.Country))
		id := strings.TrimSpace(r.ID)
		if kind == Country && id == "" {
			id = country
		}
		user = append(user, record{Entry{Name: strings.TrimSpace(r.Name), Kind: kind, ID: id, Country: country}, aliases})
	}
	recs, err := embeddedRecords()
	if err != nil {
		return nil, err
	}
	ng := *g
	ng.index, ng.user = newIndex(append(recs, user...), g.ambiguous), user
	return &ng, nil
}

func aliasList(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return list(v), nil
	case []any:
		var out []string
		for _, a := range v {
			s, ok := a.(string)
			if !ok {
				return nil, fmt.Errorf("alias %v is not a string", a)
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("aliases must be a list or a string, not %T", v)
}

func parseUserTSV(b []byte, path string) ([]userEntry, error) {
	var rows []userEntry
	var col map[string]int
	err := eachLine(b, path, func(f []string) error {
		if col == nil {
			col = make(map[string]int)
			for i, h := range f {
				col[strings.ToLower(strings.TrimSpace(h))] = i
			}
			if _, ok := col["name"]; !ok {
				return errors.New(`header has no "name" column`)
			}
			return nil
		}
		get := func(k string) string {
			if i, ok := col[k]; ok {
				return field(f, i)
			}
			return ""
		}
		rows = append(rows, userEntry{Name: get("name"), Kind: get("kind"), ID: get("id"), Country: get("country"), Aliases: get("aliases")})
		return nil
	})
	if err == nil && col == nil {
		err = fmt.Errorf("gazetteer: %s: empty file", path)
	}
	return rows, err
}
