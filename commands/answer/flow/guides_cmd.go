package flow

import (
	"fmt"
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// cmdGuide searches and shows the best guide, or the top results.
func (w *Workflow) cmdGuide(ce *chat.Call) error {
	query := strings.TrimSpace(ce.RawArgs)
	if query == "" {
		return w.ReplyMarkdown(ce.Ctx, w.tx.GuideUsage)
	}
	lib := w.Guides.Current()
	// An exact guide ID or title opens that guide.
	team := w.isTeam(ce.Ctx, ce.Sender)
	for _, g := range lib.Guides() {
		if !guides.VisibleTo(g, team) {
			continue
		}
		if strings.EqualFold(g.ID, query) || strings.EqualFold(g.Title, query) {
			return w.sendGuide(ce.Ctx, lib, search.Hit{ID: g.ID, Section: -1}, nil)
		}
	}
	res := lib.SearchFor(query, 4, team)
	if len(res.Hits) == 0 {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(w.tx.GuideNotFound, chat.Escape(query)))
	}
	if res.Confident {
		return w.sendGuide(ce.Ctx, lib, res.Hits[0], res.Hits[1:])
	}
	return w.OfferChoice(ce.Ctx, lib, res.Hits)
}

// cmdGuides lists the topics, or the guides of one topic.
func (w *Workflow) cmdGuides(ce *chat.Call) error {
	lib := w.Guides.Current()
	topics := lib.Topics()
	if len(topics) == 0 {
		return w.ReplyMarkdown(ce.Ctx, w.tx.GuidesEmpty)
	}
	want := strings.ToLower(strings.TrimSpace(ce.RawArgs))
	team := w.isTeam(ce.Ctx, ce.Sender)
	var b strings.Builder
	if want == "" {
		b.WriteString(w.tx.GuidesIntro + "\n\n")
		for _, t := range topics {
			n := 0
			for _, g := range t.Guides {
				if guides.VisibleTo(g, team) {
					n++
				}
			}
			if n > 0 {
				b.WriteString("- " + chat.Format(w.tx.GuidesTopic, chat.Escape(t.Title), n) + "\n")
			}
		}
		b.WriteString("\n" + w.tx.GuidesHowToOpen)
		return w.ReplyMarkdown(ce.Ctx, b.String())
	}
	for _, t := range topics {
		if strings.ToLower(t.Name) != want && strings.ToLower(t.Title) != want {
			continue
		}
		b.WriteString(chat.Format(w.tx.GuidesTopicIntro, chat.Escape(t.Title)) + "\n\n")
		for _, g := range t.Guides {
			if !guides.VisibleTo(g, team) {
				continue
			}
			fmt.Fprintf(&b, "- %s\n", chat.Escape(g.Title))
		}
		b.WriteString("\n" + w.tx.GuidesHowToOpen)
		return w.ReplyMarkdown(ce.Ctx, b.String())
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(w.tx.GuidesUnknownTopic, chat.Escape(ce.RawArgs))+" "+w.tx.GuidesHowToOpen)
}
