package search

import (
	_ "embed" // the blind list of other things
	"fmt"
	"strings"
)

// otherThingsTSV is a list of products, services, providers and devices
// outside the association's tools (mail providers, banks, telephone
// providers, device makers, home electronics, smart home, other
// messengers and social networks, other cloud and office software,
// shopping, streaming, travel and public-service apps, security
// software, generic device words, browsers), by category, each category
// with its source in a comment. It was written blind (eighth quality
// pass, helper vocab8) from general knowledge of the German consumer IT
// market, without seeing any question set, and is embedded unchanged:
// word<TAB>category<TAB>flag. The flag "guides" marks a word that occurs
// somewhere in a guide of the shipped or the benchmark library, the flag
// "ambiguous" a word that is also an everyday or IT-help word.
//
//go:embed otherthings.tsv
var otherThingsTSV string

// otherThingsCategory is what the off-topic signals make of a category of
// otherThingsTSV.
type otherThingsCategory struct {
	// Name is the off-topic group's name.
	Name string
	// Leave: the category is left out (the reason is in the comment of
	// otherThingsCategories).
	Leave bool
	// Device: see offTopicGroup.Device.
	Device bool
	// Recommended: the products of the category that a guide names are
	// the ones the guides recommend to members: the library's own
	// matter, no weak signal either (see otherThingsWeak).
	Recommended bool
}

// otherThingsCategories decides every category of otherThingsTSV (a
// category missing here fails TestOtherThingsParse).
var otherThingsCategories = map[string]otherThingsCategory{
	"email":                         {Name: "mail providers"},
	"banking":                       {Name: "banks and payment"},
	"telecom":                       {Name: "telephone and internet providers"},
	"messengers-social":             {Name: "other messengers and social networks"},
	"cloud-office":                  {Name: "other cloud and office software"},
	"shopping-streaming-travel-gov": {Name: "shopping, streaming, travel, public services"},
	// The password managers and authenticator apps a guide names
	// (KeePassXC, Bitwarden, Aegis, FreeOTP …) are those it recommends.
	"security": {Name: "security software", Recommended: true},
	// Devices: phones, computers and their systems, home electronics,
	// smart home, generic device words. Like the hand-written hardware
	// group they are where a member uses the association's tools as
	// often as what a message is about.
	"devices":          {Name: "device makers and systems", Device: true},
	"home-electronics": {Name: "home electronics", Device: true},
	"smart-home":       {Name: "smart home", Device: true},
	"generic-devices":  {Name: "other devices", Device: true},
	// Browsers are left out: the association's tools (Nextcloud,
	// Element, BigBlueButton) run in a browser, so a browser is the
	// setting of the questions the guides answer ("im Firefox geht das
	// Mikrofon nicht"), not a thing outside the library — the reason the
	// hand-written list leaves out "Browser".
	"browsers": {Name: "browsers", Leave: true},
}

// otherThingsDropFlags are the flags whose words are left out, by a
// general reason each:
//   - "guides": a guide of an IT help library uses the word as its
//     subject or as the setting of its questions: it is no sure sign of
//     a thing outside the library. A proper name of another company's
//     product among them (Outlook, iPhone, Samsung, Dropbox) is kept as a
//     weak signal (otherThingsWeak); a common noun (otherThingsClassWords)
//     is left out.
//   - "ambiguous": the word is also an everyday or IT-help word ("Switch",
//     "Signal", "Auto", "Ring"): as a full signal it would fire on
//     messages that use it in that sense. It is kept as a weak signal
//     too (otherThingsWeakAmbiguous), without inflection endings.
var otherThingsDropFlags = map[string]bool{"guides": true, "ambiguous": true}

// otherThingsWeak is the flag whose words that are proper names — not in
// otherThingsClassWords — are weak signals (offTopicGroup.Weak).
const otherThingsWeak = "guides"

// otherThingsWeakAmbiguous is the flag whose words — but those of
// otherThingsOrdinary — are weak signals that match only as written
// (offTopicGroup.Weak and Bare; eighth pass, branch thing8b). A weak
// signal counts only where the message meets its first guide in one
// word (commands/answer: offTopicOnOneWord): "my tv has no sound
// anymore" meets an audio guide in "sound" alone, whereas a message
// that uses the everyday sense ("das Signal ist schlecht im Videocall")
// names its matter in more words the guides use. The everyday word
// inflects into other everyday words ("klingeln", "Ringe"); a product's
// name does not, so no endings.
const otherThingsWeakAmbiguous = "ambiguous"

