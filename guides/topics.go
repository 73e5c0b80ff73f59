package guides

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// TopicsFile is an optional file at the library root that gives topic
// folders a readable title, e.g. `bbb: "Videokonferenzen (BigBlueButton)"`.
// Without it a topic's title is its folder name with a capital letter.
const TopicsFile = "topics.yaml"

// readTopicTitles reads TopicsFile from dir; a missing file is no problem.
func readTopicTitles(dir string) (map[string]string, []Problem) {
	path := filepath.Join(dir, TopicsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, []Problem{{File: path, Line: 1, Message: fmt.Sprintf("cannot read topic titles: %v", err), Warning: true}}
	}
	var titles map[string]string
	if err := yaml.Unmarshal(data, &titles); err != nil {
		return nil, []Problem{{File: path, Line: 1, Message: fmt.Sprintf("topic titles are not a YAML map of folder: title: %v", err), Warning: true}}
	}
	return titles, nil
}

// withTopicTitles sets the titles of the library's topics from titles
// (before the library is shared; libraries are immutable afterwards).
func (l *Library) withTopicTitles(titles map[string]string) *Library {
	for i, t := range l.topics {
		if title, ok := titles[t.Name]; ok && title != "" {
			l.topics[i].Title = title
		}
	}
	return l
}
