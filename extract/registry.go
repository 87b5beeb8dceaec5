// Package extract holds readout's stages, one file each. Every stage is
// built once from its config section and shared read-only by all workers.
package extract

import (
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/pipeline"
)

// Registry returns every stage readout has, by its name in config.
func Registry() pipeline.Registry {
	return pipeline.Registry{
		"paragraphs":   NewParagraphs,
		"tokens":       NewTokens,
		"dates":        NewDates,
		"entities":     NewEntities,
		"participants": NewParticipants,
		"topics":       NewTopics,
		"tables":       NewTables,
		"issues":       NewIssues,
	}
}

// loadGazetteer returns the built-in gazetteer, with a user's file added
// when path is set. The built-in one is loaded once per process.
func loadGazetteer(path string) (*gazetteer.Gazetteer, error) {
	g, err := gazetteer.Default()
	if err != nil || path == "" {
		return g, err
	}
	return g.WithFile(path)
}
