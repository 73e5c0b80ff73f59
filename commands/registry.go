package commands

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/people"
)

// registry is the table of contents of what members can do, in the order
// of the help. Names are German, aliases English and short forms.
func (h *Handler) registry() []chat.Command {
	tx := h.Texts
	cmd := func(name string, aliases []string, fn func(ce *CommandEvent) error) chat.Command {
		return chat.NewCommand(tx.Commands[name], name, aliases, nil, "", h.legacy(fn)).In(German.Commands[name], English.Commands[name])
	}
	list := []chat.Command{
		cmd("hilfe", []string{"help", "h", "?"}, cmdHelp),
	}
	list = append(list, h.answers.Commands()...)
	supportMember, supportTeam := h.support.Commands()
	onboarding, roles := h.people.Commands()
	for _, cmds := range [][]chat.Command{
		supportMember,       // support cases, member side
		h.access.Commands(), // access requests: members (DM), approvers (approvals room)
		supportTeam,         // support cases, the team (team room)
		h.learn.Commands(),  // learning from resolved cases (team room)
		onboarding,          // onboarding and the team application
		managerSection(h.privacy.Commands(h.people.ManagerSection())), // data rights (DM), the retention dry run
		h.gaps.Commands(),       // keeping unanswered questions: the member's opt-out (DM)
		roles,                   // roles and the privacy gate (managers)
		h.roundTable.Commands(), // round tables: members and coordinators
	} {
		list = append(list, cmds...)
	}
	// A guide draft from a resolved case (team role, team room; listed
	// with the team's commands).
	list = append(list, h.guideDraft.Commands()...)
	return list
}

// legacy adapts a command of this package (which reads the Handler from
// the event) to chat.Command.Run.
func (h *Handler) legacy(fn func(ce *CommandEvent) error) func(*chat.Call) error {
	return func(c *chat.Call) error {
		return fn(&CommandEvent{Event: c.Event, RawInput: c.RawInput, Command: c.Command, Args: c.Args, RawArgs: c.RawArgs, Ctx: c.Ctx, Log: c.Log, Meta: h})
	}
}

// cmdHelp lists what the sender can do: every role's commands the sender
// holds, each role under its section heading, in the order of the registry.
// A role's variants (DirectOnly) count as the role (chat.Role.Base). Roles
// without a heading (the members' commands that need the direct chat:
// !team, !datenschutz, !nicht-merken) come before every heading: in the
// registry's order they followed the team's or the managers' commands and
// read as theirs (texts28).
func cmdHelp(ce *CommandEvent) error {
	h := ce.Meta
	lang := h.env.ReplyLang(ce.Ctx)
	tx := h.textsIn(lang)
	if arg := strings.TrimSpace(ce.RawArgs); arg != "" {
		return h.helpOne(ce, arg)
	}
	var b strings.Builder
	b.WriteString(tx.HelpIntro + "\n\n" + tx.HelpAsk + "\n\n" + tx.HelpCommands + "\n")
	order := []*chat.Role{nil}
	var headed []*chat.Role
	for _, c := range h.commands {
		if base := c.Role.Base(); base != nil && c.Section != "" && !slices.Contains(headed, base) {
			headed = append(headed, base)
		}
	}
	for _, c := range h.commands {
		if base := c.Role.Base(); base != nil && !slices.Contains(headed, base) && !slices.Contains(order, base) {
			order = append(order, base)
		}
	}
	order = append(order, headed...)
	for _, role := range order {
		if !role.Shows(ce.Ctx, ce.Sender) {
			continue
		}
		heading := false
		for _, c := range h.commands {
			if c.Role.Base() != role || c.Usage == "" {
				continue
			}
			if c.Section != "" && !heading {
				b.WriteString("\n" + c.SectionIn(lang) + "\n")
				heading = true
			}
			ct := c.Text(lang)
			b.WriteString("- `" + ct.Usage + "` – " + ct.Description + "\n")
		}
	}
	// How to reach a person: a case when they are on (opened only in the
	// direct chat, so elsewhere the help points there), else the contact.
	switch t := chat.TurnOf(ce.Ctx); {
	case h.env.Features.Cases && t != nil && t.Direct:
		b.WriteString("\n" + tx.HelpPerson)
	case h.env.Features.Cases:
		b.WriteString("\n" + tx.HelpPersonDM)
	default:
		b.WriteString("\n" + chat.Format(tx.HelpContact, contactIn(h, lang)))
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// helpOne explains the command named (or aliased) arg, if the sender may
// see it; else it answers like an unknown command.
func (h *Handler) helpOne(ce *CommandEvent, arg string) error {
	name := strings.ToLower(strings.TrimPrefix(strings.Fields(arg)[0], "!"))
	for _, c := range h.commands {
		if c.Usage == "" || (c.Name != name && !slices.Contains(c.Aliases, name)) || !c.Role.Shows(ce.Ctx, ce.Sender) {
			continue
		}
		tx := h.textsIn(h.env.ReplyLang(ce.Ctx))
		ct := c.Text(tx.Lang)
		text := chat.Format(tx.HelpOne, ct.Usage, ct.Description)
		var aliases []string
		for _, a := range c.Aliases {
			if a != "?" {
				aliases = append(aliases, "`!"+a+"`")
			}
		}
		if len(aliases) > 0 {
			text += "\n\n" + chat.Format(tx.HelpAliases, strings.Join(aliases, ", "))
		}
		return h.env.ReplyMarkdown(ce.Ctx, text)
	}
	ce.Command = name
	return cmdUnknown(ce)
}

// helpWords are whole messages that ask for the short help, with the
// language each is written in ("": says none).
var helpWords = map[string]string{"hilfe": "de", "help": "en", "?": "", "hilfe?": "de", "help?": "en"}

func isHelpWord(text string) bool {
	_, ok := helpWords[helpWord(text)]
	return ok
}

func helpWord(text string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(text), "!. "))
}

