package commands

import (
	"context"
	"slices"
	"sort"
	"strings"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// roles are the roles of the commands still in this package; the moved
// workflows declare their own. Each is checked by chat.Env.Enforce before a
// command runs (and before a reaction acts), nowhere else.
type roles struct {
	support, team *chat.Role
}

func (h *Handler) newRoles() roles {
	return roles{
		// Every member, when support cases are on (the commands answer
		// themselves when they are off).
		support: &chat.Role{Name: "support", Check: func(context.Context, id.UserID, id.RoomID, bool) (bool, string) { return true, "" },
			Holds: func(context.Context, id.UserID) bool { return h.supportOn() }},
		// The team role, in the team room.
		team: &chat.Role{Name: "team", Check: func(ctx context.Context, user id.UserID, room id.RoomID, _ bool) (bool, string) {
			st := h.Texts.Support
			switch {
			case !h.supportOn():
				return false, st.NotEnabled
			case !h.isTeam(ctx, user):
				return false, st.NotTeam
			case room != h.Support.TeamRoom:
				return false, st.TeamRoomOnly
			}
			return true, ""
		}, Holds: h.isTeam},
	}
}

// registry is the table of contents of what members can do, in the order
// of the help. Names are German, aliases English and short forms.
func (h *Handler) registry() []chat.Command {
	r := h.roles
	tx := h.Texts
	cmd := func(name string, aliases []string, role *chat.Role, section string, fn func(ce *CommandEvent) error) chat.Command {
		ct := tx.Commands[name]
		return chat.Command{Name: name, Aliases: aliases, Role: role, Section: section, Usage: ct.Usage, Description: ct.Description, Run: h.legacy(fn)}
	}
	teamSection := tx.Support.TeamCommands
	list := []chat.Command{
		cmd("hilfe", []string{"help", "h", "?"}, nil, "", cmdHelp),
		cmd("anleitung", []string{"guide", "suche", "search", "such"}, nil, "", cmdGuide),
		cmd("anleitungen", []string{"guides", "themen", "topics", "liste"}, nil, "", cmdGuides),
		// Support cases, member side.
		cmd("ticket", []string{"support"}, r.support, "", cmdTicket),
		cmd("meine", []string{"mine", "fälle", "faelle"}, r.support, "", cmdMine),
		cmd("schließen", []string{"schliessen", "close"}, r.support, "", cmdClose),
	}
	// Access requests, member side (DM) and approvers (approvals room).
	list = append(list, h.access.Commands()...)
	list = append(list,
		// Support cases, team side (team room only).
		cmd("offen", []string{"open"}, r.team, teamSection, cmdOpen),
		cmd("fall", []string{"case"}, r.team, teamSection, cmdCase),
		cmd("übernehmen", []string{"uebernehmen", "claim"}, r.team, teamSection, cmdClaim),
		cmd("abgeben", []string{"unclaim"}, r.team, teamSection, cmdUnclaim),
		cmd("zuweisen", []string{"assign"}, r.team, teamSection, cmdAssign),
		cmd("antwort", []string{"reply"}, r.team, teamSection, cmdReply),
		cmd("erledigt", []string{"resolve"}, r.team, teamSection, cmdResolve),
		cmd("wiedereröffnen", []string{"wiedereroeffnen", "reopen"}, r.team, teamSection, cmdReopen),
	)
	// Onboarding and the team application (every member), roles (managers).
	onboarding, roles := h.people.Commands()
	list = append(list, onboarding...)
	// Data rights (DM) and the retention dry run (managers).
	list = append(list, h.privacy.Commands(h.people.ManagerSection())...)
	list = append(list, roles...)
	// Round tables: members and coordinators.
	list = append(list, h.roundTable.Commands()...)
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
func cmdHelp(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts
	var b strings.Builder
	b.WriteString(tx.HelpIntro + "\n\n" + tx.HelpAsk + "\n\n" + tx.HelpCommands + "\n")
	var order []*chat.Role
	order = append(order, nil)
	for _, c := range h.commands {
		if c.Role != nil && !slices.Contains(order, c.Role) {
			order = append(order, c.Role)
		}
	}
	for _, role := range order {
		if !role.Shows(ce.Ctx, ce.Sender) {
			continue
		}
		heading := false
		for _, c := range h.commands {
			if c.Role != role || c.Usage == "" {
				continue
			}
			if c.Section != "" && !heading {
				b.WriteString("\n" + c.Section + "\n")
				heading = true
			}
			b.WriteString("- `" + c.Usage + "` – " + c.Description + "\n")
		}
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// cmdUnknown answers a command Lotse does not know, with the closest match.
func cmdUnknown(ce *CommandEvent) error {
	h := ce.Meta
	text := formatText(h.Texts.UnknownCommand, "!"+escape(ce.Command))
	if best := h.closestCommand(ce.Command); best != "" {
		text += " " + formatText(h.Texts.UnknownCommandSuggest, "!"+best)
	} else {
		text += " " + formatText(h.Texts.UnknownCommandSuggest, h.Texts.Commands["hilfe"].Usage)
	}
	return h.replyMarkdown(ce.Ctx, text)
}

// closestCommand finds the registered name or alias nearest to typed
// (edit distance ≤ 2, or a shared prefix of 3+ letters).
func (h *Handler) closestCommand(typed string) string {
	typed = strings.ToLower(typed)
	type cand struct {
		name string
		dist int
	}
	var cands []cand
	for _, c := range h.commands {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			d := levenshtein(typed, n)
			if len(typed) >= 3 && strings.HasPrefix(n, typed) {
				d = 1
			}
			if d <= 2 {
				cands = append(cands, cand{n, d})
			}
		}
	}
	if len(cands) == 0 {
		return ""
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	return cands[0].name
}

// levenshtein is the edit distance of two short strings (command names);
// too small a need for a dependency.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
