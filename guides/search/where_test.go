package search

import "testing"

func TestSearchWhereLeavesOthersOut(t *testing.T) {
	docs := []Doc{
		{ID: "team/faelle.md", Title: "Supportfälle übernehmen", Tags: []string{"supportfall", "team"}, Summary: "Für das Team."},
		{ID: "lotse/hilfe.md", Title: "Lotse um Hilfe bitten", Tags: []string{"hilfe", "lotse"}, Summary: "Fragen stellen."},
	}
	ix := Build(docs, Options{})
	all := ix.Search("supportfälle übernehmen", 3)
	if len(all.Hits) == 0 || all.Hits[0].ID != "team/faelle.md" {
		t.Fatalf("unfiltered search = %+v", all.Hits)
	}
	members := ix.SearchWhere("supportfälle übernehmen", 3, func(id string) bool { return id != "team/faelle.md" })
	for _, h := range members.Hits {
		if h.ID == "team/faelle.md" {
			t.Fatalf("filtered search returned the excluded guide: %+v", members.Hits)
		}
	}
	if members.Confident {
		t.Fatalf("the excluded guide still made the search confident: %+v", members)
	}
}
