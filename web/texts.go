package web

import (
	"fmt"
	"strings"
)

// Texts are the web view's own texts in one language: the chrome around
// the guides (header, footer, navigation, search, the 👍/👎 form) and the
// plain-text answers of errors. The guides themselves are the library's
// and are not translated. Texts hold no markup; links are put together by
// the templates from the parts around them (…Before, link text, …After).
// A text with "|" has the forms "one|other" for a count, the count being
// the first argument (see [Texts.F]).
type Texts struct {
	// Lang is the BCP 47 code, the pages' lang attribute.
	Lang string
	// SiteTitle is the name in the header when none is configured.
	SiteTitle string

	// Layout: the skip link, the search form, the footer.
	SkipToContent, SearchLabel, SearchPlaceholder, SearchButton string
	// FooterAbout and FooterNoCookies are the footer's two lines.
	FooterAbout, FooterNoCookies string
	// LegalLabel names the footer's legal links Impressum and Privacy.
	LegalLabel, Impressum, Privacy string

	// Breadcrumb names the breadcrumb navigation; AllGuides is its first
	// step and the index's heading; IndexLink is the link text that leads
	// to the index from other pages.
	Breadcrumb, AllGuides, IndexLink string

	// TopicsLabel names the index's topic navigation; IndexDescription is
	// its meta description. IndexCount: %d guides (one|other).
	// IndexSearchHint follows it when the page has a search form.
	TopicsLabel, IndexDescription, IndexCount, IndexSearchHint string

	// TOCLabel names a guide's table of contents, TOCTitle heads it.
	TOCLabel, TOCTitle string
	// Modified stands before the date a guide last changed.
	Modified string
	// Date: %d day, %s month, %d year; Months are the twelve month names.
	Date   string
	Months []string
	// The 👍/👎 form on a served guide page and its two answers;
	// FeedbackSorryAsk follows FeedbackSorry when the chat is linked.
	FeedbackQuestion, FeedbackYes, FeedbackNo, FeedbackThanks, FeedbackSorry, FeedbackSorryAsk string
	// AskBefore, AskLink and AskAfter: "Noch Fragen? <a>Frag Lotse im
	// Chat</a> – …".
	AskBefore, AskLink, AskAfter string

	// NotFoundTitle heads the 404 page; NotFoundText explains it, and
	// NotFoundIndexBefore/After stand around the link to the index.
	NotFoundTitle, NotFoundText, NotFoundIndexBefore, NotFoundIndexAfter string

	// SearchTitle heads the search page; SearchTitleQuery (%s the query) is
	// its window title with a query.
	SearchTitle, SearchTitleQuery string
	// SearchPrompt asks for a query; SearchBrowseBefore/After stand around
	// the link to the index below it.
	SearchPrompt, SearchBrowseBefore, SearchBrowseAfter string
	// SearchNoScriptBefore/After: the static search page without
	// JavaScript, around the link to the index.
	SearchNoScriptBefore, SearchNoScriptAfter string
	// SearchHits: %d hits for %s (one|other). SearchConfident or
	// SearchUnsure follows.
	SearchHits, SearchConfident, SearchUnsure string
	// SearchSection labels the best section of a hit: %s its heading.
	SearchSection string
	// SearchNoneBefore (%s the query) and SearchNoneAfter stand around the
	// link to the index when nothing fits; SearchNoneStatic is the same
	// without the link, written by the static site's search script.
	SearchNoneBefore, SearchNoneAfter, SearchNoneStatic string

	// Plain-text answers: a method the address does not take (GET and
	// HEAD; POST too on guide pages with the form, see the Allow header),
	// an internal error, the search gate's 503, the
	// 403 of [LocalOnly] and of a vote from another site, an invalid vote,
	// a vote that could not be stored.
	MethodNotAllowed, InternalError, SearchBusy, LocalOnly, VoteForeign, VoteInvalid, VoteFailed string
}

