package answer

import (
	"testing"
)

// TestOfficeMatter: on the shipped library, a message about the party's
// office itself — the office as the owner or purpose of a noun the guides
// use in another sense — whose first guide never names the office is the
// honest no; the office as the place of a task, as a recipient, a speaker,
// a source or a colleague's workplace, or beside a named tool, keeps the
// guide. The rows are invented (docs/passes/probes/eng26c-office*.tsv and
// variants), not from a question set; each "none" row was a choice on
// main 4ca1e4f (checked: they fail without officeMatter).
func TestOfficeMatter(t *testing.T) {
	checkAside(t, loadLibrary(t), []asideRow{
		{"wo finde ich den schlüssel für die geschäftsstelle", ""},
		{"wer hat den schlüssel für unsere geschäftsstelle", ""},
		// Kept: the office as recipient, source, speaker, a
		// colleague's workplace, the place of the task, the way to a
		// person the first guide names, a tool named.
		{"kann ich der geschäftsstelle eine datei per link schicken", "nextcloud/datei-per-link-teilen.md"},
		{"laut geschäftsstelle muss ich mein passwort ändern, wie geht das", "konto/passwort-aendern.md"},
		{"die geschäftsstelle sagt, ich soll die zwei-faktor-anmeldung einschalten", "konto/zwei-faktor-einrichten.md"},
		{"für die geschäftsstelle brauche ich ein app-passwort für thunderbird", "konto/app-passwoerter.md"},
		{"ein kollege aus der geschäftsstelle hat eine datei gelöscht, wie hole ich sie zurück", "nextcloud/geloeschte-dateien-und-versionen.md"},
		{"ich habe in der geschäftsstelle eine datei gelöscht, kann ich sie wiederherstellen", "nextcloud/geloeschte-dateien-und-versionen.md"},
		{"wie richte ich in der geschäftsstelle den zweiten faktor für mein konto ein", "konto/zwei-faktor-einrichten.md"},
		{"kann die geschäftsstelle mein passwort zurücksetzen", "konto/passwort-vergessen.md"},
		{"die leute von der geschäftsstelle sollen meine dateien sehen, wie gebe ich sie frei", "nextcloud/dateien-mit-gruppe-teilen.md"},
		{"im parteibüro geht mein mikrofon in der konferenz nicht", "bbb/mikrofon-und-echo.md"},
		{"im parteibüro ist der speicherplatz in der cloud voll", "nextcloud/speicherplatz-voll.md"},
		// The office owning the first guide's own subject (round 3);
		// the security key's guide names „Schlüssel“ in its summary
		// and aliases, so the office's key keeps that choice too.
		{"schlüssel für das parteibüro verloren, wer hat einen zweiten", "matrix/sicherheitsschluessel-verloren.md"},
		{"wie trete ich dem raum von unserer geschäftsstelle bei", "matrix/raeume-und-spaces-beitreten.md"},
		{"die dateien vom parteibüro sind gelöscht, wie hole ich sie zurück", "nextcloud/geloeschte-dateien-und-versionen.md"},
	})
}

// TestBoundOffice: the office bound to a noun as its owner or purpose,
// also in a headline without the article; not as a place, a recipient,
// a speaker, a source or a sender.
func TestBoundOffice(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"wo finde ich den schlüssel für die geschäftsstelle", true},
		{"wie ist die adresse vom parteibüro", true},
		{"die bürozeiten unserer geschäftsstelle", true},
		// „der“ may be a dative as well (boundAt reads no genitive in it).
		{"die bürozeiten der geschäftsstelle", false},
		{"schluessel fuers parteibuero verloren", true},
		{"ich habe in der geschäftsstelle eine datei gelöscht", false},
		{"kann ich der geschäftsstelle eine datei schicken", false},
		{"die geschäftsstelle sagt, ich soll den zweiten faktor einschalten", false},
		{"ein kollege aus der geschäftsstelle hat eine datei gelöscht", false},
		{"ich habe eine mail von der geschäftsstelle bekommen", false},
		{"wie lade ich die fotos von der geschäftsstelle in die cloud", false},
	} {
		ws := tokens(c.msg)
		qv := partOf(c.msg, 0, ws, foldWords(ws), clauseStarts(c.msg, ws))
		if got := boundOffice(qv) >= 0; got != c.want {
			t.Errorf("boundOffice(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
}
