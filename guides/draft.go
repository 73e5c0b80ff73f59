package guides

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Guide drafts (issue 18, point 4): a solved support case — the member's
// question and the team's answers to the member — becomes a Markdown guide
// in the library's format for an author to finish. The draft never holds
// names, Matrix IDs, e-mail addresses or phone numbers: they are replaced
// by visible placeholders („[E-Mail entfernt]"), so that the author sees
// where to write something general instead. Internal notes never reach
// the generator (the caller passes answers only).

// Errors of [NewDraft].
var (
	// ErrNoAnswers: the case has no team answer to draw a draft from.
	ErrNoAnswers = errors.New("no team answers to draw from")
	// ErrNoQuestion: the member's question is gone (erased or empty).
	ErrNoQuestion = errors.New("no member question to draw from")
)

// Bounds of a draft: a case with very long or very many answers still
// gives a file an author can read (and [MaxFileSize] is never near).
const (
	// DraftMaxQuestion is the most runes of the question kept.
	DraftMaxQuestion = 300
	// DraftMaxAnswer is the most runes of one answer kept.
	DraftMaxAnswer = 4000
	// DraftMaxAnswers is the most answers taken into a draft.
	DraftMaxAnswers = 20
	// DraftMaxBody is the most runes of answers in the body.
	DraftMaxBody = 16000
	// draftMaxTitle is the most runes of the guessed title.
	draftMaxTitle = 80
	// draftMaxSummary is the most runes of the guessed summary.
	draftMaxSummary = 200
	// draftMaxTags is the most tags guessed.
	draftMaxTags = 6
)

// DraftInput is what a draft is made from.
type DraftInput struct {
	// Lang is "de" (default) or "en": the draft's notes and headings.
	Lang string
	// Question is the member's question as they wrote it.
	Question string
	// Withheld is set when the member asked that their words are not kept
	// (!nicht-merken): Question is not used, and the draft has a visible
	// placeholder where the question goes, for the team to write one; the
	// title and tags are not guessed from the member's words either.
	Withheld bool
	// Answers are the team's answers to the member, in order.
	Answers []DraftAnswer
	// Names are the names of the people in the case (display names,
	// user names) to remove wherever they appear.
	Names []string
	// Vars are the configured site values (the site block): they become
	// placeholders such as {{cloud_url}} again. Values not configured are
	// left alone.
	Vars Vars
}

// DraftAnswer is one answer of the team to the member.
type DraftAnswer struct {
	// Text is the answer as the team wrote it (Markdown or plain text).
	Text string
	// GuideID and GuideTitle are set instead when the team sent a guide
	// of the library; GuideTitle is "" when the guide is gone.
	GuideID, GuideTitle string
}

// Draft is a guide draft.
type Draft struct {
	// FileName is a file name for it, e.g. "entwurf-spenden-online.md".
	FileName string
	// Title is the guessed title.
	Title string
	// Markdown is the file: front matter and body.
	Markdown []byte
	// Removed counts the personal data replaced by placeholders.
	Removed int
	// Shortened is set when answers were cut to the bounds.
	Shortened bool
}

// draftTexts are the words of a draft in one language.
type draftTexts struct {
	filePrefix, fallbackSlug, fallbackTitle, fallbackTag string
	questionsKey                                         string
	heading, seeGuide, shortened                         string
	todoIntro, todoTitle, todoSummary, todoTags          string
	todoAudience, todoGuideGone                          string
	todoQuestion                                         string
	marks                                                RedactMarks
}

