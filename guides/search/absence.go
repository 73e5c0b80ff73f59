package search

// absenceWords are the prepositions of absence: „ohne“ (Duden, „ohne“:
// drückt aus, dass jemand, etwas nicht beteiligt, nicht vorhanden ist) and
// English "without" (Cambridge Dictionary: "not having or doing
// something"). Stop words to the search, as every negation is.
//
// A guide's title that says what is absent does not name it as the
// guide's subject (thirty-second pass, eng32a): „Ohne Computer dabei
// sein: Telefoneinwahl in BigBlueButton“ is about dialling in, not about
// the computer, and „Öffentlichen Link zu einer Datei erstellen (auch für
// Leute ohne Konto)“ is not about the account. The index leaves the
// absence word's phrase — its words up to the end of the clause (a
// colon, a comma, a bracket, the title's end: rawToken.end) — out of the
// title field (BuildSeq: tokSubject), so the strong-field match
// (Hit.Strong), the topic terms and the off-topic strong share do not
// count it; the other fields (tags, aliases, the body) keep what they say
// about it, so a message about being without the thing still finds the
// guide there. Only „ohne“/"without": the negations of the noun („kein
// Ton“, "no sound") name a symptom, which is a troubleshooting guide's
// subject, and are left as they are.
var absenceWords = map[string]bool{"ohne": true, "without": true}

// AbsenceWords returns the prepositions of absence (absenceWords), for
// readers outside the search that read them beside the negations
// (commands/answer: askNegs).
func AbsenceWords() []string { return []string{"ohne", "without"} }
