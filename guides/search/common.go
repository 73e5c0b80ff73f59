package search

import "strings"

// commonList holds everyday German words that are frequent in any chat
// question but say little about its topic: narrative verbs, time and place
// words, people, quantities, evaluations. They stay in the query (a guide
// may still use them) but weigh CommonWeight of a normal word, so that an
// unmatched "Wochenende" or "Bahn" in a long story does not look like an
// unanswered topic, while an unmatched "Mitgliedsbeitrag" still does.
//
// Hand-written from general German usage (no frequency list ships with the
// Go toolchain or the module proxy's usual packages); it contains no
// vocabulary of the digital services the guides are about.
const commonList = `
sagen sagt gesagt sage meinen meint gemeint denken denke glauben glaube finden finde fand gefunden sehen sieht sah gesehen schauen schaue gucken
kommen komme kommt kam gekommen komm gehen gehe ging gegangen stehen steht stand sitzen sitzt liegen liegt lag gelegen lassen lasse lässt gelassen
nehmen nimmt genommen geben gegeben halten hält bleiben bleibt blieb wissen weiss wusste kennen kenne kennt fragen fragt gefragt antworten
versuchen versuche versucht probieren probiert schaffen schaffe geschafft helfen hilft geholfen arbeiten arbeite arbeitet warten warte wartet
leben wohnen wohne reden rede spielen suchen suche sucht zeigen zeigt
tag tage tagen woche wochen wochenende monat monate jahr jahre jahren uhr stunde stunden minute minuten abend abends morgens nacht mittag
montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember
heute gestern morgen vorhin neulich später früher damals seitdem bisher gleich danach vorher zuerst endlich plötzlich
leute mensch menschen frau mann kind kinder familie mutter vater oma opa freund freundin freunde kollege kollegin nachbar
bahn bus zug auto fahrrad haus wohnung zuhause hause arbeit urlaub schule stadt straße
problem probleme frage fragen sache sachen ding dinge art weise fall beispiel grund idee teil ende anfang mal
ein zwei drei vier fünf sechs sieben acht neun zehn hundert tausend paar viele wenige mehrere einige beide erste zweite dritte
groß große großen klein kleine kleinen lang lange kurz schnell langsam schwer leicht schlecht schlimm schön toll super blöd doof komplett
wichtig dringend klar unklar sofort eben genau
ok okay prima danke
`

// commonWords is the set of the common words listed above.
var commonWords = func() map[string]struct{} {
	m := make(map[string]struct{}, 512)
	for _, w := range strings.Fields(commonList) {
		m[w] = struct{}{}
		m[umlautFold(w)] = struct{}{}
	}
	return m
}()

// isCommon reports whether w is one of commonWords.
func isCommon(w string) bool {
	_, ok := commonWords[w]
	return ok
}