// otherThingsOrdinary are the words the list's own header marks
// "ambiguous" although a guide uses them — only in their everyday sense
// (an audio echo, the colour blue, a placeholder x, "Messenger-Gruppen"):
// the guides' own words, no signal at all ("Echo" is a tag of an audio
// guide).
var otherThingsOrdinary = map[string]bool{"echo": true, "blau": true, "x": true, "messenger": true}

// otherThingsClassWords are the words flagged "guides" that are not the
// name of another company's product but a common noun for a class of
// things or a service the association runs itself (Duden: Gattungsname,
// not Eigenname): the guides' own subjects — Mail, Cloud, Office, VPN,
// Handy, Smartphone, Kamera, Webcam, Kopfhörer, Lautsprecher, Festnetz —
// and two words that are common nouns in German or IT as well ("Teams",
// the plural of Team; "MAC", a network address). They are no signal at
// all.
var otherThingsClassWords = map[string]bool{"mail": true, "cloud": true, "office": true, "vpn": true, "handy": true,
	"smartphone": true, "kamera": true, "camera": true, "webcam": true, "kopfhörer": true, "lautsprecher": true,
	"festnetz": true, "teams": true, "mac": true}

// otherThingsGroups, deviceClassForms and otherThingsErr: otherThingsTSV
// as off-topic groups, in the order of the categories' first rows; the
// forms of the class words of its device categories (see
// parseOtherThings); the rows that did not parse (TestOtherThingsParse
// fails on them).
var otherThingsGroups, deviceClassForms, otherThingsErr = parseOtherThings(otherThingsTSV, otherThingsCategories,
	otherThingsDropFlags)

// parseOtherThings reads rows word<TAB>category<TAB>flag (lines starting
// with "#" and empty lines are comments) into one off-topic group per
// category that cats does not leave out, without the words whose flag
// drop names — but the proper names flagged otherThingsWeak go to a weak
// group of their category, and the words flagged otherThingsWeakAmbiguous
// (but otherThingsOrdinary) to a weak bare group of their category.
// classForms are the forms (word plus an inflection ending, offTopicEnds)
// of the class words of the device categories (otherThingsClassWords),
// each with its category's name — whether or not the category or the
// word is left out of the groups: the thing share (thingWord) counts them.
func parseOtherThings(tsv string, cats map[string]otherThingsCategory, drop map[string]bool) (groups []offTopicGroup,
	classForms map[string]string, err error) {
	classForms = map[string]string{}
	at := map[string]int{}
	var bad []string
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(f) > 3 || strings.TrimSpace(f[0]) == "" {
			bad = append(bad, fmt.Sprintf("line %d: %q", n+1, line))
			continue
		}
		word, cat, flag := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), ""
		if len(f) == 3 {
			flag = strings.TrimSpace(f[2])
		}
		c, ok := cats[cat]
		if !ok {
			bad = append(bad, fmt.Sprintf("line %d: category %q undecided", n+1, cat))
			continue
		}
		if c.Device && otherThingsClassWords[word] {
			for _, end := range offTopicEnds {
				classForms[word+end] = c.Name
			}
		}
		named := flag == otherThingsWeak && !otherThingsClassWords[word] && !c.Recommended
		bare := flag == otherThingsWeakAmbiguous && !otherThingsOrdinary[word]
		weak := named || bare
		if c.Leave || drop[flag] && !weak {
			continue
		}
		switch {
		case named:
			// The weak words of a category are a group of their own.
			cat += "\tweak"
			c.Name += " (named in guides)"
		case bare:
			cat += "\tbare"
			c.Name += " (everyday words)"
		}
		gi, ok := at[cat]
		if !ok {
			gi = len(groups)
			at[cat] = gi
			groups = append(groups, offTopicGroup{Name: c.Name, Device: c.Device, Weak: weak, Bare: bare})
		}
		groups[gi].Words = append(groups[gi].Words, word)
	}
	if len(bad) > 0 {
		return groups, classForms, fmt.Errorf("otherthings.tsv: %s", strings.Join(bad, "; "))
	}
	return groups, classForms, nil
}
