package commands

import (
	"sort"
	"strings"

	mcommands "maunium.net/go/mautrix/commands"
)

// entry is one command in the registry; the help is generated from it, so
// it cannot drift from what the bot really understands.
type entry struct {
	handler *mcommands.Handler[*Handler]
	// role is who may use it; "" = every member.
	role string
}

// registry is the table of contents of what members can do. Names are
// German, aliases English and short forms.
func registry() []*entry {
	return []*entry{
		{handler: &mcommands.Handler[*Handler]{Name: "hilfe", Aliases: []string{"help", "h", "?"}, Func: run(cmdHelp)}},
		{handler: &mcommands.Handler[*Handler]{Name: "anleitung", Aliases: []string{"guide", "suche", "search", "such"}, Func: run(cmdGuide)}},
		{handler: &mcommands.Handler[*Handler]{Name: "anleitungen", Aliases: []string{"guides", "themen", "topics", "liste"}, Func: run(cmdGuides)}},
		// Support cases, member side.
		{handler: &mcommands.Handler[*Handler]{Name: "ticket", Aliases: []string{"support"}, Func: run(cmdTicket)}, role: roleSupport},
		{handler: &mcommands.Handler[*Handler]{Name: "meine", Aliases: []string{"mine", "fälle", "faelle"}, Func: run(cmdMine)}, role: roleSupport},
		{handler: &mcommands.Handler[*Handler]{Name: "schließen", Aliases: []string{"schliessen", "close"}, Func: run(cmdClose)}, role: roleSupport},
		// Support cases, team side (team room only; checked in team()).
		{handler: &mcommands.Handler[*Handler]{Name: "offen", Aliases: []string{"open"}, Func: run(team(cmdOpen))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "fall", Aliases: []string{"case"}, Func: run(team(cmdCase))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "übernehmen", Aliases: []string{"uebernehmen", "claim"}, Func: run(team(cmdClaim))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "abgeben", Aliases: []string{"unclaim"}, Func: run(team(cmdUnclaim))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "zuweisen", Aliases: []string{"assign"}, Func: run(team(cmdAssign))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "antwort", Aliases: []string{"reply"}, Func: run(team(cmdReply))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "erledigt", Aliases: []string{"resolve"}, Func: run(team(cmdResolve))}, role: roleTeam},
		{handler: &mcommands.Handler[*Handler]{Name: "wiedereröffnen", Aliases: []string{"wiedereroeffnen", "reopen"}, Func: run(team(cmdReopen))}, role: roleTeam},
		// Access requests, member side (DM).
		{handler: &mcommands.Handler[*Handler]{Name: "zugang", Aliases: []string{"access"}, Func: run(cmdAccess)}, role: roleAccess},
		{handler: &mcommands.Handler[*Handler]{Name: "anträge", Aliases: []string{"antraege", "requests"}, Func: run(cmdRequests)}, role: roleAccess},
		{handler: &mcommands.Handler[*Handler]{Name: "zurückziehen", Aliases: []string{"zurueckziehen", "withdraw"}, Func: run(cmdWithdraw)}, role: roleAccess},
		{handler: &mcommands.Handler[*Handler]{Name: "raum", Aliases: []string{"room"}, Func: run(cmdRoom)}, role: roleAccess},
		// Access requests, approvers (approvals room only; checked in approver()).
		{handler: &mcommands.Handler[*Handler]{Name: "genehmigen", Aliases: []string{"approve"}, Func: run(approver(cmdApprove))}, role: roleApprover},
		{handler: &mcommands.Handler[*Handler]{Name: "ablehnen", Aliases: []string{"deny"}, Func: run(approver(cmdDeny))}, role: roleApprover},
		{handler: &mcommands.Handler[*Handler]{Name: "protokoll", Aliases: []string{"audit"}, Func: run(approver(cmdAudit))}, role: roleApprover},
		// Onboarding and data rights, every member.
		{handler: &mcommands.Handler[*Handler]{Name: "start", Aliases: []string{"onboarding", "checkliste", "checklist"}, Func: run(cmdStart)}},
		{handler: &mcommands.Handler[*Handler]{Name: "stopp", Aliases: []string{"stop"}, Func: run(cmdStop)}},
		{handler: &mcommands.Handler[*Handler]{Name: "datenschutz", Aliases: []string{"privacy"}, Func: run(cmdPrivacy)}},
		{handler: &mcommands.Handler[*Handler]{Name: "meine-daten", Aliases: []string{"my-data", "meinedaten", "mydata"}, Func: run(cmdMyData)}},
		{handler: &mcommands.Handler[*Handler]{Name: "daten-löschen", Aliases: []string{"daten-loeschen", "delete-my-data"}, Func: run(cmdDeleteMyData)}},
		// Team application (every member, when support cases are on).
		{handler: &mcommands.Handler[*Handler]{Name: "team", Func: run(cmdTeam)}, role: roleSupport},
		// Roles and the team privacy gate: admins and approvers (checked in manager()).
		{handler: &mcommands.Handler[*Handler]{Name: "rolle", Aliases: []string{"role"}, Func: run(manager(cmdRole))}, role: roleManager},
		{handler: &mcommands.Handler[*Handler]{Name: "rollen", Aliases: []string{"roles"}, Func: run(manager(cmdRoles))}, role: roleManager},
		{handler: &mcommands.Handler[*Handler]{Name: "erklärung", Aliases: []string{"erklaerung", "declaration"}, Func: run(manager(cmdDeclaration))}, role: roleManager},
		{handler: &mcommands.Handler[*Handler]{Name: "schulung", Aliases: []string{"training"}, Func: run(manager(cmdTraining))}, role: roleManager},
		{handler: &mcommands.Handler[*Handler]{Name: "aufbewahrung", Aliases: []string{"retention"}, Func: run(manager(cmdRetention))}, role: roleManager},
		// Round tables, member side.
		{handler: &mcommands.Handler[*Handler]{Name: "rundetische", Aliases: []string{"roundtables", "runde-tische"}, Func: run(members(cmdRoundTables))}, role: roleRoundTable},
		{handler: &mcommands.Handler[*Handler]{Name: "dabei", Aliases: []string{"join"}, Func: run(members(cmdJoin))}, role: roleRoundTable},
		{handler: &mcommands.Handler[*Handler]{Name: "absage", Aliases: []string{"leave"}, Func: run(members(cmdLeave))}, role: roleRoundTable},
		// Round tables, coordinators (checked in coordinator()).
		{handler: &mcommands.Handler[*Handler]{Name: "rundertisch", Aliases: []string{"roundtable", "runder-tisch"}, Func: run(coordinator(cmdRoundTable))}, role: roleCoordinator},
		{handler: &mcommands.Handler[*Handler]{Name: "ankündigen", Aliases: []string{"ankuendigen", "announce"}, Func: run(coordinator(cmdAnnounce))}, role: roleCoordinator},
		{handler: &mcommands.Handler[*Handler]{Name: "teilnehmende", Aliases: []string{"attendees"}, Func: run(coordinator(cmdAttendees))}, role: roleCoordinator},
		{handler: &mcommands.Handler[*Handler]{Name: "verschieben", Aliases: []string{"reschedule"}, Func: run(coordinator(cmdReschedule))}, role: roleCoordinator},
		{handler: &mcommands.Handler[*Handler]{Name: "absagen", Aliases: []string{"cancel"}, Func: run(coordinator(cmdCancel))}, role: roleCoordinator},
		{handler: &mcommands.Handler[*Handler]{Name: "nachbereitung", Aliases: []string{"followup"}, Func: run(coordinator(cmdFollowup))}, role: roleCoordinator},
	}
}

