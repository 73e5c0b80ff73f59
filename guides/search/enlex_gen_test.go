// The rebuild of enlex.tsv from the gettext and Qt catalogs of pinned
// Debian 12 packages (TestEnLexRebuild, a development aid that does
// nothing unless LOTSE_ENLEX_SRC is set), with its catalog readers and the
// IBM Model 1 learner; enlex_test.go tests the readers and the learner.

package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
)

// TestEnLexRebuild rebuilds enlex.tsv, the English → German word lexicon,
// from the gettext catalogs of Debian packages (development aid; the
// embedded file is the artifact, this test documents how it was made and
// makes it again):
//
//	mkdir -p /tmp/enlex && cd /tmp/enlex
//	apt-get download PACKAGES…   # the list and versions in enlexFileHeader
//	for d in *.deb; do dpkg-deb -x "$d" x; done
//	LOTSE_ENLEX_SRC=/tmp/enlex/x go test -tags goolm -run TestEnLexRebuild ./guides/search/
//
// When a pinned Debian 12 version has left the mirrors (a point release
// replaces it), apt-get download finds it no more: every version stays on
// snapshot.debian.org, the .deb under
// https://snapshot.debian.org/package/SOURCE/VERSION/ (SOURCE the source
// package), or for apt a line "deb [check-valid-until=no]
// https://snapshot.debian.org/archive/debian/TIMESTAMP/ bookworm main"
// (and bookworm-updates, bookworm-security from archive/debian-security)
// in sources.list.
//
// Every de/LC_MESSAGES/*.mo file under the directory is read (a message's
// msgid is the English UI string, its msgstr the German one), and every
// *_de.qm file (Qt: source text and translation). The word
// translations are learned from the short string pairs by IBM Model 1 in
// both directions (enlexLearn); no row is chosen or edited by hand.
func TestEnLexRebuild(t *testing.T) {
	src := os.Getenv("LOTSE_ENLEX_SRC")
	if src == "" {
		t.Skip("set LOTSE_ENLEX_SRC to the directory the Debian packages were unpacked into")
	}
	var pairs []enlexPair
	files := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		read := readMO
		switch {
		case strings.HasSuffix(p, ".mo") && strings.Contains(p, "/de/LC_MESSAGES/"):
		case strings.HasSuffix(p, "_de.qm"):
			read = readQM
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		ps, err := read(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for _, p := range ps {
			pairs = append(pairs, enlexPair{p[0], p[1], files})
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows := enlexLearn(pairs)
	var sb strings.Builder
	sb.WriteString(enlexFileHeader)
	for _, r := range rows {
		fmt.Fprintf(&sb, "%s\t%s\n", r.en, strings.Join(r.de, ","))
	}
	if err := os.WriteFile("enlex.tsv", []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d catalogs, %d string pairs, %d rows", files, len(pairs), len(rows))
}

// enlexFileHeader is the comment block of enlex.tsv.
const enlexFileHeader = `# English → German word lexicon (search: English words the library does not know), made MECHANICALLY by
# TestEnLexRebuild (enlex_gen_test.go) from the gettext catalogs (de/LC_MESSAGES/*.mo: msgid
# English, msgstr German) of these Debian 12 (bookworm) packages:
#   libreoffice-l10n-de 4:7.4.7-1+deb12u14, evolution-common 3.46.4-2+deb12u1,
#   evolution-data-server-common 3.46.4-2+deb12u1, nautilus-data 43.2-1,
#   gnome-control-center-data 1:43.6-2~deb12u1, gnome-shell-common 43.9-0+deb12u2,
#   gnome-settings-daemon-common 43.0-4, gnome-software-common 43.5-1~deb12u2,
#   gnome-bluetooth-3-common 42.5-3, gnome-calendar 43.1-2, gnome-contacts 43.1-1,
#   gnome-disk-utility 43.0-1, gnome-maps 43.5-2~deb12u1, libgtk-3-common 3.24.38-2~deb12u3,
#   evince-common 43.1-2+deb12u1, totem-common 43.0-2, cheese-common 43.0-1,
#   file-roller 43.0-1, geary 43.0-1+b1, deja-dup 44.0-2, pidgin-data 2.14.12-1,
#   hexchat-common 2.16.1-1, network-manager 1.42.4-1+deb12u1, network-manager-gnome 1.30.0-2,
#   pulseaudio 16.1+dfsg1-2+b1, pavucontrol 5.0-2, system-config-printer-common 1.5.18-1,
#   thunar-data 4.18.4-1, xfce4-settings 4.18.2-1, vlc-l10n 3.0.24-0+deb12u1, and the Qt catalog
#   usr/share/nextcloud/i18n/client_de.qm of nextcloud-desktop-l10n 3.7.3-1+deb12u2
# (licences: enlex-NOTICE.txt). Rule (enlexLearn): string pairs of at most enlexMaxWords words on
# each side, mnemonics and placeholders removed, each distinct pair once; IBM Model 1 (EM, NULL
# word) English→German and German→English on English Snowball stems and German index keys; a
# German key is kept for an English stem (a–z only) when both directions give it at least the
# thresholds of enlexLearn (the intersection of the two directions), both have three letters
# or more, the German word is not the English one (its English stem differs), the two co-occur in
# enlexMinPairs pairs and in the pairs of enlexMinCatalogs catalogs (a product's own collocation
# stays out), and the stem is no stem of a stop word or of an everyday word of
# commonListEnglish (common.go: narrative and light verbs, time, place, quantity words); at most
# enlexMaxTrans per stem, best first, written as the German word form seen most often. Never
# edited by hand.
# english_stem<TAB>german words
`

// readMO returns the (English, German) string pairs of a gettext .mo
// file: the context is dropped, of a plural its first forms.
func readMO(b []byte) ([][2]string, error) {
	if len(b) < 28 {
		return nil, errors.New("short .mo file")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	switch bo.Uint32(b) {
	case 0x950412de:
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, errors.New("no .mo magic")
	}
	n, origs, trans := bo.Uint32(b[8:]), bo.Uint32(b[12:]), bo.Uint32(b[16:])
	str := func(table, i uint32) (string, error) {
		at := uint64(table) + 8*uint64(i) // in uint64: table + 8*i may wrap in uint32
		if at+8 > uint64(len(b)) {
			return "", errors.New("table out of range")
		}
		l, off := bo.Uint32(b[at:]), bo.Uint32(b[at+4:])
		if uint64(off)+uint64(l) > uint64(len(b)) {
			return "", errors.New("string out of range")
		}
		return string(b[off : off+l]), nil
	}
	var out [][2]string
	for i := uint32(0); i < n; i++ {
		en, err := str(origs, i)
		if err != nil {
			return nil, err
		}
		de, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		if j := strings.IndexByte(en, 4); j >= 0 {
			en = en[j+1:] // msgctxt EOT msgid
		}
		en, _, _ = strings.Cut(en, "\x00")
		de, _, _ = strings.Cut(de, "\x00")
		if en != "" && de != "" {
			out = append(out, [2]string{en, de})
		}
	}
	return out, nil
}

// readQM returns the (English, German) string pairs of a Qt .qm file
// (the format QTranslator reads: a magic, then tagged blocks; the
// messages block holds per message tagged fields, the translation in
// UTF-16BE, the source text in UTF-8): of a plural its first form.
func readQM(b []byte) ([][2]string, error) {
	const magicLen = 16
	if len(b) < magicLen {
		return nil, errors.New("short .qm file")
	}
	var msgs []byte
	for at := magicLen; at+5 <= len(b); {
		tag, n := b[at], int(binary.BigEndian.Uint32(b[at+1:]))
		at += 5
		if n < 0 || at+n > len(b) {
			return nil, errors.New("block out of range")
		}
		if tag == 0x69 { // messages
			msgs = b[at : at+n]
		}
		at += n
	}
	var out [][2]string
	var en, de string
	for at := 0; at < len(msgs); {
		tag := msgs[at]
		at++
		switch tag {
		case 1: // end of a message
			if en != "" && de != "" {
				out = append(out, [2]string{en, de})
			}
			en, de = "", ""
			continue
		case 5: // obsolete: a 4-byte hash
			at += 4
			continue
		case 9: // obsolete, no data
			continue
		case 2, 3, 4, 6, 7, 8:
		default:
			return nil, fmt.Errorf("unknown .qm message tag %d", tag)
		}
		if at+4 > len(msgs) {
			return nil, errors.New("message out of range")
		}
		n := binary.BigEndian.Uint32(msgs[at:])
		at += 4
		if n == 0xffffffff {
			continue // no translation
		}
		if at+int(n) > len(msgs) {
			return nil, errors.New("message field out of range")
		}
		f := msgs[at : at+int(n)]
		at += int(n)
		switch {
		case tag == 3 && de == "":
			de = utf16be(f)
		case tag == 6:
			en = string(f)
		}
	}
	return out, nil
}

// utf16be decodes UTF-16BE bytes (a .qm translation).
func utf16be(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// Bounds of the lexicon's learning (enlexLearn).
const (
	enlexMaxWords = 8 // words per side of a string pair used
	enlexIters    = 6 // EM iterations per direction
	enlexMinPairs = 3 // distinct string pairs an English stem and a German key share
	// enlexMinCatalogs is the number of catalogs whose string pairs an
	// English stem and a German key must share: a pair only one product
	// uses is that product's collocation ("major" → "Hauptgitterlinien"
	// in a chart dialog), not a translation of the word.
	enlexMinCatalogs = 2
	enlexMinFwd      = 0.2 // t(German key | English stem)
	enlexMinBwd      = 0.2 // t(English stem | German key)
)

// enlexMarkup matches what is no word of a UI string: printf and Python
// placeholders, {…} and $(…) variables, markup tags, entities.
var enlexMarkup = regexp.MustCompile(`%(\d+\$)?[-+ #0-9.]*[a-zA-Z]|%\([a-z_]+\)[a-z]|\{[^}]*\}|\$\([^)]*\)|<[^>]*>|&[a-z]+;`)

// enlexWords splits a UI string into folded words: mnemonic marks (_ ~ &)
// and markup removed, letters only, hyphenated words in their parts.
func enlexWords(s string) []string {
	s = enlexMarkup.ReplaceAllString(s, " ")
	s = strings.NewReplacer("_", "", "~", "", "&", "").Replace(s)
	return strings.FieldsFunc(foldWord(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// enlexRow is one row of enlex.tsv.
type enlexRow struct {
	en string
	de []string
}

// enlexPair is one aligned UI string pair and the catalog it came from.
type enlexPair struct {
	en, de string
	cat    int
}

// enlexSkipStems returns the English stems the lexicon has no row for:
// those of the stop words and of the everyday words of commonListEnglish.
// Both lists are general English, written for the search, not for the
// lexicon: a light verb or a narrative word ("take", "keep", "see",
// "long", "home") has as many German words as uses, and a UI catalog
// pairs it with one of them ("take" → "aufnehmen" of a camera app).
func enlexSkipStems(es *englishStemmer) map[string]bool {
	m := map[string]bool{}
	for _, l := range []string{stopList, stopParadigms, commonListEnglish} {
		for _, w := range strings.Fields(l) {
			if asciiLetters(w) {
				m[enlexKey(w, es)] = true
			}
		}
	}
	return m
}

// enlexLearn learns the lexicon's rows from UI string pairs (see
// enlexFileHeader for the rule).
func enlexLearn(raw []enlexPair) []enlexRow {
	est := newEnglishStemmer()
	skip := enlexSkipStems(est)
	gst := newStemmer()
	type sent struct {
		e, g []int32
		cats []int // the catalogs the string pair is in
	}
	var eVoc, gVoc []string
	eID, gID := map[string]int32{}, map[string]int32{}
	surf := map[string]map[string]int{} // German key → surface → count
	id := func(voc *[]string, ids map[string]int32, w string) int32 {
		if i, ok := ids[w]; ok {
			return i
		}
		ids[w] = int32(len(*voc))
		*voc = append(*voc, w)
		return ids[w]
	}
	seen := map[[2]string]int{} // string pair → its index in sents
	var sents []sent
	for _, p := range raw {
		ew, gw := enlexWords(p.en), enlexWords(p.de)
		if len(ew) == 0 || len(gw) == 0 || len(ew) > enlexMaxWords || len(gw) > enlexMaxWords {
			continue
		}
		k := [2]string{strings.Join(ew, " "), strings.Join(gw, " ")}
		if i, ok := seen[k]; ok {
			if !slices.Contains(sents[i].cats, p.cat) {
				sents[i].cats = append(sents[i].cats, p.cat)
			}
			continue
		}
		seen[k] = len(sents)
		s := sent{cats: []int{p.cat}}
		for _, w := range ew {
			s.e = append(s.e, id(&eVoc, eID, enlexKey(w, est)))
		}
		for _, w := range gw {
			gk := gst.stem(w)
			if surf[gk] == nil {
				surf[gk] = map[string]int{}
			}
			surf[gk][w]++
			s.g = append(s.g, id(&gVoc, gID, gk))
		}
		sents = append(sents, s)
	}
	es := make([][]int32, len(sents))
	gs := make([][]int32, len(sents))
	cooc := map[uint64]int{}
	cats := map[uint64]map[int]bool{} // the catalogs a pair co-occurs in
	for i, s := range sents {
		es[i], gs[i] = s.e, s.g
		done := map[uint64]bool{}
		for _, e := range s.e {
			for _, g := range s.g {
				k := uint64(e)<<32 | uint64(g)
				if !done[k] {
					done[k] = true
					cooc[k]++
					if cats[k] == nil {
						cats[k] = map[int]bool{}
					}
					for _, c := range s.cats {
						cats[k][c] = true
					}
				}
			}
		}
	}
	fwd := model1(es, gs, enlexIters) // t(g | e), key e<<32|g
	bwd := model1(gs, es, enlexIters) // t(e | g), key g<<32|e
	best := map[int32][]struct {
		g int32
		p float64
	}{}
	for k, n := range cooc {
		e, g := int32(k>>32), int32(k&0xffffffff)
		ew, gw := eVoc[e], gVoc[g]
		// Words of at least three letters on both sides (no "E" of
		// "E-Mail"), and no German word that is the English one (a
		// loanword or a product name: "windows" for "window").
		if n < enlexMinPairs || len(cats[k]) < enlexMinCatalogs || len(ew) < 3 || len(gw) < 3 ||
			!asciiLetters(ew) || skip[ew] || isStop(ew) || isStop(gw) || ew == gw || enlexKey(gw, est) == ew {
			continue
		}
		pf, pb := fwd[uint64(e+1)<<32|uint64(g)], bwd[uint64(g+1)<<32|uint64(e)]
		if pf < enlexMinFwd || pb < enlexMinBwd {
			continue
		}
		best[e] = append(best[e], struct {
			g int32
			p float64
		}{g, pf * pb})
	}
	var rows []enlexRow
	for e, cs := range best {
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].p != cs[j].p {
				return cs[i].p > cs[j].p
			}
			return gVoc[cs[i].g] < gVoc[cs[j].g]
		})
		r := enlexRow{en: eVoc[e]}
		for _, c := range cs {
			if len(r.de) == enlexMaxTrans {
				break
			}
			r.de = append(r.de, topSurface(surf[gVoc[c.g]]))
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].en < rows[j].en })
	return rows
}

// topSurface returns the surface form seen most often (ties: the first
// in order).
func topSurface(m map[string]int) string {
	best, n := "", -1
	for w, c := range m {
		if c > n || (c == n && w < best) {
			best, n = w, c
		}
	}
	return best
}

// model1 trains IBM Model 1 translation probabilities t(target | source)
// on aligned sentences of word ids, with a NULL source word (id -1). The
// result is keyed (source+1)<<32 | target.
func model1(src, tgt [][]int32, iters int) map[uint64]float64 {
	t := map[uint64]float64{}
	for i := range src {
		for _, g := range tgt[i] {
			t[uint64(g)] = 1 // NULL
			for _, e := range src[i] {
				t[uint64(e+1)<<32|uint64(g)] = 1
			}
		}
	}
	for range iters {
		count := make(map[uint64]float64, len(t))
		total := map[int32]float64{}
		for i := range src {
			for _, g := range tgt[i] {
				z := t[uint64(g)]
				for _, e := range src[i] {
					z += t[uint64(e+1)<<32|uint64(g)]
				}
				add := func(e int32) {
					k := uint64(e+1)<<32 | uint64(g)
					c := t[k] / z
					count[k] += c
					total[e] += c
				}
				add(-1)
				for _, e := range src[i] {
					add(e)
				}
			}
		}
		for k, c := range count {
			t[k] = c / total[int32(k>>32)-1]
		}
	}
	return t
}