// shortHelp is the answer to a plain "hilfe": what Lotse can do, three
// example questions, how to reach a person (by a case only when cases are
// on: in the direct chat, elsewhere a pointer to it), and where the rest is.
//
// It is in the language of the word (en35: „help“ in a German install is
// answered in English), else the turn's.
func (h *Handler) shortHelp(ctx context.Context, word string) error {
	t := chat.TurnOf(ctx)
	lang := helpWords[helpWord(word)]
	if lang == "" {
		lang = h.env.ReplyLang(ctx)
	}
	tx := h.textsIn(lang)
	text := tx.ShortHelp + "\n\n"
	switch {
	case h.support.On() && t != nil && t.Direct:
		text += tx.ShortHelpCases
	case h.support.On():
		// Cases open only in the direct chat: point there.
		text += tx.HelpPersonDM
	default:
		text += chat.Format(tx.ShortHelpContact, chat.Escape(contactIn(h, lang)))
	}
	return h.env.ReplyMarkdown(ctx, text+"\n\n"+tx.ShortHelpMore)
}

// cmdUnknown answers a command Lotse does not know, with the closest match
// among the commands the sender may use here.
func cmdUnknown(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.textsIn(h.env.ReplyLang(ce.Ctx))
	text := chat.Format(tx.UnknownCommand, "!"+chat.Escape(ce.Command))
	if best := h.closestCommand(ce.Ctx, ce.Command, ce.Sender, ce.RoomID); best != "" {
		text += " " + chat.Format(tx.UnknownCommandSuggest, "!"+best)
	} else {
		text += " " + tx.UnknownCommandHelp
	}
	return h.replyMarkdown(ce.Ctx, text)
}

// closestCommand finds the name or alias nearest to typed (edit distance
// ≤ 2, ≤ 1 for a word of up to four letters, less than the name is long;
// or a shared prefix of 3+ letters) among the commands sender may use
// in room (see offers).
func (h *Handler) closestCommand(ctx context.Context, typed string, sender id.UserID, room id.RoomID) string {
	// No name is longer than a few words: a word more than two letters
	// longer than the longest is near none (a 60,000-letter one cost
	// 150 ms of edit distances per message, sec29).
	longest := 0
	for i := range h.commands {
		for _, n := range append([]string{h.commands[i].Name}, h.commands[i].Aliases...) {
			longest = max(longest, utf8.RuneCountInString(n))
		}
	}
	if utf8.RuneCountInString(typed) > longest+2 {
		return ""
	}
	typed = strings.ToLower(typed)
	type cand struct {
		name string
		dist int
		cmd  *chat.Command
	}
	var cands []cand
	for i := range h.commands {
		c := &h.commands[i]
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			d := editDistance(typed, n)
			if len(typed) >= 3 && strings.HasPrefix(n, typed) {
				d = 1
			}
			// Two edits make any short word near another ("!foo" and
			// "!room"), and a short form ("f") is as near to any word as
			// it is long: "!foo" is a typo of neither.
			maxDist := 2
			if utf8.RuneCountInString(typed) <= 4 {
				maxDist = 1
			}
			if d <= maxDist && d < utf8.RuneCountInString(n) {
				cands = append(cands, cand{n, d, c})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	for _, c := range cands {
		if h.offers(ctx, c.cmd, sender, room) {
			return spokenName(c.cmd, c.name)
		}
	}
	return ""
}

// editDistance is the edit distance of two words (a variable, so that a
// test can count its calls).
var editDistance = levenshtein.ComputeDistance

// spokenName is the name the help shows for c in the member's language
// (the first word of its usage, "!ask" for frage in English), so that a
// typo near a short form or an alias is answered with the command as the
// member knows it; matched when the usage has none.
func spokenName(c *chat.Command, matched string) string {
	if f := strings.Fields(c.Usage); len(f) > 0 && strings.HasPrefix(f[0], "!") && len(f[0]) > 1 {
		return strings.TrimPrefix(f[0], "!")
	}
	return matched
}

// offers reports whether sender may use c in room: it has a help line (a
// kind of access request that is off has none), the help shows its role to
// sender (not for a feature that is off or a role they lack), and the
// role's check – the one Dispatch enforces, answering nothing here –
// passes in room.
func (h *Handler) offers(ctx context.Context, c *chat.Command, sender id.UserID, room id.RoomID) bool {
	if c.Usage == "" || !c.Role.Shows(ctx, sender) {
		return false
	}
	if c.Role == nil {
		return true
	}
	ok, _ := h.env.Enforce(ctx, c.Role.Silent(), sender, room)
	return ok
}

// contactIn is the fallback contact for a reply in lang: the configured
// one as written, else the general pointer in lang.
func contactIn(h *Handler, lang string) string {
	if h.env.Contact != "" {
		return h.env.Contact
	}
	return chat.DefaultContact(lang)
}

// managerSection gives the commands of cmds under the managers' heading
// (privacy's !aufbewahrung, listed with the role commands) that heading
// in both languages (chat.Command.InSection).
func managerSection(cmds []chat.Command) []chat.Command {
	for i := range cmds {
		if cmds[i].Section != "" {
			cmds[i] = cmds[i].InSection(people.German.ManagerCommands, people.English.ManagerCommands)
		}
	}
	return cmds
}

// textsIn are the handler's texts in lang: the configured catalogue when
// it is of lang (Deps.Texts), else the other language's.
func (h *Handler) textsIn(lang string) *Texts {
	if h.Texts != nil && h.Texts.Lang == lang {
		return h.Texts
	}
	return TextsFor(lang)
}