// Roles of registry entries.
const (
	roleSupport     = "support"     // every member, when support cases are on
	roleTeam        = "team"        // members of the team room
	roleAccess      = "access"      // every member, when access requests are on
	roleApprover    = "approver"    // approvers of access requests
	roleManager     = "manager"     // admins and approvers: roles, declarations, trainings
	roleRoundTable  = "roundtable"  // every member, when round tables are on
	roleCoordinator = "coordinator" // coordinators of round tables
)

// cmdHelp lists what the sender can do.
func cmdHelp(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts
	var b strings.Builder
	b.WriteString(tx.HelpIntro + "\n\n" + tx.HelpAsk + "\n\n" + tx.HelpCommands + "\n")
	isTeam := h.isTeam(ce.Ctx, ce.Sender)
	list := func(role string) {
		for _, e := range h.registry {
			ct, ok := tx.Commands[e.handler.Name]
			if !ok || e.role != role {
				continue
			}
			b.WriteString("- `" + ct.Usage + "` – " + ct.Description + "\n")
		}
	}
	list("")
	if h.supportOn() {
		list(roleSupport)
	}
	if h.accessOn() {
		list(roleAccess)
	}
	if isTeam {
		b.WriteString("\n" + tx.Support.TeamCommands + "\n")
		list(roleTeam)
	}
	if h.isApprover(ce.Ctx, ce.Sender) {
		b.WriteString("\n" + tx.Access.ApproverCommands + "\n")
		list(roleApprover)
	}
	if h.canManage(ce.Ctx, ce.Sender) {
		b.WriteString("\n" + tx.People.ManagerCommands + "\n")
		list(roleManager)
	}
	if h.rtOn() {
		list(roleRoundTable)
		if h.isCoordinator(ce.Ctx, ce.Sender) {
			b.WriteString("\n" + tx.RoundTable.Coordinators + "\n")
			list(roleCoordinator)
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
	for _, e := range h.registry {
		for _, n := range append([]string{e.handler.Name}, e.handler.Aliases...) {
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
