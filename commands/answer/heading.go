package answer

// minHeading is the fewest distinct words of a message the first shown
// guide must name in its section headings for namedInHeading.
const minHeading = 1

// namedInHeading reports whether the first shown guide of the weak
// evidence names a distinct word of the message in one of its section
// headings (search.Hit.Heading): the guide names the word as a matter of
// its own („## Handy gestohlen?“, „## Echo und Pfeifen“), not in passing
// in its prose. Read by rescueWeak beside the line figure.
func namedInHeading(w *weakEvidence) bool {
	return w.heading >= minHeading
}
