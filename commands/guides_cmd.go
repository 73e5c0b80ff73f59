package commands

import (
	"fmt"
	"strings"

	"github.com/lotse-bot/lotse/guides"
)

// cmdGuide searches and shows the best guide, or the top results.
func cmdGuide(ce *CommandEvent) error {
	h := ce.Meta
	query := strings.TrimSpace(ce.RawArgs)
	if query == "" {
		return h.replyMarkdown(ce.Ctx, h.Texts.GuideUsage)
	}
	lib := h.Guides.Current()
	// An exact guide ID or title opens that guide.
	team := h.isTeam(ce.Ctx, ce.Sender)
	for _, g := range lib.Guides() {
		if !guides.VisibleTo(g, team) {
			continue
		}
		if strings.EqualFold(g.ID, query) || strings.EqualFold(g.Title, query) {
			return h.sendGuide(ce.Ctx, lib, searchHit(g.ID), nil)
		}
	}
	res := lib.SearchFor(query, 4, team)
	if len(res.Hits) == 0 {
		return h.replyMarkdown(ce.Ctx, formatText(h.Texts.GuideNotFound, escape(query)))
	}
	if res.Confident {
		return h.sendGuide(ce.Ctx, lib, res.Hits[0], res.Hits[1:])
	}
	return h.offerChoice(ce.Ctx, lib, res.Hits)
}

// cmdGuides lists the topics, or the guides of one topic.
func cmdGuides(ce *CommandEvent) error {
	h := ce.Meta
	lib := h.Guides.Current()
	topics := lib.Topics()
	if len(topics) == 0 {
		return h.replyMarkdown(ce.Ctx, h.Texts.GuidesEmpty)
	}
	want := strings.ToLower(strings.TrimSpace(ce.RawArgs))
	var b strings.Builder
	if want == "" {
		b.WriteString(h.Texts.GuidesIntro + "\n\n")
		team := h.isTeam(ce.Ctx, ce.Sender)
		for _, t := range topics {
			n := 0
			for _, g := range t.Guides {
				if guides.VisibleTo(g, team) {
					n++
				}
			}
			if n > 0 {
				b.WriteString("- " + formatText(h.Texts.GuidesTopic, escape(t.Title), n) + "\n")
			}
		}
		b.WriteString("\n" + h.Texts.GuidesHowToOpen)
		return h.replyMarkdown(ce.Ctx, b.String())
	}
	for _, t := range topics {
		if strings.ToLower(t.Name) != want && strings.ToLower(t.Title) != want {
			continue
		}
		b.WriteString(formatText(h.Texts.GuidesTopicIntro, escape(t.Title)) + "\n\n")
		for _, g := range t.Guides {
			if !guides.VisibleTo(g, h.isTeam(ce.Ctx, ce.Sender)) {
				continue
			}
			fmt.Fprintf(&b, "- %s\n", escape(g.Title))
		}
		b.WriteString("\n" + h.Texts.GuidesHowToOpen)
		return h.replyMarkdown(ce.Ctx, b.String())
	}
	return h.replyMarkdown(ce.Ctx, formatText(h.Texts.GuidesUnknownTopic, escape(ce.RawArgs))+" "+h.Texts.GuidesHowToOpen)
}
