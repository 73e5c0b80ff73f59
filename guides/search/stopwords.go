package search

import "strings"

// stopList holds German and English function words plus the colloquial filler
// members put around chat questions ("hallo", "bitte", "eigentlich", "hab",
// "krieg" …). They are dropped from queries and documents alike. Generic
// verbs of wanting and getting are included because questions phrase the
// same need with any of them ("wie krieg ich", "wo bekomme ich").
//
// Hand-written: the usual Snowball stop lists lack the chat register
// ("nich", "gibts", "ne", "hab") that dominates real questions. Negations
// ("nicht", "kein", "ohne") are included: nearly every troubleshooting
// guide says them, so they do not tell guides apart.
const stopList = `
a ab aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus bei beim bin bis bist bitte bloss
da dabei dadurch dafuer dafür dagegen daher damit dann dar daran darauf daraus darf darfst darin darum darueber darüber das dass davon dazu dein deine deinem deinen deiner deines dem den denn der deren des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch
ein eine einem einen einer eines einfach einmal eigentlich er es etwa etwas euch euer eure
fuer für gar gegen gern gerne gewesen gibt gibts gib habe haben hab hast hat hatte hatten hätte haette hier hin hinter ich ihm ihn ihr ihre ihrem ihren ihrer im in ins ist ja je jede jedem jeden jeder jedes jemand jemandem jemanden jetzt
kann kannst koennen können koennte könnte kein keine keinem keinen keiner
man manche manchmal mehr mein meine meinem meinen meiner meines mich mir mit moechte möchte moechten möchten muss musst muessen müssen nach nachdem nein nicht nich nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seit sich sie sind so solche soll sollen sollte sollst sondern sonst über ueber um und uns unser unsere unserem unseren unserer unter
viel viele vom von vor wann war waren warum was weil welche welchem welchen welcher welches wem wen wenn wer werde werden wie wieso wieder will wir wird wirst wo woher wohin wollen wollte womit worden wurde wurden zu zum zur zwar
hallo hi hey moin servus guten tag abend morgen danke vielen dank lg gruss gruesse grüße liebe lieben
mal halt ne nen nem is isses ok okay eben echt irgendwie irgendein irgendeine irgendwas irgendwo schon grad gerade ganz genau bzw usw eigentlich ehrlich gesagt
ganze ganzen ganzer ganzes irgendeinen irgendeinem irgendeiner irgendeines richtiger richtiges möglichen mögliche moeglichen moegliche
wozu weshalb wieso woran worauf wofuer wofür wobei worin trotzdem obwohl angeblich leider bereits immer ständig staendig oft nie niemals gestern heute morgen übermorgen uebermorgen letzte letzten letztes nächste nächsten nächster nächstes naechste naechsten woche wochen kurz bald sofort dauernd zurzeit momentan aktuell dies jeweils sowas sowie sogar ziemlich total bestimmt vielleicht wahrscheinlich natürlich natuerlich trotz falls sobald solange
best beste besten bester bestes gut gute guten guter gutes richtig richtige richtigen möglich moeglich bisschen wirklich lautet heisst sache ding
mach mache machen macht krieg krieg kriege kriegen kriegt bekomm bekomme bekommen bekommt brauch brauche brauchen braucht tun tue muesste müsste geht gehen klappt klappen funktioniert funktionieren frage fragen weiss weiß wisst
the a an and or of to in on at for from with by is are was were be been am do does did doesnt dont can could should would will i me my mine you your we our us it its this that these those there what how why where when who which whom please hi hello thanks thank any some not no get got
`