var draftLangs = map[string]draftTexts{
	"de": {
		filePrefix: "entwurf-", fallbackSlug: "anleitung", fallbackTitle: "Entwurf einer Anleitung", fallbackTag: "entwurf",
		questionsKey: "fragen",
		heading:      "So geht’s", seeGuide: "Siehe [%s](%s).", shortened: "TODO: Hier war die Antwort des Teams länger; sie ist gekürzt.",
		todoIntro: "TODO: Entwurf aus einem gelösten Supportfall. Namen, interne Notizen und Personendaten sind entfernt. " +
			"Bitte eine kurze Einleitung schreiben (für wen, worum es geht), die Antworten des Teams zu Schritten ordnen, " +
			"Rückfragen an das Mitglied streichen, Stellen mit „[… entfernt]“ allgemein formulieren und Adressen als Platzhalter " +
			"wie {{cloud_url}} schreiben. Dann die Datei in den passenden Themenordner legen und mit „lotse guides check“ prüfen.",
		todoTitle: "TODO: aus der Frage geraten – als Aussage formulieren", todoSummary: "TODO: prüfen",
		todoTags: "TODO: ergänzen", todoAudience: "TODO: „team“, wenn nur für das Team",
		todoGuideGone: "TODO: Das Team hat hier eine Anleitung geschickt, die es nicht mehr gibt",
		todoQuestion:  "TODO: Frage in eigenen Worten schreiben – die Worte des Mitglieds werden nicht gespeichert",
		marks: RedactMarks{Email: "[E-Mail entfernt]", Phone: "[Telefonnummer entfernt]", MatrixID: "[Matrix-ID entfernt]", IBAN: "[IBAN entfernt]", Name: "[Name entfernt]",
			Secret: "[Passwort entfernt]"},
	},
	"en": {
		filePrefix: "draft-", fallbackSlug: "guide", fallbackTitle: "Draft of a guide", fallbackTag: "draft",
		questionsKey: "questions",
		heading:      "What to do", seeGuide: "See [%s](%s).", shortened: "TODO: The team's answer was longer here; it is shortened.",
		todoIntro: "TODO: Draft from a resolved support case. Names, internal notes and personal data are removed. " +
			"Please write a short introduction (for whom, what it is about), order the team's answers into steps, " +
			"drop questions back to the member, write the places marked “[… removed]” in general terms and addresses as " +
			"placeholders like {{cloud_url}}. Then put the file into the right topic folder and check it with “lotse guides check”.",
		todoTitle: "TODO: guessed from the question – phrase it as a statement", todoSummary: "TODO: check",
		todoTags: "TODO: add more", todoAudience: "TODO: \"team\" if it is for the team only",
		todoGuideGone: "TODO: The team sent a guide here that no longer exists",
		todoQuestion:  "TODO: write the question in your own words – the member asked that their words are not kept",
		marks: RedactMarks{Email: "[e-mail removed]", Phone: "[phone number removed]", MatrixID: "[Matrix ID removed]", IBAN: "[IBAN removed]", Name: "[name removed]",
			Secret: "[password removed]"},
	},
}

