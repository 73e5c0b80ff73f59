package flow

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// cmdGuide searches and shows the best guide, or the top results.
func (w *Workflow) cmdGuide(ce *chat.Call) error {
	threaded(ce.Ctx)
	tx := w.texts(ce.Ctx) // the command name's language (chat.Command.WordLang)
	query := strings.TrimSpace(ce.RawArgs)
	if query == "" {
		return w.ReplyMarkdown(ce.Ctx, tx.GuideUsage)
	}
	lib := w.Guides.Current()
	team := w.isTeam(ce.Ctx, ce.Sender)
	// A number from !anleitungen: "2.3" opens a guide, "2" lists a topic.
	topics := lib.VisibleTopics(team)
	if g, ok := guides.ByNumber(topics, query); ok {
		return w.sendGuide(ce.Ctx, lib, search.Hit{ID: g.ID, Section: -1}, nil)
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(query, ".")); err == nil {
		if n < 1 || n > len(topics) {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.GuideNoNumber, chat.Escape(query)))
		}
		return w.ReplyMarkdown(ce.Ctx, w.topicList(tx, topics, n-1))
	}
	if guides.IsNumber(query) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.GuideNoNumber, chat.Escape(query)))
	}
	// An exact guide ID or title opens that guide.
	for _, g := range lib.Guides() {
		if !guides.VisibleTo(g, team) {
			continue
		}
		if strings.EqualFold(g.ID, query) || strings.EqualFold(g.Title, query) {
			return w.sendGuide(ce.Ctx, lib, search.Hit{ID: g.ID, Section: -1}, nil)
		}
	}
	hits, confident := lib.SearchFor(query, 4, team).Shown()
	if len(hits) == 0 {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.GuideNotFound, chat.Escape(query)))
	}
	if confident {
		return w.sendGuide(ce.Ctx, lib, hits[0], hits[1:])
	}
	return w.OfferChoice(ce.Ctx, lib, hits)
}

// Numbering: !anleitungen numbers the topics the reader can see, in the
// order of topics.yaml, and each topic's guides the reader can see ("2.3"
// is the third guide of the second topic). The numbers are computed from
// the current library and the reader's audience (member or team) every
// time, with no stored state: they stay the same between listing and
// opening unless the library itself changes.

// findTopic finds a topic by its number, folder name or title, or a word
// of its title that no other topic's title has.
func findTopic(topics []guides.Topic, want string) (int, bool) {
	want = strings.ToLower(strings.TrimSpace(want))
	if n, err := strconv.Atoi(strings.TrimSuffix(want, ".")); err == nil {
		return n - 1, n >= 1 && n <= len(topics)
	}
	for i, t := range topics {
		if strings.ToLower(t.Name) == want || strings.ToLower(t.Title) == want {
			return i, true
		}
	}
	found := -1
	for i, t := range topics {
		if len([]rune(want)) >= 3 && strings.Contains(strings.ToLower(t.Title), want) {
			if found >= 0 {
				return 0, false
			}
			found = i
		}
	}
	return found, found >= 0
}

// cmdGuides lists the topics, numbered, or the guides of one topic.
func (w *Workflow) cmdGuides(ce *chat.Call) error {
	threaded(ce.Ctx)
	tx := w.texts(ce.Ctx) // the command name's language (chat.Command.WordLang)
	lib := w.Guides.Current()
	topics := lib.VisibleTopics(w.isTeam(ce.Ctx, ce.Sender))
	if len(topics) == 0 {
		return w.ReplyMarkdown(ce.Ctx, tx.GuidesEmpty)
	}
	arg := strings.TrimSpace(ce.RawArgs)
	if arg == "" {
		var b strings.Builder
		b.WriteString(tx.GuidesIntro + "\n\n")
		for i, t := range topics {
			fmt.Fprintf(&b, "%d. %s\n", i+1, chat.Format(chat.Plural(tx.GuidesTopic, len(t.Guides)), chat.Escape(t.Title), len(t.Guides)))
		}
		b.WriteString("\n" + tx.GuidesHowToOpen)
		return w.ReplyMarkdown(ce.Ctx, b.String())
	}
	i, ok := findTopic(topics, arg)
	if !ok {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.GuidesUnknownTopic, chat.Escape(arg))+" "+tx.GuidesHowToOpen)
	}
	return w.ReplyMarkdown(ce.Ctx, w.topicList(tx, topics, i))
}

// topicList lists the guides of topics[i], numbered "i.j".
func (w *Workflow) topicList(tx *Texts, topics []guides.Topic, i int) string {
	t := topics[i]
	var b strings.Builder
	b.WriteString(chat.Format(tx.GuidesTopicIntro, chat.Escape(t.Title)) + "\n\n")
	for j, g := range t.Guides {
		fmt.Fprintf(&b, "- **%d.%d** %s\n", i+1, j+1, chat.Escape(g.Title))
	}
	b.WriteString("\n" + chat.Format(tx.GuidesHowToOpenOne, fmt.Sprintf("%d.1", i+1)))
	return b.String()
}
