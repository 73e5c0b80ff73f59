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

// commonListEnglish are the English counterparts of commonList (fifth
// quality pass): members write about one message in ten in English, and
// their narrative words ("my video keeps freezing", "other people see …",
// "during summer break") matched no guide and counted as an unanswered
// topic. Written as the English glosses of commonList's groups (general
// usage, as a bilingual dictionary gives them: narrative verbs with their
// inflected forms, time words, people, places, quantities, evaluations),
// not from any question set; like commonList, no vocabulary of the digital
// services (no "call", "meeting", "share", "screen", "group", "room",
// and not "talk": Nextcloud Talk is a product).
// Words that are German words too are left out ("bald", "man", "hat",
// "war", "will", "kind", "fast", "also", "die", "rat"), and so are the
// stop words, which a query word is checked against first ("may", "lets",
// "both", "actually": stopParadigms).
const commonListEnglish = `
say says said saying mean means meant think thinks thought believe find finds found see sees saw seen seeing look looks looked looking watch
come comes came coming go goes went gone going stand stands stood sit sits sat lie lies lay let letting take takes took taken taking
give gives gave given giving keep keeps kept keeping stay stays stayed know knows knew known ask asks asked asking answer answers answered
try tries tried trying manage managed help helps helped helping work works worked wait waits waited waiting live lives lived
play plays played search searched show shows showed shown showing tell tells told happen happens happened seem seems seemed
day days week weeks weekend month months year years hour hours minute minutes morning evening night noon
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december
today yesterday tomorrow tonight earlier later recently since ago soon first finally suddenly lately meanwhile
people person persons guy guys woman women kid kids child children family mother father mum mom dad grandma grandpa friend friends colleague colleagues neighbour neighbor
train bus car bike house home flat apartment job office holiday holidays vacation school city town street summer winter spring autumn break
problem problems issue issues thing things stuff way ways case example reason idea part end start beginning time times
one two three four five six seven eight nine ten hundred thousand couple many lots lot several second third
big large small little long short quick quickly slow slowly hard easy bad worse worst great nice good better awesome stupid whole complete completely
important urgent clear unclear immediately exactly really basically
`

// commonWords is the set of the common words listed above.
var commonWords = func() map[string]struct{} {
	m := make(map[string]struct{}, 512)
	for _, w := range strings.Fields(commonList + commonListEnglish) {
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