// NewDraft builds a guide draft from a solved case. It fails with
// [ErrNoQuestion] or [ErrNoAnswers] when there is nothing to draw from.
func NewDraft(in DraftInput) (*Draft, error) {
	tx, ok := draftLangs[in.Lang]
	if !ok {
		tx = draftLangs["de"]
	}
	valid := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	in.Question = valid(in.Question)
	in.Answers, in.Names = slices.Clone(in.Answers), slices.Clone(in.Names) // the caller's stay as they are
	for i := range in.Answers {
		in.Answers[i].Text = valid(in.Answers[i].Text)
	}
	for i := range in.Names {
		in.Names[i] = valid(in.Names[i])
	}
	r := newRedactor(tx, in.Names, in.Vars)
	question := tx.todoQuestion
	if !in.Withheld {
		question = draftQuestion(in.Question, tx, r)
		if strings.TrimSpace(stripRedactions(question, tx)) == "" {
			return nil, ErrNoQuestion
		}
	}
	d := &Draft{}
	parts, firstText := draftAnswers(in.Answers, tx, r, d)
	if len(parts) == 0 {
		return nil, ErrNoAnswers
	}
	para, _, _ := strings.Cut(firstText, "\n\n")
	summary := firstSentence(plainText(para), draftMaxSummary)
	var tags []string
	if in.Withheld {
		// Nothing from the member's words: the tags come from the team's
		// answer.
		d.Title = tx.fallbackTitle
		tags = guessTags(summary, tx)
	} else {
		d.Title = guessTitle(question, tx)
		tags = guessTags(d.Title, tx)
		if len(tags) < 2 {
			tags = guessTags(d.Title+" "+question, tx)
		}
	}
	if summary == "" {
		summary = truncateRunes(d.Title, draftMaxSummary)
	}
	fm, err := draftFrontMatter(tx, d.Title, summary, tags, question)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n\n# " + escapeHeading(d.Title) + "\n\n")
	b.WriteString("<!-- " + commentSafe(tx.todoIntro) + " -->\n\n")
	b.WriteString("## " + tx.heading + "\n\n")
	if len(parts) == 1 {
		b.WriteString(parts[0] + "\n")
	} else {
		for i, p := range parts {
			b.WriteString(listItem(i+1, p) + "\n")
		}
	}
	if d.Shortened {
		b.WriteString("\n<!-- " + commentSafe(tx.shortened) + " -->\n")
	}
	d.Markdown = []byte(b.String())
	d.Removed = r.found.Count
	d.FileName = tx.filePrefix + slug(tags, tx) + ".md"
	return d, nil
}

// draftQuestion is the member's question for the front matter: cleaned of
// personal data, greetings and sign-offs, bounded.
func draftQuestion(q string, tx draftTexts, r *redactor) string {
	question := r.clean(oneLine(q))
	question = strings.TrimSpace(leadGreetRE.ReplaceAllString(question, ""))
	question = strings.TrimSpace(tailSignOffRE.ReplaceAllString(question, "${1}"))
	question = strings.TrimRight(strings.TrimSuffix(question, tx.marks.Name), " ,;–-") // a signature
	return upperFirst(truncateRunes(question, DraftMaxQuestion))
}

// draftAnswers cleans every answer and bounds them; it returns the parts
// of the body and the first answer written as text (for the summary).
func draftAnswers(answers []DraftAnswer, tx draftTexts, r *redactor, d *Draft) (parts []string, firstText string) {
	total := 0
	for _, a := range answers {
		var part string
		switch {
		case a.GuideID != "" && a.GuideTitle != "":
			part = fmt.Sprintf(tx.seeGuide, escapeLinkText(a.GuideTitle), "../"+a.GuideID)
		case a.GuideID != "":
			part = "<!-- " + commentSafe(tx.todoGuideGone) + " -->"
		default:
			part = cleanAnswer(a.Text, r)
			if part == "" {
				continue
			}
			if n := utf8.RuneCountInString(part); n > DraftMaxAnswer {
				part, d.Shortened = closeFences(truncateRunes(part, DraftMaxAnswer)), true
			}
			if firstText == "" {
				firstText = part
			}
		}
		if len(parts) == DraftMaxAnswers || total+utf8.RuneCountInString(part) > DraftMaxBody {
			d.Shortened = true
			break
		}
		total += utf8.RuneCountInString(part)
		parts = append(parts, part)
	}
	if firstText == "" && !slices.ContainsFunc(answers, func(a DraftAnswer) bool { return a.GuideTitle != "" }) {
		// Only answers that vanished: nothing to draw from.
		return nil, ""
	}
	return parts, firstText
}

