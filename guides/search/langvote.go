package search

import (
	"strings"
	"unicode/utf8"
)

// The language of a message, voted by its function words. A word form
// can belong to either language ("Logs" is a German plural and an English
// third person), and only the message around it tells which reading is
// meant. Function words decide it: they are the most frequent words of
// every text and nearly disjoint between German and English. The lists
// are the most frequent entries of the Snowball stop lists
// (snowballstem.org/algorithms/german/stop.txt, …/english/stop.txt) that
// are no word of the other language: not "in", "an", "am", "so", "was",
// "will", "man", "also", "hat", "is", "bin" ("die" is German here: the
// English verb is rare in a help chat), and not the phrasal
// particles (they are the words being read).

// functionWordsEnglish and functionWordsGerman are the voting words.
var functionWordsEnglish = wordSet(`the a and i you he she it we they me my your our their this that these those
are be been do does did have has had not can could would should what how why where when which who with of to for from but or
if there here just please`)

var functionWordsGerman = wordSet(`der die das den dem des und ich du er sie es wir ihr mir mich dir dich ein eine einen einem einer
mein meine meinen meinem dein deine ist sind nicht wie wo wer warum wann kann können mit auf für fuer von bei zu zum zur im
oder aber auch noch wenn dass habe hab hast geht bitte`)

// maxVoteBytes bounds the text LanguageVote reads.
const maxVoteBytes = 4096

// wordSet returns the set of the whitespace-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// englishContext reports whether the tokens read as English: more of
// them are English function words than German ones (a tie, also none of
// either, is not English).
func englishContext(toks []rawToken) bool {
	en, de := 0, 0
	for _, t := range toks {
		switch {
		case functionWordsEnglish[t.word]:
			en++
		case functionWordsGerman[t.word]:
			de++
		}
	}
	return en > de
}

// LanguageVote counts the English and the German function words of text
// (the vote of englishContext, on the first words the search reads of a
// query, within the first maxVoteBytes of text): the reply's frame
// follows the language a member writes in (commands/answer.MessageLang).
// It changes nothing the search ranks or decides.
func LanguageVote(text string) (english, german int) {
	if len(text) > maxVoteBytes {
		// A message whose first 4 KB hold no language says none; the
		// cut keeps a 60 KB message of emoji or of one long word cheap.
		n := maxVoteBytes
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		text = text[:n]
	}
	var buf [maxQueryTokens]rawToken
	for _, t := range tokenizeMax(text, buf[:0], maxQueryTokens) {
		switch {
		case functionWordsEnglish[t.word]:
			english++
		case functionWordsGerman[t.word]:
			german++
		}
	}
	return english, german
}
