package answer

import (
	"fmt"
	"strings"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// The replies that show guides are composed here, not in the chat
// workflow, so that `lotse ask` prints exactly the text members get.

// maxRelated bounds the related guides listed under an answer.
const maxRelated = 2

// ReplyOptions are what a reply needs besides the decision.
type ReplyOptions struct {
	// URL returns the web address of a guide, or "" (nil: no web view).
	URL func(guideID string) string
}

func (o ReplyOptions) url(guideID string) string {
	if o.URL == nil {
		return ""
	}
	return o.URL(guideID)
}

// Reply is a composed message: plain text and Matrix HTML.
type Reply struct {
	Plain, HTML string
	// Guide is the guide shown (answers only); Shown is the part shown, for
	// the rest on "mehr".
	Guide string
	Shown guides.Answer
}

// Links returns how links between guides render: as links to their web
// pages when there is a web view, else as "Text (!anleitung Titel)", so
// that no link turns into dead text. Links to guides that do not exist
// (or are hidden from the reader: team says whether team guides count)
// stay plain text.
func Links(lib *guides.Library, team bool, opts ReplyOptions, tx *Texts) (guides.LinkResolver, guides.LinkHint) {
	get := func(guideID string) (*guides.Guide, bool) {
		return lib.GetFor(guideID, team)
	}
	resolve := func(guideID, anchor string) (string, bool) {
		if _, ok := get(guideID); !ok {
			return "", false
		}
		u := opts.url(guideID)
		if u == "" {
			return "", false
		}
		if anchor != "" {
			u += "#" + anchor
		}
		return u, true
	}
	hint := func(guideID string) (string, bool) {
		g, ok := get(guideID)
		if !ok {
			return "", false
		}
		return fmt.Sprintf(tx.OpenGuide, g.Title), true
	}
	return resolve, hint
}

// AnswerReply composes the short answer with the guide of hit: its title
// (a link to its web page when there is one), its summary, the section
// that matched (numbered steps kept, about one phone screen), the way to
// the whole guide, at most two close runners-up from also, and the
// feedback prompt. ok is false when the guide is gone or hidden from the reader
// (team-only while team is false).
func AnswerReply(lib *guides.Library, hit search.Hit, also []search.Hit, team bool, tx *Texts, opts ReplyOptions) (r Reply, ok bool) {
	g, ok := lib.GetFor(hit.ID, team)
	if !ok {
		// A hit kept from an earlier turn (a choice, "mehr") may point to
		// a guide a reload made team-only since: gone for a member.
		return Reply{}, false
	}
	if tx == nil {
		tx = &German
	}
	resolve, hint := Links(lib, team, opts, tx)
	shown := guides.ShapeAnswer(g, guides.AnswerOptions{Section: hit.Section, Resolver: resolve, Hint: hint})
	url := opts.url(g.ID)
	var m guides.Message
	m.Raw(titleLine(tx.Answer, g.Title, url))
	if otherLang(g, shown.Plain, tx) {
		m.Markdown("_" + tx.GuideOtherLang + "_")
	}
	if s := strings.TrimSpace(g.Summary); s != "" {
		m.Markdown("_" + escapeMarkdown(s) + "_")
	}
	m.Raw(shown.Plain, shown.HTML)
	switch {
	case url != "":
		m.Markdown(fmt.Sprintf(tx.WholeGuide, "<"+url+">"))
	case shown.More:
		m.Markdown(tx.SayMore)
	}
	var related []string
	for _, h := range also {
		rg, ok := lib.GetFor(h.ID, team)
		if !ok || h.ID == g.ID || h.Score < 0.8*hit.Score || len(related) == maxRelated {
			continue
		}
		related = append(related, titleLink(rg.Title, opts.url(rg.ID)))
	}
	if len(related) > 0 {
		m.Markdown(fmt.Sprintf(tx.Related, strings.Join(related, " · ")))
	}
	m.Markdown("_" + tx.Feedback + "_")
	r.Plain, r.HTML = m.Result()
	r.Guide, r.Shown = g.ID, shown
	return r, true
}

// RestReplies are the parts of the rest of the guide after shown, for
// "mehr": each below the event limit, at most [guides.MaxRestParts]; the
// last one points to the web page when the guide was longer still. ok is
// false when the guide is gone or hidden from the reader.
func RestReplies(lib *guides.Library, guideID string, shown guides.Answer, team bool, tx *Texts, opts ReplyOptions) ([]Reply, bool) {
	g, ok := lib.GetFor(guideID, team)
	if !ok {
		return nil, false
	}
	if tx == nil {
		tx = &German
	}
	resolve, hint := Links(lib, team, opts, tx)
	parts, complete := guides.RestOfGuide(g, shown, guides.RenderOptions{MaxBytes: restBytes, Resolver: resolve, Hint: hint})
	var out []Reply
	for i, p := range parts {
		var m guides.Message
		if i == 0 {
			m.Raw(titleLine(tx.RestOf, g.Title, opts.url(g.ID)))
		}
		m.Raw(p.Plain, p.HTML)
		if i == len(parts)-1 && !complete {
			if u := opts.url(g.ID); u != "" {
				m.Markdown(fmt.Sprintf(tx.WholeGuide, "<"+u+">"))
			}
		}
		plain, htmlBody := m.Result()
		out = append(out, Reply{Plain: plain, HTML: htmlBody, Guide: g.ID})
	}
	if len(out) == 0 {
		plain, htmlBody := render(tx.NoRest)
		out = append(out, Reply{Plain: plain, HTML: htmlBody, Guide: g.ID})
	}
	return out, true
}

// restBytes leaves room under the 64 KiB event limit for the heading and
// the encryption overhead.
const restBytes = 24 * 1024

// ChoiceReply composes "Meintest du …?" with the numbered titles of hits
// (at most three) and returns the IDs offered, in order.
func ChoiceReply(lib *guides.Library, hits []search.Hit, tx *Texts) (Reply, []string) {
	return ChoiceReplyWith(lib, hits, tx, "")
}

// ChoiceReplyWith is ChoiceReply closed by the line closing (Markdown; ""
// for none): a rescued choice's way to a person (Decision.PersonHint).
func ChoiceReplyWith(lib *guides.Library, hits []search.Hit, tx *Texts, closing string) (Reply, []string) {
	if tx == nil {
		tx = &German
	}
	var ids, titles []string
	for _, hit := range hits {
		g, ok := lib.Get(hit.ID)
		if !ok || len(ids) == maxChoices {
			continue
		}
		ids, titles = append(ids, g.ID), append(titles, g.Title)
	}
	plain, htmlBody := render(choiceMarkdown(titles, tx, closing))
	return Reply{Plain: plain, HTML: htmlBody}, ids
}

// choiceMarkdown is the one text of a "Meintest du …?", for the chat
// (ChoiceReplyWith) and for Decision.Reply (choiceWithin, rescueWeak):
// the lead line, the numbered titles (escaped here), the line on how to
// choose and closing ("" for none), a blank line between each. The blank
// line after the list matters: without it Markdown reads the how-to line
// as a continuation of the last title, and Element shows it inside that
// list item.
func choiceMarkdown(titles []string, tx *Texts, closing string) string {
	var b strings.Builder
	b.WriteString(tx.Choose + "\n\n")
	for i, t := range titles {
		fmt.Fprintf(&b, "%d. %s\n", i+1, escapeMarkdown(t))
	}
	b.WriteString("\n" + tx.HowToChoose(len(titles)))
	if closing != "" {
		b.WriteString("\n\n" + closing)
	}
	return b.String()
}

// hitTitles are the titles of hits, in order.
func hitTitles(hits []search.Hit) []string {
	titles := make([]string, 0, len(hits))
	for _, h := range hits {
		titles = append(titles, h.Title)
	}
	return titles
}

// titleLine renders the first line of an answer (format is Texts.Answer
// or Texts.RestOf, %s the guide's title): in the HTML the title links to
// url (when there is one), in the plain body it stands alone. The plain
// body is what a notification, the room list and a plain client show,
// and a screen reader reads it letter by letter: „📘 Cloud-Passwort
// vergessen (https://hilfe.example.org/…)“ spent the preview on the
// address, and RestOf's „– der Rest der Anleitung:“ came after it. The
// address stays in the plain body on its own line (Texts.WholeGuide)
// where the answer has one (a11y35).
func titleLine(format, title, url string) (plain, htmlBody string) {
	_, htmlBody = render(fmt.Sprintf(format, titleLink(title, url)))
	plain, _ = render(fmt.Sprintf(format, escapeMarkdown(title)))
	return plain, htmlBody
}

// titleLink is a guide title in Markdown: a link to url, or plain.
func titleLink(title, url string) string {
	if url == "" {
		return escapeMarkdown(title)
	}
	return "[" + escapeMarkdown(title) + "](" + escapeURL(url) + ")"
}

func escapeURL(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(u)
}

// escapeMarkdown makes a title literal in Markdown.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if strings.ContainsRune("\\`*_{}[]()#+-.!<>|~&\"'", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// render turns our own Markdown into plain text and Matrix HTML, by the
// pipeline of the guides (sanitised).
func render(md string) (plain, htmlBody string) {
	htmlBody, plain = guides.Render(md)
	return strings.TrimSpace(plain), htmlBody
}

// Compose is the reply to a decision as members get it: the short answer
// for Answer, the numbered choice for Choose, d.Reply otherwise (plain
// Markdown rendered). team says whether team guides count.
func Compose(d Decision, lib *guides.Library, team bool, tx *Texts, opts ReplyOptions) Reply {
	switch d.Outcome {
	case Answer:
		if r, ok := AnswerReply(lib, d.Hits[0], d.Also, team, tx, opts); ok {
			return r
		}
	case Choose:
		r, _ := ChoiceReplyWith(lib, d.Hits, tx, d.PersonHint)
		return r
	}
	plain, htmlBody := render(d.Reply)
	return Reply{Plain: plain, HTML: htmlBody}
}

// VagueReply is the reply to a vague message (Decision.Vague): it asks
// what exactly does not work, with examples, and names the way to a
// person as [NoGuideReply] does — a support case when cases are on, the
// fallback contact otherwise. No member input goes into it.
func VagueReply(tx *Texts, opts Options) string {
	if tx == nil {
		tx = &German
	}
	if opts.Cases {
		return tx.Vague + " " + tx.VagueCases
	}
	return tx.Vague + " " + contact(tx, opts)
}

// otherLang reports whether the guide g, shown as plain, is clearly
// written in another language than the frame tx (its title, summary and
// the first words shown: see ClearLang). A guide that does not say keeps
// no note.
func otherLang(g *guides.Guide, plain string, tx *Texts) bool {
	l := ClearLang(g.Title + "\n" + g.Summary + "\n" + plain)
	return l != "" && l != tx.Lang
}