// draftFrontMatter writes the front matter with TODO comments.
func draftFrontMatter(tx draftTexts, title, summary string, tags []string, question string) ([]byte, error) {
	str := func(v, comment string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: yaml.DoubleQuotedStyle, LineComment: comment}
	}
	key := func(k string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k} }
	seq := func(flow bool, comment string, items ...string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", LineComment: comment}
		if flow {
			n.Style = yaml.FlowStyle
		}
		for _, it := range items {
			n.Content = append(n.Content, str(it, ""))
		}
		return n
	}
	audience := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: DefaultAudience, LineComment: "# " + tx.todoAudience}
	doc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		key("title"), str(title, "# "+tx.todoTitle),
		key("tags"), seq(true, "# "+tx.todoTags, tags...),
		key("summary"), str(summary, "# "+tx.todoSummary),
		key(tx.questionsKey), seq(false, "", question),
		key("audience"), audience,
	}}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("failed to write the draft's front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("failed to write the draft's front matter: %w", err)
	}
	return []byte(b.String()), nil
}

// Cleaning an answer: HTML goes, headings become bold lines (the draft's
// own headings frame them), links Matrix would not show keep their text,
// greetings and sign-offs go, personal data is replaced.

var (
	htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?-->`)
	htmlBreakRE   = regexp.MustCompile(`(?i)<br\s*/?>|</p>\s*<p[^>]*>`)
	htmlTagRE     = regexp.MustCompile(`(?i)</?(a|b|i|u|s|em|strong|p|br|hr|div|span|ul|ol|li|code|pre|blockquote|h[1-6]|font|del|strike|sup|sub|table|thead|tbody|tr|td|th|img|mx-reply|details|summary)(?:\s[^<>]*)?/?>`)
	// angleRE is other text in angle brackets ("<dein Name>"), which
	// Markdown would take for HTML; autolinks (<https://…>) stay.
	angleRE    = regexp.MustCompile(`<([\p{L}][^<>\n]*)>`)
	headingRE  = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$`)
	mdLinkRE   = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s<>]*\))*)>?(?:\s+"[^"\n]*")?\s*\)`)
	greetingRE = regexp.MustCompile(`(?i)^(hallo|hi|hey|moin|servus|huhu|liebe[rs]?|guten (morgen|tag|abend)|hello|dear|good (morning|afternoon|evening))\b`)
	signOffRE  = regexp.MustCompile(`(?i)^((viele|liebe|beste|freundliche|herzliche|schöne) grüße|(mit )?(freundlichen|besten) grüßen|grüße|gruß|lg|vg|mfg|best( regards)?|kind regards|regards|cheers|thanks|danke)\b`)
)

// cleanAnswer turns an answer into a part of the body ("" if nothing stays).
func cleanAnswer(text string, r *redactor) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = htmlCommentRE.ReplaceAllString(text, "")
	// An unclosed comment would hide the rest of the guide.
	text = strings.ReplaceAll(text, "<!", `\<!`)
	text = htmlBreakRE.ReplaceAllString(text, "\n")
	text = htmlTagRE.ReplaceAllString(text, "")
	text = angleRE.ReplaceAllStringFunc(text, func(m string) string {
		if strings.Contains(m, "://") || strings.HasPrefix(m, "<mailto:") {
			return m
		}
		return `\<` + m[1:len(m)-1] + `\>`
	})
	text = headingRE.ReplaceAllString(text, "**$1**")
	text = dropGreetings(text)
	text = mdLinkRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := mdLinkRE.FindStringSubmatch(m)
		image, label, dest := sub[1] == "!", sub[2], sub[3]
		switch {
		case image:
			return label // Matrix shows only mxc:// images; the author adds one
		case strings.HasPrefix(dest, "http://"), strings.HasPrefix(dest, "https://"):
			return m
		case strings.HasPrefix(dest, "mailto:"):
			// The address as text: the redactor replaces it (or makes
			// the contact address a placeholder).
			if addr := strings.TrimPrefix(dest, "mailto:"); !strings.EqualFold(addr, label) {
				return label + " (" + addr + ")"
			}
		}
		return label
	})
	text = r.clean(text)
	// A line of spaces would end a list item early; blank lines at most one.
	lines := strings.Split(text, "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return closeFences(strings.TrimSpace(strings.Join(out, "\n")))
}

var fenceRE = regexp.MustCompile("(?m)^[ \t]{0,3}(```|~~~)")

