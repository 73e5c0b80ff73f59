package answer

import (
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
)

// AsksQuestion reports whether message asks a question of its own after
// an answer to Lotse's yes/no question ("nein, wie ändere ich mein
// Passwort?", "no, how do I share my screen"): after the answer
// particles and conjunctions at its start (askLead: "nein", "danke",
// "aber"), a question word (questionWords) opens it, or it has a question
// mark. "nein, ist schon gut", "nein danke, ich komme klar" ask nothing.
// The support flow reads it while a case offer is pending: such a "nein"
// declines the offer and the question is answered (review rv8, finding
// 13).
func AsksQuestion(message string) bool {
	text := clean(message)
	if strings.Contains(text, "?") {
		return true
	}
	for _, w := range foldWords(tokens(text)) {
		if !askLead[w] {
			return questionWords[w] && w != "ob" && w != "if" && w != "whether"
		}
	}
	return false
}

// askLead may stand before the question in AsksQuestion's reading: the
// answer particles (chat.NoParticles, chat.YesParticles; "noep" is "nöp"
// folded), "ok", thanks and the conjunctions that turn to something else.
var askLead = union(chat.NoParticles, chat.YesParticles, set("noep", "ok", "okay", "danke", "thanks", "thank",
	"aber", "but", "und", "and", "sondern", "lieber", "dann", "then", "so"))
