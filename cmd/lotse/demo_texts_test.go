package main

import (
	"reflect"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestDemoTexts: the demo's terminal texts follow --lang: both catalogues
// complete and in the house style, and the English one without German
// (`lotse demo --lang en` printed its instructions in German, lang26).
func TestDemoTexts(t *testing.T) {
	chattest.CheckTexts(t, &demoGerman, &demoEnglish)
	chattest.CheckStyle(t, &demoGerman, &demoEnglish)
	if demoTextsFor("en") != &demoEnglish || demoTextsFor("de") != &demoGerman || demoTextsFor("") != &demoGerman {
		t.Fatal("demoTextsFor picks the wrong catalogue")
	}
	check := chattest.NewEnglish(nil, nil, map[string]string{"hilfe": "help", "übernehmen": "claim", "antwort": "reply",
		"erledigt": "resolve", "zugang": "access", "genehmigen": "approve"})
	v := reflect.ValueOf(demoEnglish)
	for i := range v.NumField() {
		for _, p := range check.Problems(v.Field(i).String()) {
			t.Errorf("English demo text %s: %s", v.Type().Field(i).Name, p)
		}
	}
}