// closeFences closes a code block the answer left open (it would swallow
// the rest of the guide).
func closeFences(s string) string {
	var open string
	for _, m := range fenceRE.FindAllStringSubmatch(s, -1) {
		switch {
		case open == "":
			open = m[1]
		case m[1] == open:
			open = ""
		}
	}
	if open != "" {
		s += "\n" + open
	}
	return s
}

// dropGreetings removes a salutation as the first line and a sign-off in
// the last three lines (and what follows it: the name).
func dropGreetings(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) > 1 && greetingRE.MatchString(strings.TrimSpace(lines[0])) && len(strings.Fields(lines[0])) <= 5 {
		lines = lines[1:]
	} else if len(lines) == 1 {
		// "Hallo Mia, klick auf …": the salutation before the first comma.
		if m := greetingRE.FindStringIndex(lines[0]); m != nil {
			if i := strings.IndexAny(lines[0], ",!"); i > 0 && len(strings.Fields(lines[0][:i])) <= 4 {
				lines[0] = upperFirst(strings.TrimSpace(lines[0][i+1:]))
			}
		}
	}
	for i := max(len(lines)-3, 1); i < len(lines); i++ {
		if signOffRE.MatchString(strings.TrimSpace(lines[i])) && len(strings.Fields(lines[i])) <= 4 {
			lines = lines[:i]
			break
		}
	}
	return strings.Join(lines, "\n")
}

// NameForms are the forms of the names of people (user IDs, display names)
// that [Redact] should replace: a user ID's user name, a display name,
// and a display name's parts ("Mia Mitglied": also "Mia" and "Mitglied";
// parts that start upper-case, or every part of a user name with "." or
// "_"), each once (ignoring case), none shorter than three letters.
func NameForms(names []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.TrimSpace(n)
		if utf8.RuneCountInString(n) < 3 || seen[strings.ToLower(n)] || strings.ContainsAny(n, "@:") {
			return
		}
		seen[strings.ToLower(n)] = true
		out = append(out, n)
	}
	for _, n := range names {
		n = strings.TrimPrefix(n, "@")
		if local, _, ok := strings.Cut(n, ":"); ok {
			n = local // a user ID: its user name
		}
		add(n)
		// Parts of a display name ("Mia Mitglied": "Mia" and "Mitglied").
		for _, p := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
			if first, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(first) || strings.ContainsAny(n, "._") {
				add(p)
			}
		}
	}
	return out
}

// newRedactor is the redactor of a draft: the names given and their parts
// ("Mia Mitglied": also "Mia" and "Mitglied") and the configured site
// values of vars.
func newRedactor(tx draftTexts, names []string, vars Vars) *redactor {
	r := &redactor{marks: tx.marks, varNames: map[string]string{}, compiled: map[string]*regexp.Regexp{}}
	r.names = NameForms(names)
	slices.SortStableFunc(r.names, byRuneLength)
	for name, val := range vars.resolveConfigured() {
		r.varNames[val] = name
		if strings.Contains(val, "://") || strings.Contains(val, "@") {
			r.full = append(r.full, val)
		} else if name != VarSiteName {
			r.hosts = append(r.hosts, val)
		}
	}
	slices.Sort(r.full)
	slices.SortStableFunc(r.full, byRuneLength)
	slices.Sort(r.hosts)
	slices.SortStableFunc(r.hosts, byRuneLength)
	return r
}

// resolveConfigured returns the configured (not example) values of v and
// their derived host forms, by placeholder name.
func (v Vars) resolveConfigured() map[string]string {
	all := v.resolve()
	out := map[string]string{}
	for name, val := range all {
		src := name
		if u, ok := hostVars[name]; ok {
			src = u
		}
		if strings.TrimSpace(v[src]) != "" && val != "" {
			out[name] = val
		}
	}
	return out
}

