package answer

import (
	"slices"

	"github.com/lotse-bot/lotse/guides/search"
)

// hasGuide reports whether hits hold the guide id.
func hasGuide(hits []search.Hit, id string) bool {
	return slices.ContainsFunc(hits, func(h search.Hit) bool { return h.ID == id })
}

// without returns hits without the guide id (a new slice).
func without(hits []search.Hit, id string) []search.Hit {
	return slices.DeleteFunc(slices.Clone(hits), func(h search.Hit) bool { return h.ID == id })
}