// German are the German texts, the default.
var German = &Texts{
	Lang:              "de",
	SiteTitle:         DefaultSiteTitle,
	SkipToContent:     "Zum Inhalt springen",
	SearchLabel:       "Anleitungen durchsuchen",
	SearchPlaceholder: "z. B. Passwort vergessen",
	SearchButton:      "Suchen",
	FooterAbout:       "Anleitungen von Lotse, dem Hilfe-Bot im Chat. Fragen? Schreib Lotse eine Nachricht.",
	FooterNoCookies:   "Diese Seiten setzen keine Cookies und laden nichts von anderen Servern.",
	LegalLabel:        "Rechtliches",
	Impressum:         "Impressum",
	Privacy:           "Datenschutzerklärung",

	Breadcrumb: "Brotkrümelpfad",
	AllGuides:  "Alle Anleitungen",
	IndexLink:  "Verzeichnis aller Anleitungen",

	TopicsLabel:      "Themen",
	IndexDescription: "Alle Anleitungen nach Themen",
	IndexCount:       "%d Anleitung, nach Themen geordnet.|%d Anleitungen, nach Themen geordnet.",
	IndexSearchHint:  "Oder such oben nach deiner Frage.",

	TOCLabel: "Abschnitte dieser Anleitung",
	TOCTitle: "Auf dieser Seite",
	Modified: "Zuletzt geändert am",
	Date:     "%d. %s %d",
	Months: []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
		"September", "Oktober", "November", "Dezember"},
	FeedbackQuestion: "War das hilfreich?",
	FeedbackYes:      "👍 Ja",
	FeedbackNo:       "👎 Nein",
	FeedbackThanks:   "Danke für deine Rückmeldung! 🙂",
	FeedbackSorry:    "Danke – schade, dass das nicht geholfen hat.",
	FeedbackSorryAsk: "Frag Lotse im Chat, dort bekommst du weitere Hilfe.",
	AskBefore:        "Noch Fragen?",
	AskLink:          "Frag Lotse im Chat",
	AskAfter:         "– in deinen eigenen Worten.",

	NotFoundTitle:       "Seite nicht gefunden",
	NotFoundText:        "Diese Anleitung gibt es nicht oder nicht (mehr) an dieser Adresse.",
	NotFoundIndexBefore: "Alle Anleitungen findest du im",
	NotFoundIndexAfter:  ".",

	SearchTitle:          "Suche",
	SearchTitleQuery:     "Suche: %s",
	SearchPrompt:         "Gib oben eine Frage oder ein paar Stichwörter ein, zum Beispiel „Passwort vergessen“.",
	SearchBrowseBefore:   "Oder stöbere im",
	SearchBrowseAfter:    ".",
	SearchNoScriptBefore: "Die Suche dieser Seiten läuft im Browser und braucht JavaScript. Alle Anleitungen findest du nach Themen geordnet im",
	SearchNoScriptAfter:  ". Oder stell deine Frage Lotse im Chat.",
	SearchHits:           "%d Treffer für „%s“.|%d Treffer für „%s“.",
	SearchConfident:      "Die erste Anleitung passt am besten.",
	SearchUnsure:         "Keine passt ganz sicher – vielleicht hilft eine davon.",
	SearchSection:        "Abschnitt „%s“",
	SearchNoneBefore:     "Keine Anleitung passt zu „%s“. Versuch es mit anderen Wörtern oder stöbere im",
	SearchNoneAfter:      ".",
	SearchNoneStatic:     "Keine Anleitung passt zu „%s“. Versuch es mit anderen Wörtern oder stöbere im Verzeichnis aller Anleitungen.",

	MethodNotAllowed: "Diese Art von Anfrage ist hier nicht erlaubt.",
	InternalError:    "Da ist bei uns etwas schiefgegangen. Bitte lade die Seite gleich noch einmal.",
	SearchBusy:       "Die Suche ist gerade ausgelastet. Versuch es gleich noch einmal.",
	LocalOnly:        "Dieser Server antwortet nur unter localhost.",
	VoteForeign:      "Diese Rückmeldung kam nicht von dieser Seite.",
	VoteInvalid:      "Diese Rückmeldung lässt sich nicht lesen. Lade die Seite neu und versuch es noch einmal.",
	VoteFailed:       "Die Rückmeldung konnte gerade nicht gespeichert werden. Versuch es gleich noch einmal.",
}