// stopParadigms completes stopList by grammar rather than by question
// (fourth quality pass): a word form in stopList means its whole paradigm
// is a function word, and members write every form of it.
//
//   - the Snowball stop lists for German and English
//     (snowballstem.org/algorithms/german/stop.txt, …/english/stop.txt),
//     the entries stopList lacked, without those German entries that are
//     separable particles with content in an IT help ("weg", "weiter");
//   - the conjugation of the auxiliaries and modal verbs (Duden, Die
//     Grammatik: sein, haben, werden, können, müssen, sollen, wollen,
//     dürfen, wissen) and of the generic verbs of stopList (machen, tun,
//     kriegen, bekommen, brauchen, gehen, klappen, funktionieren),
//     including Konjunktiv II and participles;
//   - the colloquial pronominal adverbs (Duden: umgangssprachlich "drauf",
//     "dran", "drin", "drüber" … for "darauf", "daran" …), "nix" for
//     "nichts", and the modal particles (Abtönungspartikeln) stopList
//     lacked ("wohl", "eh", "überhaupt");
//   - the parts English contractions leave when the tokenizer splits them
//     at the apostrophe ("don't" → "don", "we'll" → "ll") or when they are
//     typed without one ("dont", "theyre"), but not those that are also
//     words ("ill", "shell", "hell", "id");
//   - the English counterparts of stopList's German function words and
//     chat filler (fifth quality pass), as a bilingual dictionary glosses
//     them: the remaining modal verbs and their forms (may, might, must,
//     shall; "able" of "be able to"), the generic verbs of wanting, getting
//     and making (möchte/wollen → want, wanna; brauchen → need; machen →
//     make; kriegen/bekommen → get, receive), the adverbs and particles
//     (einfach → just, simply; eigentlich → actually; vielleicht → maybe;
//     leider → unfortunately; schon/bereits → already; noch → still, yet;
//     immer/oft/nie → always, often, never; möglich → possible; sowas,
//     irgendwas, jemand, nichts → something, anything, someone, nothing)
//     and the chat greetings and thanks (dear, regards, cheers, thx, pls);
//     the prepositions, conjunctions and adverbs whose German counterparts
//     stopList holds and the Snowball English list lacks (ohne → without,
//     hinter → behind, ob → whether, obwohl → although, trotzdem → anyway,
//     sonst → otherwise, irgendwo → somewhere, ständig → constantly,
//     angeblich → apparently, sogar → even, ziemlich → quite, nächste,
//     letzte → next, last …); but not "inside", "outside" ("extern");
//     and the rest of the Snowball English list's contractions split at
//     the apostrophe ("won't" → "won", "shan't", "needn't", "mightn't",
//     "ain't").
//
// Not here: the contractions of preposition and article ("aufs", "fürs",
// "übers"): measured, they turned a choice into a wrong answer where a
// guide title happens to say "aufs Handy" (docs/performance.md).
const stopParadigms = `
ander anderem anderm andern anders dich dir derer derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe euren eurer eures eurem
einig einige einigem einigen einiger einiges indem ihnen ihres jene jenem jenen jener jenes keines manchem mancher manches musste seines selbst solchem solcher unseres während waehrend zwischen
sei seist seid wäre wären wärst wärest waere waeren waerst warst wart habt hattest hattet hätten hättest haetten haettest gehabt
wurdest würde würden würdest würdet würd wuerde wuerden wuerdest wuerd geworden
könnt konnte konnten konntest könnten könntest koennt koennten koenntest müsst muesst mussten müssten muessten gemusst
sollt solltest sollten willst wollt wolltest wollten dürfen duerfen dürft durfte dürfte duerfte dürften
weisst weißt wusste wussten wusstest gewusst wissen
machst machte gemacht tust tut tat getan kriegst gekriegt bekommst bekam brauchst brauchte gebraucht gehst ging gegangen klappte geklappt funktionierte
dran drauf draus drin drinnen drüber drueber drum drunter darunter davor danach daneben dahinter nix wohl eh überhaupt ueberhaupt
myself ours ourselves yours yourself yourselves he him his himself she her hers herself itself they them their theirs themselves being have has had having doing ought
youre hes shes theyre ive youve weve theyve youd theyd youll theyll don doesn didn isn aren wasn weren hasn haven hadn wouldn shouldn couldn mustn ll ve re
isnt arent wasnt werent hasnt havent hadnt didnt wont wouldnt shant shouldnt cant cannot couldnt mustnt lets thats whos whats heres theres whens wheres whys hows
but if because as until while about against between into through during before after above below up down out off over under again further then once here
all both each few more most other such nor only own same than too very
may might must shall able want wants wanted wanting wanna gonna gotta need needs needed needing make makes made making gets gotten receive received
just simply actually maybe perhaps probably unfortunately already still yet always often never sometimes possible impossible somehow
something anything everything nothing someone somebody anyone anybody everyone everybody nobody
dear regards cheers thx pls plz
won shan needn mightn daren oughtn ain aint
next last along around behind beside besides beyond despite toward towards upon via within without across among onto throughout whether unless either neither however although though anyway anyhow otherwise else
somewhere anywhere everywhere constantly continually etc honestly apparently supposedly even quite rather totally certainly surely naturally therefore thus approximately
`

// Interjections of chat (thirteenth quality pass): a word class of its
// own that names no thing and no action, only the writer's feeling (Duden,
// Die Grammatik: Interjektionen — „ach“, „oje“, „puh“, „hoppla“; their
// English counterparts, Merriam-Webster "interjection": "oops", "ugh",
// "wow"), and the expletives used as interjections (Duden: „Mist!“,
// „verdammt!“, „Scheiße!“ (derb); "damn", "shit"). A member in trouble
// writes them first: „mist, ich komm nicht in die cloud“. As words no
// guide uses, they counted as the message's unknown subject and turned
// such a message into "no guide fits", where the same message without
// them gets its choice. Both lists are the closed class, not words from a
// question set; none of the words occurs in either library.
const (
	// feelingInterjections express a feeling and nothing else; small talk
	// reads past them too („wow, danke“; IsInterjection).
	feelingInterjections = `
ach och ah aha ahh aua autsch boah huch hui hm hmm hmmm hä hae igitt juhu hurra na nanu oh oho oje ojemine weia pfui puh uff uh ups upps hoppla tja menno mannomann herrje herrjemine jesses
grr argh seufz oops whoops ouch ugh gosh geez jeez wow yay hooray meh phew umm erm huh alas eek yikes duh
`
	// expletives are interjections of annoyance that the answer layer
	// reads as a complaint or as criticism on their own („Mist!“,
	// commands/answer/talk.go): the search drops them, small talk does
	// not read past them.
	expletives = `
mist verdammt verdammte verflixt verflucht scheiße scheisse scheiß scheiss damn dammit darn shit crap
`
)

// feelingWords is the set of feelingInterjections.
var feelingWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(feelingInterjections) {
		m[w] = true
	}
	return m
}()

// IsInterjection reports whether the folded word w is an interjection
// that expresses a feeling and nothing else (feelingInterjections): it
// names no subject of a question and may stand before small talk.
func IsInterjection(w string) bool { return feelingWords[w] }

// IsStop reports whether the lower-cased word w is a stop word of the
// search (a function word or chat filler): it names no subject.
func IsStop(w string) bool { return isStop(w) }

// stopWords is the set of the stop words listed above.
var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{}, 1024)
	for _, w := range strings.Fields(stopList + stopParadigms + feelingInterjections + expletives) {
		m[w] = struct{}{}
		m[umlautFold(w)] = struct{}{}
	}
	return m
}()

// isStop reports whether w is one of stopWords.
func isStop(w string) bool {
	_, ok := stopWords[w]
	return ok
}