// clean replaces site values and personal data in s.
func (r *redactor) clean(s string) string {
	for _, val := range r.full {
		s = r.fold(val).ReplaceAllLiteralString(s, "{{"+r.varNames[val]+"}}")
	}
	s = r.personal(s)
	for _, val := range r.hosts {
		s, _ = replaceWord(s, r.fold(val), "{{"+r.varNames[val]+"}}")
	}
	// Braces that are no placeholder would stop the guide from loading.
	s = placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		name := placeholderRE.FindStringSubmatch(m)[1]
		if _, ok := Vars(nil).resolve()[name]; ok {
			return m
		}
		return name
	})
	return s
}

// stripRedactions removes the placeholders of removed data (to see
// whether anything else is left).
func stripRedactions(s string, tx draftTexts) string {
	for _, p := range []string{tx.marks.Email, tx.marks.Phone, tx.marks.MatrixID, tx.marks.Name, tx.marks.Secret} {
		s = strings.ReplaceAll(s, p, "")
	}
	return strings.Trim(s, " ,.;:!?-–")
}

// Guessing title, tags and summary.

var (
	sentenceEndRE = regexp.MustCompile(`[.!?…]+(\s+|$)`)
	wordRE        = regexp.MustCompile(`[\p{L}][\p{L}\p{N}\-]*[\p{L}\p{N}]`)
	leadGreetRE   = regexp.MustCompile(`(?i)^(hallo|hi|hey|moin|servus|guten (morgen|tag|abend)|hello|dear|good (morning|afternoon|evening))\b[^,.!?]{0,30}[,!.]\s*`)
	tailSignOffRE = regexp.MustCompile(`(?i)([.!?]?)[\s,]+(lg|vg|mfg|(viele|liebe|beste|herzliche) grüße|grüße|gruß|danke|vielen dank|cheers|thanks|thank you|thx|(best |kind )?regards)\b[^.!?]{0,40}[.!]?$`)
)

// guessTitle takes the sentence of the question that asks (or the first),
// without a greeting, bounded.
func guessTitle(question string, tx draftTexts) string {
	q := strings.TrimSpace(leadGreetRE.ReplaceAllString(question, ""))
	sentences := splitSentences(q)
	title := ""
	for _, s := range sentences {
		if strings.HasSuffix(s, "?") && strings.TrimSpace(stripRedactions(s, tx)) != "" {
			title = s
			break
		}
	}
	if title == "" && len(sentences) > 0 {
		title = sentences[0]
	}
	title = truncateWords(title, draftMaxTitle)
	if strings.TrimSpace(stripRedactions(title, tx)) == "" {
		return tx.fallbackTitle
	}
	return upperFirst(title)
}

func upperFirst(s string) string {
	if s == "" {
		return ""
	}
	first, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[size:]
}

func splitSentences(s string) []string {
	var out []string
	last := 0
	for _, loc := range sentenceEndRE.FindAllStringIndex(s, -1) {
		if part := strings.TrimSpace(s[last:loc[1]]); part != "" {
			out = append(out, part)
		}
		last = loc[1]
	}
	if part := strings.TrimSpace(s[last:]); part != "" {
		out = append(out, part)
	}
	return out
}