// English are the English texts.
var English = &Texts{
	Lang:              "en",
	SiteTitle:         "Lotse guides",
	SkipToContent:     "Skip to content",
	SearchLabel:       "Search the guides",
	SearchPlaceholder: "e.g. forgot password",
	SearchButton:      "Search",
	FooterAbout:       "Guides by Lotse, the help bot in the chat. Questions? Send Lotse a message.",
	FooterNoCookies:   "These pages set no cookies and load nothing from other servers.",
	LegalLabel:        "Legal",
	Impressum:         "Legal notice",
	Privacy:           "Privacy policy",

	Breadcrumb: "Breadcrumb",
	AllGuides:  "All guides",
	IndexLink:  "index of all guides",

	TopicsLabel:      "Topics",
	IndexDescription: "All guides by topic",
	IndexCount:       "%d guide, by topic.|%d guides, by topic.",
	IndexSearchHint:  "Or search for your question above.",

	TOCLabel: "Sections of this guide",
	TOCTitle: "On this page",
	Modified: "Last changed on",
	Date:     "%d %s %d",
	Months: []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"},
	FeedbackQuestion: "Was this helpful?",
	FeedbackYes:      "👍 Yes",
	FeedbackNo:       "👎 No",
	FeedbackThanks:   "Thank you for your feedback! 🙂",
	FeedbackSorry:    "Thank you – sorry this did not help.",
	FeedbackSorryAsk: "Ask Lotse in the chat for more help.",
	AskBefore:        "More questions?",
	AskLink:          "Ask Lotse in the chat",
	AskAfter:         "– in your own words.",

	NotFoundTitle:       "Page not found",
	NotFoundText:        "This guide does not exist, or not (any longer) at this address.",
	NotFoundIndexBefore: "You’ll find all guides in the",
	NotFoundIndexAfter:  ".",

	SearchTitle:          "Search",
	SearchTitleQuery:     "Search: %s",
	SearchPrompt:         "Type a question or a few keywords above, for example “forgot password”.",
	SearchBrowseBefore:   "Or browse the",
	SearchBrowseAfter:    ".",
	SearchNoScriptBefore: "The search on these pages runs in the browser and needs JavaScript. You’ll find all guides by topic in the",
	SearchNoScriptAfter:  ". Or ask Lotse your question in the chat.",
	SearchHits:           "%d hit for “%s”.|%d hits for “%s”.",
	SearchConfident:      "The first guide fits best.",
	SearchUnsure:         "None fits for sure – perhaps one of them helps.",
	SearchSection:        "Section “%s”",
	SearchNoneBefore:     "No guide fits “%s”. Try other words or browse the",
	SearchNoneAfter:      ".",
	SearchNoneStatic:     "No guide fits “%s”. Try other words or browse the index of all guides.",

	MethodNotAllowed: "This kind of request is not allowed here.",
	InternalError:    "Something went wrong on our side. Please reload the page in a moment.",
	SearchBusy:       "The search is busy right now. Please try again in a moment.",
	LocalOnly:        "This server only answers under localhost.",
	VoteForeign:      "This feedback did not come from this site.",
	VoteInvalid:      "This feedback cannot be read. Reload the page and try again.",
	VoteFailed:       "The feedback could not be saved right now. Please try again in a moment.",
}

// TextsFor returns the texts of a language ("de" or "en"); any other
// code, the empty one included, gets German.
func TextsFor(lang string) *Texts {
	if lang == English.Lang {
		return English
	}
	return German
}

// F formats a text: with "one|other" forms it takes "one" when the first
// argument is the int 1, else "other".
func (t *Texts) F(format string, args ...any) string {
	if one, other, ok := strings.Cut(format, "|"); ok {
		format = other
		if len(args) > 0 {
			if n, isInt := args[0].(int); isInt && n == 1 {
				format = one
			}
		}
	}
	return fmt.Sprintf(format, args...)
}

// date writes a day as a reader of t expects it ("4. Dezember 2026",
// "4 December 2026").
func (t *Texts) date(day, month, year int) string {
	return fmt.Sprintf(t.Date, day, t.Months[month-1], year)
}
