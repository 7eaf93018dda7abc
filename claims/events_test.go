package claims

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// sentenceDoc makes a one-paragraph document of text.
func sentenceDoc(lang, text string, pub sources.Date) Doc {
	return Doc{Text: text, Lang: lang, Published: pub, Body: sources.Span{Start: 0, End: len(text)}}
}

// factKey summarises a fact for table tests: "attribute event value",
// plus the identity parts a case asks for.
func factKey(f Fact) string { return f.Attribute + " " + f.Event + " " + f.Value }

func TestExtractFactsSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		pub              sources.Date
		want             []string          // factKey of facts that must be there
		not              []string          // factKey prefixes that must not be there
		check            func(Fact) string // extra check on the first wanted fact, "" when fine
	}{
		{"casualties and a Texas church", "en",
			"A gunman opened fire on a church in the tiny town of Sutherland, Texas, and at least 27 people are dead.",
			day(2017, 11, 5), []string{"deaths attack >=27"}, nil,
			func(f Fact) string { return want(f.Place, "Texas") }},
		{"magnitude", "en",
			"An earthquake measuring 6.5 on the Richter scale caused widespread damage in northern New Zealand.",
			day(1987, 3, 2), []string{"magnitude earthquake 6.5"}, nil,
			func(f Fact) string { return want(f.Place, "New Zealand") }},
		{"killed and injured in one clause", "en",
			"A very strong earthquake which struck southwest Japan killed one person and injured at least three.",
			day(1987, 3, 18), []string{"deaths earthquake 1", "injuries earthquake >=3"}, nil, nil},
		{"dead and wounded", "en",
			"Fifty people are dead and over 400 are wounded after a gunman used a machine gun.",
			day(2017, 10, 2), []string{"deaths attack 50", "injuries attack >400"}, []string{"deaths attack >400"}, nil},
		{"toll rose to", "en",
			"The toll in Teri Mangal in Kurram Agency rose to 81, about 45 people were killed in Lwarai Mandi and 23 died in Angur Adar.",
			day(1987, 3, 25), []string{"deaths  81", "deaths  ~45", "deaths  23"}, nil, nil},
		{"arrests", "en",
			"Police arrested 12 people after the protest turned violent.",
			day(2017, 8, 13), []string{"arrests protest 12"}, nil, nil},
		{"rounds of talks in a season", "en",
			"There were two rounds of talks in the spring, the minister also said.",
			day(2025, 11, 9), []string{"count talks 2", "date talks 2025-03-01/2025-05-31"}, nil, nil},
		{"a third round this fall", "en",
			"We have already had two rounds, and Marco Rubio and I agreed to hold a third this fall.",
			day(2025, 9, 28), []string{"count talks 2", "date talks 2025-09-01/2025-11-30", "count talks >=2"}, nil, nil},
		{"weekday resolved against the publication", "en",
			"Top Russian and US diplomats met in Saudi Arabia on Tuesday.",
			day(2025, 2, 19), []string{"date talks 2025-02-18", "place talks Saudi Arabia"}, nil,
			func(f Fact) string { return want(strings.Join(f.Participants, "+"), "Russia+United States") }},
		{"future weekday", "en",
			"The high-level meeting will be held in Istanbul on Thursday, according to the foreign minister.",
			day(2025, 2, 26), []string{"date talks 2025-02-27", "place talks Istanbul"}, nil,
			func(f Fact) string { return want(f.Tense, "future") }},
		{"nb dated consultations", "nb",
			"Konsultasjoner som tar sikte på å normalisere driften av russiske og amerikanske ambassader, fant sted i Istanbul 27. februar og 10. april.",
			month(2025, 6), []string{"date talks 2025-02-27", "date talks 2025-04-10", "place talks Istanbul", "count talks >=2"}, nil, nil},
		{"nb next round in the very near future", "nb",
			"Etter den andre runden utvekslet begge sider notater. «Jeg kan bekrefte at neste forhandlingsrunde mellom delegasjonene vil finne sted i svært nær fremtid i Moskva.»",
			month(2025, 6), []string{"date talks 2025-06-01/2025-07-01", "place talks Moscow", "count talks >=2"}, nil,
			func(f Fact) string { return want(fmt.Sprint(f.Ordinal, f.Vague), "3 true") }},
		{"negated", "en",
			"No talks were held in Geneva on Tuesday.",
			day(2025, 2, 19), []string{"date talks 2025-02-18"}, nil,
			func(f Fact) string { return want(fmt.Sprint(f.Negated), "true") }},
		{"denial", "en",
			"The ministry denied that a third round of talks took place in Moscow on Monday.",
			day(2025, 2, 19), []string{"date talks 2025-02-17"}, nil,
			func(f Fact) string { return want(fmt.Sprint(f.Negated), "true") }},
		{"no deaths", "en",
			"No deaths were reported but one man was admitted to hospital after the earthquake.",
			day(1987, 3, 2), []string{"deaths earthquake 0"}, nil, nil},
		{"a later date for an earlier quake", "en",
			"On March 18, a quake also registering 6.9 on the Richter scale hit south-west Japan, killing two people.",
			day(1987, 4, 7), []string{"magnitude earthquake 6.9", "deaths earthquake 2"}, nil,
			func(f Fact) string { return want(f.When, "1987-03-18") }},
		// Fixed bugs
		{"a verb with its own figure does not count the one before it", "en",
			"The mine fire trapped 44 miners and killed at least one.",
			day(1987, 4, 2), []string{"deaths fire >=1"}, []string{"deaths fire 44"}, nil},
		{"a wire dateline's province abbreviation places the event", "en",
			"MURDOCHVILLE, Que., April 2 - One miner has died in a fire at a copper mine.",
			day(1987, 4, 2), []string{"deaths fire 1"}, nil,
			func(f Fact) string { return want(f.Country, "Canada") }},
		{"a dateline with its dash glued to the date dates no event", "en",
			"MURDOCHVILLE, Que., April 2- One miner has died in a fire at a copper mine.",
			day(1987, 4, 3), []string{"deaths fire 1"}, []string{"date fire 1987-04-02"},
			func(f Fact) string { return want(fmt.Sprint(f.WhenImplied), "true") }},
		{"a country adjective before the counted noun is no distance", "en",
			"Thirty South African coal miners have been killed in an underground explosion at a colliery.",
			day(1987, 4, 9), []string{"deaths explosion 30"}, nil,
			func(f Fact) string { return want(f.Unit, "miners") }},
		{"a Norwegian counted group has its English name", "nb",
			"30 gruvearbeidere ble drept i en eksplosjon i Sør-Afrika.",
			day(1987, 4, 9), []string{"deaths explosion 30"}, nil,
			func(f Fact) string { return want(f.Unit, "miners") }},
		{"a date before the event noun dates the event, not the speech", "en",
			"Sessions said the Nov. 5 shooting in Sutherland Springs, Texas, showed the gaps.",
			day(2017, 11, 23), []string{"date attack 2017-11-05"}, nil, nil},
		{"a figure takes the day the next sentence gives its event", "en",
			"A man who killed 26 people in a Texas church was left off the system. Sessions said the Nov. 5 shooting in Sutherland Springs, Texas, showed the gaps.",
			day(2017, 11, 23), []string{"deaths attack 26"}, nil,
			func(f Fact) string { return want(f.When, "2017-11-05") }},
		{"a figure of a whole country takes no day from the next sentence", "en",
			"Gunmen killed 26 people in the United States last year. Police said the Nov. 5 shooting in Sutherland Springs, Texas, showed the gaps.",
			day(2017, 11, 23), []string{"deaths attack 26"}, nil,
			func(f Fact) string { return want(fmt.Sprint(f.When != "2017-11-05"), "true") }},
		{"a figure belongs to the event word, not to who acted", "en",
			"They spoke of the recent Texas massacre in which a gunman shot 26 people dead as they sat in church.",
			day(2017, 11, 17), []string{"deaths attack 26"}, nil,
			func(f Fact) string { return want(fmt.Sprint(f.WhenLoose), "true") }},
		{"a compound of one concept is one event, dated as a whole", "en",
			"Afghan warplanes killed almost 150 people in bombing raids into Pakistani territory last Monday.",
			day(1987, 3, 25), []string{"deaths attack ~150"}, nil,
			func(f Fact) string { return want(f.When, "1987-03-23") }},
		{"people trapped", "en",
			"One miner has died and 44 miners remain trapped underground in a fire at a copper mine.",
			day(1987, 4, 2), []string{"deaths fire 1", "trapped fire 44"}, nil, nil},
		{"lost their lives", "en",
			"Seven people lost their lives in the attack on London Bridge.",
			day(2017, 6, 4), []string{"deaths attack 7"}, nil, nil},
		{"nb mistet livet and skadet", "nb",
			"Sju mennesker mistet livet og 48 ble skadet i angrepet i London.",
			day(2017, 6, 4), []string{"deaths attack 7", "injuries attack 48"}, nil, nil},
		{"nb a toll of victims far before its figure", "nb",
			"Det samlede tallet på dødsofre etter orkanen har kommet opp i over 500.",
			day(2008, 9, 8), []string{"deaths storm >500"}, nil, nil},
		{"nb a length of time is no toll", "nb",
			"Den andre hadde spilt død i to døgn for å redde livet. Faren døde for to og et halvt år siden.",
			day(2012, 11, 11), nil, []string{"deaths"}, nil},
		{"two and a half years is no toll", "en",
			"Her father died two and a half years ago.",
			day(2012, 11, 11), nil, []string{"deaths"}, nil},
		{"a year before the event word dates the event", "en",
			"Faulty repairs caused the 1985 crash of a Japan Airlines Boeing 747 which killed 520 people.",
			day(1987, 6, 19), []string{"deaths crash 520", "date crash 1985"}, nil,
			func(f Fact) string { return want(f.When, "1985") }},
		{"a known event takes the year a later sentence gives it", "en",
			"Boeing has not seen the report on the crash of a Boeing 747 in Japan in which 520 died. It agreed with a draft. The report said faulty repairs caused the 1985 crash in Japan.",
			day(1987, 6, 19), []string{"deaths crash 520"}, nil,
			func(f Fact) string { return want(f.When, "1985") }},
		{"a year two words before the event word dates it", "en",
			"Jones prosecuted the Klan members convicted of a 1963 church bombing in Birmingham that killed four young girls.",
			day(2017, 12, 6), []string{"deaths attack 4"}, nil,
			func(f Fact) string { return want(f.When, "1963") }},
		{"a year before a count is no date", "en",
			"The 1963 people killed in the attacks were mourned.",
			day(2017, 12, 6), nil, []string{"date attack 1963"}, nil},
		{"airstrikes", "en",
			"Airstrikes killed 12 civilians in Syria on Monday.",
			day(2017, 10, 3), []string{"deaths attack 12"}, nil, nil},
		{"nb uværet", "nb",
			"Minst 20 mennesker omkom i uværet i Haiti.",
			day(2008, 9, 8), []string{"deaths storm >=20"}, nil, nil},
		{"nb flystyrten", "nb",
			"Rundt 150 omkom i flystyrten i Moskva.",
			day(2008, 9, 8), []string{"deaths crash ~150"}, nil, nil},
		{"nb a third meeting still to be held says two were held", "nb",
			"Det tredje møtet mellom Russland og USA blir holdt i Riyadh neste uke.",
			day(2025, 4, 11), []string{"count talks >=2"}, []string{"count talks >=3"}, nil},
		{"an earlier figure after 'rose from' is not the toll", "en",
			"The death toll rose from a previously reported 85 as news emerged that a third village had been hit.",
			day(1987, 3, 25), nil, []string{"deaths  85", "deaths attack 85"}, nil},
		{"fled for their lives is no death toll", "en",
			"Some 22,000 concertgoers fled for their lives when the gunman opened fire.",
			day(2017, 10, 2), nil, []string{"deaths"}, nil},
		{"an ordinal with a noun of its own is no round", "en",
			"Lavrov announced the talks after attending the 80th UN General Assembly high-level week.",
			day(2025, 9, 28), nil, []string{"count talks >=79"}, nil},
		{"a dateline dates the report, not the quake", "en",
			"TOKYO, May 18 - A very strong earthquake which struck southwest Japan killed one person.",
			day(1987, 3, 18), []string{"deaths earthquake 1"}, []string{"date earthquake 1987-05-18"},
			func(f Fact) string { return want(f.When, "1987-03-17/1987-03-18") }},
		{"plural events are a group", "en",
			"Earthquakes of force six on the Richter scale are capable of causing widespread damage.",
			day(1987, 4, 7), []string{"magnitude earthquake 6"}, nil,
			func(f Fact) string { return want(fmt.Sprint(f.Group), "true") }},
		{"one of the four who were killed counts four", "en",
			"Trump called the widow of one of the four American soldiers who were killed in an ambush in Niger.",
			day(2017, 10, 18), []string{"deaths attack 4"}, []string{"deaths attack 1"}, nil},
		{"32 of the 543 counts 32", "en",
			"Thas said 32 of the 543 passengers and crew were confirmed dead after the disaster.",
			day(1987, 3, 7), []string{"deaths disaster 32"}, []string{"deaths disaster 543"}, nil},
		{"since a date is a bound", "en",
			"It was the deadliest assault on New York City since Sept. 11, 2001.",
			day(2017, 11, 2), []string{"date  2001-09-11"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := sentenceDoc(tt.lang, tt.text, tt.pub)
			facts := ExtractFacts(doc, nil)
			var keys []string
			for _, f := range facts {
				keys = append(keys, factKey(f))
				if tt.text[f.Start:f.End] != f.Text || f.Statement != -1 {
					t.Errorf("fact %q: span %d:%d or statement %d wrong", f.Text, f.Start, f.End, f.Statement)
				}
			}
			for i, w := range tt.want {
				found := false
				for _, f := range facts {
					if factKey(f) == w {
						found = true
						if i == 0 && tt.check != nil {
							if msg := tt.check(f); msg != "" {
								t.Errorf("%s: %s", w, msg)
							}
						}
						break
					}
				}
				if !found {
					t.Errorf("missing %q; have %q", w, keys)
				}
			}
			for _, n := range tt.not {
				for _, k := range keys {
					if strings.HasPrefix(k, n) {
						t.Errorf("unexpected %q (rule %q)", k, n)
					}
				}
			}
		})
	}
}

func want(got, w string) string {
	if got != w {
		return fmt.Sprintf("got %q, want %q", got, w)
	}
	return ""
}

func TestExtractFactsNoData(t *testing.T) {
	doc := sentenceDoc("xx", "Zwei Runden fanden im Frühjahr statt.", day(2025, 1, 1))
	if fs := ExtractFacts(doc, nil); len(fs) != 0 {
		t.Errorf("a language without facts data gave %d facts", len(fs))
	}
	if fs := ExtractFacts(Doc{Lang: "en"}, nil); len(fs) != 0 {
		t.Errorf("empty text gave facts")
	}
}

func TestFactStatements(t *testing.T) {
	text := "Lavrov said there were two rounds of talks in the spring."
	doc := sentenceDoc("en", text, day(2025, 11, 9))
	st := Statement{Kind: Indirect, Start: strings.Index(text, "there"), End: len(text) - 1}
	st.Text = text[st.Start:st.End]
	for _, f := range ExtractFacts(doc, []Statement{{Kind: Assertion, Start: 0, End: 5}, st}) {
		if f.Statement != 1 {
			t.Errorf("fact %q in statement %d, want 1", f.Text, f.Statement)
		}
	}
}