// stopWords are function words (four letters and more) that make no tag.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		welche welcher welches welchen welchem kann kannst können könnt konnte mein meine meinen meinem meiner meins
		dein deine deinen deinem deiner eine einen einem einer eines nicht keine keinen keinem keiner sind habe haben hast
		hatte wird wirst werden wurde nach noch schon gibt geht bitte hallo danke dass wenn auch mehr sich unser unsere
		euch eure euer jetzt immer doch denn warum wann woher wohin wieso weshalb dort hier dann muss musst müssen soll
		sollte will willst möchte möchten würde würdest gerne gern etwas diese dieser dieses diesen über unter ohne durch
		gegen zwischen alle allen aller also aber oder sein seine ihre ihren mich dich dir euch uns ganz wieder vielleicht
		irgendwie einfach leider trotzdem damit darf dürfen weil bzw. sowie sondern selbst eigentlich frage problem
		what which where when would could should have does doesn't with from this that there their about please hello
		thanks into your mine want cannot can't don't still just some again also only other than then them they were been
		being here problem question`) {
		stopWords[w] = true
	}
}

// guessTags takes the content words of the question (lower case).
func guessTags(question string, tx draftTexts) []string {
	q := question
	for _, p := range []string{tx.marks.Email, tx.marks.Phone, tx.marks.MatrixID, tx.marks.Name, tx.marks.Secret} {
		q = strings.ReplaceAll(q, p, " ")
	}
	q = placeholderRE.ReplaceAllString(q, " ")
	var tags []string
	for _, w := range wordRE.FindAllString(q, -1) {
		w = strings.ToLower(w)
		if utf8.RuneCountInString(w) < 4 || stopWords[w] || slices.Contains(tags, w) {
			continue
		}
		tags = append(tags, w)
		if len(tags) == draftMaxTags {
			break
		}
	}
	if len(tags) == 0 {
		tags = []string{tx.fallbackTag}
	}
	return tags
}

// slug is a file name part from the first tags: lower case ASCII with
// hyphens, German umlauts spelt out.
func slug(tags []string, tx draftTexts) string {
	repl := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")
	var parts []string
	n := 0
	for _, t := range tags {
		var b strings.Builder
		for _, c := range repl.Replace(t) {
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				b.WriteRune(c)
			case c == '-':
				b.WriteRune('-')
			}
		}
		p := strings.Trim(b.String(), "-")
		if p == "" || n+len(p) > 50 {
			continue
		}
		parts = append(parts, p)
		n += len(p) + 1
		if len(parts) == 4 {
			break
		}
	}
	if len(parts) == 0 {
		return tx.fallbackSlug
	}
	return strings.Join(parts, "-")
}

// plainText strips the Markdown marks of s (for the summary).
func plainText(s string) string {
	s = mdLinkRE.ReplaceAllString(s, "$2")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**") && strings.Count(l, "**") == 2 {
			continue // a heading of the answer
		}
		l = strings.TrimLeft(l, "-+ ")
		if i := strings.Index(l, ". "); i > 0 && i <= 3 && strings.Trim(l[:i], "0123456789") == "" {
			l = l[i+2:]
		}
		out = append(out, strings.NewReplacer("**", "", "__", "", "`", "", "*", "", "\\<", "<", "\\>", ">").Replace(l))
	}
	return strings.Join(out, " ")
}

// firstSentence is the first sentence of s, at most n runes.
func firstSentence(s string, n int) string {
	s = oneLine(s)
	if ss := splitSentences(s); len(ss) > 0 {
		s = ss[0]
	}
	return truncateWords(s, n)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncateRunes cuts s to n runes (with "…").
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// truncateWords cuts s to at most n runes at a word boundary (with "…").
func truncateWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–") + "…"
}

// listItem makes part the n-th item of a numbered list (its further lines
// indented, so that lists and paragraphs in it stay inside the item).
func listItem(n int, part string) string {
	marker := fmt.Sprintf("%d. ", n)
	indent := strings.Repeat(" ", len(marker))
	lines := strings.Split(part, "\n")
	for i := range lines {
		switch {
		case i == 0:
			lines[i] = marker + lines[i]
		case lines[i] != "":
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// escapeHeading shows a title (the member's words) literally in the
// heading: no links, emphasis or HTML.
func escapeHeading(s string) string {
	return strings.NewReplacer("\\", `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
		"#", `\#`, "!", `\!`, "{{", `\{\{`, "\n", " ").Replace(s)
}

// escapeLinkText escapes brackets in a link text.
func escapeLinkText(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`).Replace(s)
}

// commentSafe keeps a text from closing an HTML comment.
func commentSafe(s string) string { return strings.ReplaceAll(s, "--", "–") }
