// Package guides loads, checks, searches and renders the Markdown guides that
// Lotse answers questions from. It knows nothing about Matrix: it returns
// sanitised HTML (restricted to the Matrix HTML subset) and plain text, and
// the bot turns them into messages.
//
// # Guide files
//
// A guide is a UTF-8 Markdown file with YAML front matter between two "---"
// lines:
//
//	---
//	title: "Zum ersten Mal in die Cloud"
//	tags: [nextcloud, anmeldung]
//	summary: "Wie du dich das erste Mal anmeldest."
//	aliases:                 # optional: typical questions
//	  - "Wie logge ich mich ein?"
//	audience: members        # optional: a name or a list; default members
//	requires: [nextcloud]    # optional: left out while this feature is off
//	---
//
//	# Zum ersten Mal in die Cloud
//	…
//
// The library is a folder tree of such files. A guide's ID is its path
// relative to the library root with "/" separators, e.g.
// "nextcloud/anmelden.md"; the top-level folder is its topic. Hidden files and
// folders and a README.md at the root are ignored.
//
// The body is split into sections at "##" and "###" headings (see [Section]);
// section anchors follow GitHub's rules (lower case, letters including
// umlauts and digits kept, spaces become "-", duplicates get "-1", "-2"), so
// a link like [x](../bbb/raum.md#raum-beantragen) works on GitHub, in
// editors and in Lotse alike.
//
// # Bad files
//
// A file that cannot be used becomes a [Problem] with file and line, and is
// skipped; a bad guide never takes the bot down. Files are read only inside
// the library (a symbolic link out of it is refused), at most
// [MaxFileSize], as UTF-8 text, and Markdown nested so deep or so full of
// unclosed links that parsing it would take seconds to minutes is refused
// before it is parsed. [Load] reports these, [Check] adds lint checks
// (links, anchors, images, duplicates, unknown audiences), and [Store]
// reloads the library when files change; a file that breaks on a reload
// keeps its guide as loaded before until it is fixed.
package guides
