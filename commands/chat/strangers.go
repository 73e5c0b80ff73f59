package chat

// strangersTexts are the notice for a team or approvals room that is
// closed again while people without a role who joined when it was open
// are still in it (bot.holdStrangers, shut32): "one|other", %d the count.
var strangersTexts = map[string]string{
	"de": "⚠️ Der Raum ist wieder geschlossen, aber %d Person ohne Rolle ist noch drin, die beigetreten ist, während er offen war. " +
		"Entferne sie (oder gib ihr die Rolle), dann schicke ich, was gewartet hat." +
		"|⚠️ Der Raum ist wieder geschlossen, aber %d Personen ohne Rolle sind noch drin, die beigetreten sind, während er offen war. " +
		"Entferne sie (oder gib ihnen die Rolle), dann schicke ich, was gewartet hat.",
	"en": "⚠️ The room is closed again, but %d person without a role who joined while it was open is still in it. " +
		"Remove them (or give them the role), then I'll post what waited." +
		"|⚠️ The room is closed again, but %d people without a role who joined while it was open are still in it. " +
		"Remove them (or give them the role), then I'll post what waited.",
}

// RoomStrangersNotice is the Markdown notice of lang for a team or
// approvals room closed again with n people without a role still in it
// who joined while it was open.
func RoomStrangersNotice(lang string, n int) string {
	tx, ok := strangersTexts[lang]
	if !ok {
		tx = strangersTexts["de"]
	}
	return Format(Plural(tx, n), n)
}
