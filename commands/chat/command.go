package chat

import (
	"context"

	"github.com/rs/zerolog"
	mcommands "maunium.net/go/mautrix/commands"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Call is a parsed command as mautrix's processor hands it over.
type Call = mcommands.Event[*Env]

// Role is who may do something, and where. It is declared on a Command or
// a reaction Target and enforced by Enforce, nowhere else.
type Role struct {
	// Name is for logs and tests.
	Name string
	// Check reports whether sender may act in room (direct: a one-to-one
	// chat with Lotse); when not, denial is the text to answer ("": none).
	Check func(ctx context.Context, sender id.UserID, room id.RoomID, direct bool) (ok bool, denial string)
	// Holds reports whether user holds the role at all (the help shows
	// the role's commands then). nil: whenever Check passes in a DM.
	Holds func(ctx context.Context, user id.UserID) bool
	// base is the role a variant (DirectOnly) was made from: the help
	// lists the commands of both under one heading (Base).
	base *Role
}

// Base is the role r was made from by DirectOnly, or r itself. The help
// groups commands by it: a coordinator's help showed the coordinators'
// heading twice, and members' commands out of order, while it grouped by
// the *Role (whole-change review 20, people, M2).
func (r *Role) Base() *Role {
	if r != nil && r.base != nil {
		return r.base
	}
	return r
}

// Shows reports whether the help shows the role's commands to user.
func (r *Role) Shows(ctx context.Context, user id.UserID) bool {
	switch {
	case r == nil:
		return true
	case r.Holds != nil:
		return r.Holds(ctx, user)
	}
	ok, _ := r.Check(ctx, user, "", true)
	return ok
}

// Command is one command of a workflow. The registry in package commands
// lists them all; the help is generated from it.
type Command struct {
	Name    string
	Aliases []string
	// Role is who may use it (nil: every member). Run is only called when
	// the role's check passed.
	Role *Role
	// Section is the heading of the help section the command is listed
	// under ("": the member commands).
	Section string
	// Usage and Description are the help line, in the workflow's language.
	Usage, Description string
	// Langs is the help line per language ("de", "en"; see In): the help
	// follows the reader's language, and the name typed tells it
	// (WordLang). nil: the install's only.
	Langs map[string]CommandText
	// SectionLangs is Section per language (see InSection); nil: the
	// install's only.
	SectionLangs map[string]string
	Run          func(ce *Call) error
}

// Enforce checks role for the sender of the turn in ctx; when the check
// fails it answers the denial and returns false.
func (e *Env) Enforce(ctx context.Context, role *Role, sender id.UserID, room id.RoomID) (bool, error) {
	if role == nil {
		return true, nil
	}
	direct := false
	if t := TurnOf(ctx); t != nil {
		direct = t.Direct
	}
	ok, denial := role.Check(ctx, sender, room, direct)
	if ok {
		return true, nil
	}
	zerolog.Ctx(ctx).Debug().Str("role", role.Name).Stringer("sender", sender).Msg("Refused: role missing")
	if denial == "" {
		return false, nil
	}
	return false, e.ReplyMarkdown(ctx, denial)
}

// Dispatch runs cmd for ce after enforcing its role.
func (e *Env) Dispatch(ce *Call, cmd *Command) error {
	// In a direct chat the reply follows the language of the command's
	// name as typed (command_lang.go).
	if t := TurnOf(ce.Ctx); t != nil && t.Direct {
		if l := cmd.WordLang(ce.Command); l != "" {
			t.Lang = l
		}
	}
	if ok, err := e.Enforce(ce.Ctx, cmd.Role, ce.Sender, ce.RoomID); !ok {
		return err
	}
	return cmd.Run(ce)
}

// Reaction routes reactions to the events of one workflow.
type Reaction struct {
	// Name is for logs and tests.
	Name string
	// Find looks the reacted-to event up among the workflow's own (evt is
	// the reaction, key its key without modifiers); nil: not the
	// workflow's event or key.
	Find func(ctx context.Context, evt *event.Event, target id.EventID, key string) (*Target, error)
}

// Target is a workflow's event that people react to (or reply to).
type Target struct {
	// Room is where the target lives: a reaction from another room does
	// nothing.
	Room id.RoomID
	// Role is who may react (nil: whoever is in Room).
	Role *Role
	// Run acts on the reaction; nil: nothing to do (handled).
	Run func(ctx context.Context) error
}

// React routes the reaction evt to the first workflow that owns its target,
// after checking that it comes from the target's room and that its sender
// holds the target's role. handled=false: no workflow owns the target.
func (e *Env) React(ctx context.Context, reactions []Reaction, evt *event.Event) (handled bool, err error) {
	rc := evt.Content.AsReaction()
	if rc == nil || rc.RelatesTo.EventID == "" {
		return false, nil
	}
	key := StripModifiers(rc.RelatesTo.Key)
	for _, r := range reactions {
		tg, err := r.Find(ctx, evt, rc.RelatesTo.EventID, key)
		if err != nil {
			return true, err
		}
		if tg == nil {
			continue
		}
		if tg.Room != evt.RoomID {
			zerolog.Ctx(ctx).Debug().Str("workflow", r.Name).Stringer("room_id", evt.RoomID).Msg("Ignored a reaction from another room than its target's")
			return true, nil
		}
		if ok, err := e.Enforce(ctx, tg.Role, evt.Sender, evt.RoomID); !ok {
			return true, err
		}
		if tg.Run == nil {
			return true, nil
		}
		return true, tg.Run(ctx)
	}
	return false, nil
}

// CommandText is the help line of a command: usage and description.
type CommandText struct {
	Usage       string
	Description string
}

// Silent returns the role with the same check that answers nothing when
// it fails (for reactions, where a refusal would be noise).
func (r *Role) Silent() *Role {
	s := *r
	s.Name = r.Name + " (silent)"
	s.Check = func(ctx context.Context, sender id.UserID, room id.RoomID, direct bool) (bool, string) {
		ok, _ := r.Check(ctx, sender, room, direct)
		return ok, ""
	}
	return &s
}

// DirectOnly returns the role with the same check that also needs a
// direct chat with Lotse: what the command shows is the member's own
// (their cases, their requests) and nobody else in a room should read it.
// denial answers a call from elsewhere (a pointer to the direct chat).
func (r *Role) DirectOnly(denial string) *Role {
	s := *r
	s.Name = r.Name + " (direct)"
	s.base = r.Base()
	s.Check = func(ctx context.Context, sender id.UserID, room id.RoomID, direct bool) (bool, string) {
		if ok, d := r.Check(ctx, sender, room, direct); !ok {
			return false, d
		}
		if !direct {
			return false, denial
		}
		return true, ""
	}
	return &s
}

// NewCommand declares a command with its help line ct.
func NewCommand(ct CommandText, name string, aliases []string, role *Role, section string, run func(ce *Call) error) Command {
	return Command{Name: name, Aliases: aliases, Role: role, Section: section, Usage: ct.Usage, Description: ct.Description, Run: run}
}
