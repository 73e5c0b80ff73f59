package guides

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"gopkg.in/yaml.v3"
)

// TopicsFile is an optional file at the library root that gives topic
// folders a readable title, e.g. `bbb: "Videokonferenzen (BigBlueButton)"`.
// Without it a topic's title is its folder name with a capital letter.
const TopicsFile = "topics.yaml"

// topicTitles are the entries of TopicsFile in the file's order.
type topicTitles []struct{ name, title string }

// readTopicTitles reads TopicsFile from dir; a missing file is no problem.
func readTopicTitles(dir string) (topicTitles, []Problem) {
	path := filepath.Join(dir, TopicsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, []Problem{{File: path, Line: 1, Message: fmt.Sprintf("cannot read topic titles: %v", err), Warning: true}}
	}
	// A yaml.Node keeps the order of the keys, which is the order in which
	// members see the topics.
	var doc yaml.Node
	notMap := Problem{File: path, Line: 1, Message: "topic titles are not a YAML map of folder: title", Warning: true}
	if err := safeUnmarshal(data, &doc); err != nil {
		notMap.Message += ": " + err.Error()
		return nil, []Problem{notMap}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	m := resolveAlias(doc.Content[0])
	if m.Kind != yaml.MappingNode {
		return nil, []Problem{notMap}
	}
	var titles topicTitles
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := resolveAlias(m.Content[i]), resolveAlias(m.Content[i+1])
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode {
			notMap.Line = k.Line
			return nil, []Problem{notMap}
		}
		titles = append(titles, struct{ name, title string }{k.Value, v.Value})
	}
	return titles, nil
}

// withTopicTitles sets the titles of the library's topics from titles and
// orders the topics as the file lists them; topics it does not list follow
// in their folder order (before the library is shared; libraries are
// immutable afterwards).
func (l *Library) withTopicTitles(titles topicTitles) *Library {
	rank := make(map[string]int, len(titles))
	for i, t := range titles {
		if _, dup := rank[t.name]; !dup {
			rank[t.name] = i
		}
		for j := range l.topics {
			if l.topics[j].Name == t.name && t.title != "" {
				l.topics[j].Title = t.title
			}
		}
	}
	slices.SortStableFunc(l.topics, func(a, b Topic) int {
		ra, aok := rank[a.Name]
		rb, bok := rank[b.Name]
		switch {
		case aok && bok:
			return ra - rb
		case aok:
			return -1
		case bok:
			return 1
		}
		return 0
	})
	return l
}
