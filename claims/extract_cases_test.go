package claims_test

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// want is one statement a case expects; empty fields are not checked,
// except Speaker when SpeakerSet is true.
type want struct {
	Kind       claims.Kind
	Text       string
	Speaker    string
	SpeakerSet bool // check Speaker even when it is ""
	Unnamed    bool // the speaker kind is unnamed
	Cue        string
	Via        string
	Partial    bool
}

// constructionCase is one construction of issue 4 on real text: a single
// sentence from the sample articles or the corpus (named in the case), or,
// where a construction needs context, a passage of a sample article.
type constructionCase struct {
	name string
	lang string
	text string
	// title, when set, is a first line that is the article's title.
	title string
	want  []want
	// none lists texts that must not be a direct or indirect statement.
	none []string
	// diag is true when a diagnostic is expected.
	diag bool
}

var constructionCases = []constructionCase{
	// Direct quotations, mark styles and attribution places.
	{name: "curly quotes, lead-in with told (seed 000)", lang: "en",
		text: "Lavrov told reporters, “Our dialogue on visas is ongoing.”",
		want: []want{{Kind: claims.Direct, Text: "Our dialogue on visas is ongoing.", Speaker: "Lavrov", Cue: "told", SpeakerSet: true}},
		none: []string{"reporters"}},
	{name: "straight quotes, trailing inverted cue (reuters-00000 style)", lang: "en",
		text: `"I'd put it off as long as they conceivably could," said Lawrence Cohn, analyst with Merrill Lynch, Pierce, Fenner and Smith.`,
		want: []want{{Kind: claims.Direct, Text: "I'd put it off as long as they conceivably could,", Speaker: "Lawrence Cohn", Cue: "said"}}},
	{name: "colon lead-in (bbc-politics-012)", lang: "en",
		text: `Mr Blair said: "I am very sorry that they were subject to such an ordeal and injustice."`,
		want: []want{{Kind: claims.Direct, Text: "I am very sorry that they were subject to such an ordeal and injustice.", Speaker: "Blair", Cue: "said"}}},
	{name: "split quotation (seed 003)", lang: "en",
		text: "“I believe the discussions were highly productive,” Lavrov said, adding, “Not only did we listen, but we genuinely heard each other.”",
		want: []want{
			{Kind: claims.Direct, Text: "I believe the discussions were highly productive,", Speaker: "Lavrov", Cue: "said"},
			{Kind: claims.Direct, Text: "Not only did we listen, but we genuinely heard each other.", Speaker: "Lavrov", Cue: "adding"}}},
	{name: "split quotation without a second verb", lang: "en",
		text: `"The IAAF's decision means nothing," Tzekos said. "We'll be presenting all our arguments."`,
		want: []want{
			{Kind: claims.Direct, Text: "The IAAF's decision means nothing,", Speaker: "Tzekos", Cue: "said"},
			{Kind: claims.Direct, Text: "We'll be presenting all our arguments.", Speaker: "Tzekos", Cue: "said"}}},
	{name: "guillemets, inverted cue, nested single quotes (seed 004)", lang: "nb",
		text: "«Prosessen hindres av motstandere, legemliggjort av 'den dype staten', men også av 'hauker' i Kongressen,» sa Darchiev.",
		want: []want{{Kind: claims.Direct, Text: "Prosessen hindres av motstandere, legemliggjort av 'den dype staten', men også av 'hauker' i Kongressen,", Speaker: "Darchiev", Cue: "sa"}},
		none: []string{"den dype staten", "hauker"}},
	{name: "German-style marks „…“", lang: "nb",
		text: "„Vi er klare for neste runde,“ sa Darchiev.",
		want: []want{{Kind: claims.Direct, Text: "Vi er klare for neste runde,", Speaker: "Darchiev", Cue: "sa"}}},
	{name: "multi-paragraph quotation, one statement a paragraph", lang: "en",
		text: "Keegan said: \"He is a quality player.\n\"He has worked hard to get back.\n\"He can get better.\"",
		want: []want{
			{Kind: claims.Direct, Text: "He is a quality player.", Speaker: "Keegan", Cue: "said"},
			{Kind: claims.Direct, Text: "He has worked hard to get back.", Speaker: "Keegan"},
			{Kind: claims.Direct, Text: "He can get better.", Speaker: "Keegan"}}},
	{name: "multi-paragraph quotation run together (bbc style)", lang: "en",
		text: `Meyer said: "This collection reflects his taste. "Outstanding examples are juxtaposed with masterpieces." The sale is in June.`,
		want: []want{
			{Kind: claims.Direct, Text: "This collection reflects his taste.", Speaker: "Meyer", Cue: "said"},
			{Kind: claims.Direct, Text: "Outstanding examples are juxtaposed with masterpieces.", Speaker: "Meyer"}}},
	{name: "trailing dash attribution in Russian", lang: "ru",
		text: "«Мы готовы к переговорам», — сказал Лавров.",
		want: []want{{Kind: claims.Direct, Text: "Мы готовы к переговорам", Speaker: "Лавров", Cue: "сказал"}}},

	// Norwegian dash paragraphs.
	{name: "dash paragraph with cue and relay (ndt-ap002-02)", lang: "nb",
		text: "- Det var absolutt en godkjent innsats av våre i dag, sa Løvberg til NTB.",
		want: []want{{Kind: claims.Direct, Text: "Det var absolutt en godkjent innsats av våre i dag", Speaker: "Løvberg", Cue: "sa", Via: "NTB"}}},
	{name: "dash paragraph, role and name after the cue", lang: "nb",
		text: "– Vi er fornøyde med resultatet, sier kommunikasjonsrådgiver Marte Lerberg Koppstad i Utenriksdepartementet til NTB.",
		want: []want{{Kind: claims.Direct, Text: "Vi er fornøyde med resultatet", Speaker: "Marte Lerberg Koppstad", Cue: "sier", Via: "NTB"}}},
	{name: "dash paragraph ending in a question before the cue", lang: "nb",
		text: "- Hvorfor det? spør Hansen.",
		want: []want{{Kind: claims.Direct, Text: "Hvorfor det?", Speaker: "Hansen", Cue: "spør"}}},
	{name: "dash paragraph attributed by the next sentence", lang: "nb",
		text: "- Vi ble overrasket. Det sier ordfører Per Hansen til avisen.",
		want: []want{{Kind: claims.Direct, Text: "Vi ble overrasket.", Speaker: "Per Hansen", Cue: "sier"}}},
	{name: "dash paragraph, narrator after the attribution", lang: "nb",
		text: "- Vi lever i en ustabil verden, sa kronprins Haakon da han åpnet konserten i går. Konserten varte i tre timer.",
		want: []want{{Kind: claims.Direct, Text: "Vi lever i en ustabil verden", Speaker: "Haakon", Cue: "sa"}}},
	{name: "unattributed dash paragraph continues the previous speaker", lang: "nb",
		text: "- Det blir spennende å se hvordan han gjør det, sa Løvberg.\n- Det er jo den distansen vi er mest spent på.",
		want: []want{
			{Kind: claims.Direct, Text: "Det blir spennende å se hvordan han gjør det", Speaker: "Løvberg", Cue: "sa"},
			{Kind: claims.Direct, Text: "Det er jo den distansen vi er mest spent på.", Speaker: "Løvberg"}}},
	{name: "colon lead-in before a dash paragraph", lang: "nb",
		text: "Da Aftenposten forsøkte å få ham til å utdype muligheten, svarte Hagen bare:\n- Jeg har ingen ting mer å si om det nå.",
		want: []want{{Kind: claims.Direct, Text: "Jeg har ingen ting mer å si om det nå.", Speaker: "Hagen", Cue: "svarte"}}},
	{name: "question-and-answer interview: answers are the title person's", lang: "nb",
		title: "Kari Nordmann vil redde flygelet",
		text:  "Hvordan ser din perfekte søndag ut?\n- Lang frokost. Så ut på tur. Hva leser du?\n- Mest krim, og noe sakprosa. Hvor reiste du sist?\n- Til Bodø.",
		want: []want{
			{Kind: claims.Direct, Text: "Lang frokost. Så ut på tur.", Speaker: "Kari Nordmann"},
			{Kind: claims.Direct, Text: "Mest krim, og noe sakprosa.", Speaker: "Kari Nordmann"}},
		none: []string{"Hva leser du?"}},
	{name: "dash crosshead is a heading", lang: "nb",
		text: "Han vant igjen.\n- Helt vilt\nLøpet var langt og hardt for alle.",
		none: []string{"Helt vilt"}},

	// Partial quotations and reported speech.
	{name: "partial quotations inside reported speech (seed 004)", lang: "nb",
		text: "I et intervju med det russiske statlige nyhetsbyrået TASS, sa Alexander Darchiev tirsdag at beslutningen var «foreløpig», og at hovedtemaet forblir det samme.",
		want: []want{
			{Kind: claims.Indirect, Text: "beslutningen var «foreløpig», og at hovedtemaet forblir det samme", Speaker: "Alexander Darchiev", Cue: "sa", Via: "TASS"},
			{Kind: claims.Direct, Text: "foreløpig", Speaker: "Alexander Darchiev", Cue: "sa", Via: "TASS", Partial: true}}},
	{name: "partial quotation, clause ends after the closing mark (seed 002)", lang: "en",
		text: "The outcome of the upcoming talks would determine how “quickly and effectively we can move forward,” the diplomat added.",
		want: []want{
			{Kind: claims.Indirect, Text: "The outcome of the upcoming talks would determine how “quickly and effectively we can move forward,”", Cue: "added"},
			{Kind: claims.Direct, Text: "quickly and effectively we can move forward,", Cue: "added", Partial: true}}},
	{name: "X said that (seed 002)", lang: "en",
		text: "Lavrov said that a swift appointment of ambassadors in Washington and Moscow would be an important step toward restoring full-scale cooperation.",
		want: []want{{Kind: claims.Indirect, Text: "a swift appointment of ambassadors in Washington and Moscow would be an important step toward restoring full-scale cooperation", Speaker: "Lavrov", Cue: "said"}}},
	{name: "told X this month that, with relay (seed 002)", lang: "en",
		text: "Russian Foreign Ministry spokeswoman Maria Zakharova told RIA Novosti this month that Moscow has put forward a candidate but has yet to receive Washington’s approval.",
		want: []want{{Kind: claims.Indirect, Text: "Moscow has put forward a candidate but has yet to receive Washington’s approval", Speaker: "Maria Zakharova", Cue: "told", Via: "RIA Novosti"}}},
	{name: "trailing attribution with a role noun (seed 001)", lang: "en",
		text: "Russian Foreign Minister Sergey Lavrov spoke to Sputnik. There were two rounds of talks in the spring, the minister also said.",
		want: []want{{Kind: claims.Indirect, Text: "There were two rounds of talks in the spring", Speaker: "Sergey Lavrov", Cue: "said"}}},
	{name: "according to, trailing (seed 003)", lang: "en",
		text: "Moscow made it clear that it considers any NATO-linked military presence completely unacceptable, according to Lavrov.",
		want: []want{{Kind: claims.Indirect, Text: "Moscow made it clear that it considers any NATO-linked military presence completely unacceptable", Speaker: "Lavrov", Cue: "according to"}}},
	{name: "ifølge at the start (seed 004)", lang: "nb",
		text: "Ifølge Darchiev understreket Moskva prioriteten av å raskt gjenopprette russisk diplomatisk eiendom.",
		want: []want{{Kind: claims.Indirect, Text: "understreket Moskva prioriteten av å raskt gjenopprette russisk diplomatisk eiendom", Speaker: "Darchiev", Cue: "Ifølge"}}},
	{name: "X sa at (seed 004)", lang: "nb",
		text: "Når det gjelder tidspunktet, sa Darchiev at arrangementet vil finne sted «i nær fremtid».",
		want: []want{
			{Kind: claims.Indirect, Text: "arrangementet vil finne sted «i nær fremtid»", Speaker: "Darchiev", Cue: "sa"},
			{Kind: claims.Direct, Text: "i nær fremtid", Speaker: "Darchiev", Partial: true}}},
	{name: "opplyste X, unnamed body, relay", lang: "nb",
		text: "Brannen startet i en garasje i natt, opplyste politiet til NTB.",
		want: []want{{Kind: claims.Indirect, Text: "Brannen startet i en garasje i natt", Speaker: "politiet", Unnamed: true, Cue: "opplyste", Via: "NTB"}}},
	{name: "bare clause after a non-say verb opened by a pronoun (seed 000)", lang: "en",
		text: "On the critical matter of nuclear arms control, Lavrov indicated he expects a direct response from US President Donald Trump.",
		want: []want{{Kind: claims.Indirect, Text: "he expects a direct response from US President Donald Trump", Speaker: "Lavrov", Cue: "indicated"}}},
	{name: "participle continuation (seed 002)", lang: "en",
		text: "Lavrov described the meeting in Riyadh as a first step toward rebuilding relations, stressing that Moscow and Washington need to “clean up the legacy” left by the Biden administration.",
		want: []want{
			{Kind: claims.Indirect, Text: "Moscow and Washington need to “clean up the legacy” left by the Biden administration", Speaker: "Lavrov", Cue: "stressing"},
			{Kind: claims.Direct, Text: "clean up the legacy", Speaker: "Lavrov", Partial: true}}},
	{name: "verb with a noun-phrase object is no reported speech (seed 000)", lang: "en",
		text: "Lavrov highlighted ongoing mediation efforts involving Egypt, Saudi Arabia, Qatar, and the UAE.",
		none: []string{"ongoing mediation efforts involving Egypt, Saudi Arabia, Qatar, and the UAE"}},

	// Speakers.
	{name: "pronoun resolved to the previous speaker (seed 000)", lang: "en",
		text: "Lavrov told reporters, “Our dialogue is ongoing.”\nHe further stated, “We’ve already had two rounds.”",
		want: []want{{Kind: claims.Direct, Text: "We’ve already had two rounds.", Speaker: "Lavrov", Cue: "stated"}}},
	{name: "pronoun skips a person of the other gender (seed 004)", lang: "nb",
		text: "Den russiske delegasjonen ble ledet av Darchiev, mens den amerikanske delegasjonen ble ledet av Sonata Coulter.\n«Det er viktig at det fortsatt er fremdrift,» sa han.",
		want: []want{{Kind: claims.Direct, Text: "Det er viktig at det fortsatt er fremdrift,", Speaker: "Darchiev", Cue: "sa"}}},
	{name: "fullest name from anywhere in the article", lang: "en",
		text: "“We are waiting,” Lavrov said.\nRussian Foreign Minister Sergey Lavrov spoke in Moscow.",
		want: []want{{Kind: claims.Direct, Text: "We are waiting,", Speaker: "Sergey Lavrov"}}},
	{name: "role noun resolved to the person named with the role (seed 003)", lang: "en",
		text: "Russian Foreign Minister Sergey Lavrov met Marco Rubio.\nThe Russian foreign minister added that the sides “practically agreed.”",
		want: []want{{Kind: claims.Indirect, Text: "the sides “practically agreed.”", Speaker: "Sergey Lavrov", Cue: "added"}}},
	{name: "floating quotation continues the previous speaker (seed 004)", lang: "nb",
		text: "«Det er viktig at det fortsatt er fremdrift,» sa Darchiev.\n«Jeg kan bekrefte at neste forhandlingsrunde vil finne sted i Moskva.»",
		want: []want{{Kind: claims.Direct, Text: "Jeg kan bekrefte at neste forhandlingsrunde vil finne sted i Moskva.", Speaker: "Darchiev", Cue: ""}}},
	{name: "organisation speaker (isot-true)", lang: "en",
		text: "Amid the furor caused by the revelations, the Kremlin said on Friday that a meeting between Trump and Russian President Vladimir Putin at an Asian economic summit next week was being discussed, and Trump said it might happen.",
		want: []want{
			{Kind: claims.Indirect, Text: "a meeting between Trump and Russian President Vladimir Putin at an Asian economic summit next week was being discussed", Speaker: "the Kremlin", Cue: "said"},
			{Kind: claims.Indirect, Text: "it might happen", Speaker: "Trump", Cue: "said"}}},
	{name: "company in Reuters brackets", lang: "en",
		text: "NEW YORK, March 23 - <Dixons Group PLC> said it received a letter on March 19 from Citicorp Capital Investors Ltd.",
		want: []want{{Kind: claims.Indirect, Text: "it received a letter on March 19 from Citicorp Capital Investors Ltd", Speaker: "Dixons Group PLC", Cue: "said"}}},
	{name: "unnamed officials (reuters)", lang: "en",
		text: `In announcing a four-month wage and price freeze, Argentine officials said the country needed "a more serene climate" to carry out structural changes in the economy.`,
		want: []want{{Kind: claims.Indirect, Text: `the country needed "a more serene climate" to carry out structural changes in the economy`, Speaker: "Argentine officials", Unnamed: true, Cue: "said"}}},
	{name: "unnamed source close to … (reuters)", lang: "en",
		text: `"The Semiconductor Industry Association doesn't even have an office here," a source close to the industry said.`,
		want: []want{{Kind: claims.Direct, Text: "The Semiconductor Industry Association doesn't even have an office here,", Speaker: "a source close to the industry", Unnamed: true, Cue: "said"}}},
	{name: "unnamed sources familiar with the matter (isot-true)", lang: "en",
		text: "WASHINGTON (Reuters) - A Georgian-American businessman has been questioned by congressional investigators, four sources familiar with the matter said.",
		want: []want{{Kind: claims.Indirect, Text: "A Georgian-American businessman has been questioned by congressional investigators", Speaker: "four sources familiar with the matter", Unnamed: true, Cue: "said"}}},
	{name: "unnamed kilder", lang: "nb",
		text: "Regjeringen vil legge fram forslaget i neste uke, sier kilder til NTB.",
		want: []want{{Kind: claims.Indirect, Text: "Regjeringen vil legge fram forslaget i neste uke", Speaker: "kilder", Unnamed: true, Cue: "sier", Via: "NTB"}}},
	{name: "quoted X as saying", lang: "en",
		text: `The Post quoted a source close to Reagan as saying the White House expected Poindexter "will say he had direction and authority," from the president.`,
		want: []want{{Kind: claims.Indirect, Speaker: "a source close to Reagan", Unnamed: true, Cue: "saying"}}},

	// Relays.
	{name: "told X in an interview holds for later quotations (seed 001)", lang: "en",
		text: "Russia and the US are talking, Russian Foreign Minister Sergey Lavrov told Sputnik in an interview published on Sunday.\n\"We are waiting,\" Lavrov said.",
		want: []want{
			{Kind: claims.Indirect, Text: "Russia and the US are talking", Speaker: "Sergey Lavrov", Cue: "told", Via: "Sputnik"},
			{Kind: claims.Direct, Text: "We are waiting,", Speaker: "Sergey Lavrov", Via: "Sputnik"}}},
	{name: "as quoted by an unnamed medium (seed 000)", lang: "en",
		text: "He further stated, “We’ve already had two rounds, and Marco Rubio and I agreed to hold a third this fall,” as quoted by a Russian state-run news agency.",
		want: []want{{Kind: claims.Direct, Text: "We’ve already had two rounds, and Marco Rubio and I agreed to hold a third this fall,", Cue: "stated", Via: "a Russian state-run news agency"}}},
	{name: "in an interview with X", lang: "en",
		text: "“I’m not even sure what they did is legally constitutional,” Cuomo said in an interview with CNN.",
		want: []want{{Kind: claims.Direct, Text: "I’m not even sure what they did is legally constitutional,", Speaker: "Cuomo", Via: "CNN"}}},
	{name: "told reporters is no medium (seed 000)", lang: "en",
		text: "Lavrov told reporters, “Our dialogue is ongoing.”",
		want: []want{{Kind: claims.Direct, Text: "Our dialogue is ongoing.", Via: ""}}},

	// Embedded posts in scraped copy (the form of the ISOT corpus).
	{name: "embedded tweet with signature", lang: "en",
		text: "Twitter users wasted no time.This is not the real one. Look again. pic.twitter.com/AbC123  Jane Q. Doe, MD (@janedoe) October 18, 2017Others agreed with her.",
		want: []want{{Kind: claims.Direct, Text: "This is not the real one. Look again.", Speaker: "Jane Q. Doe", Via: "Twitter"}}},

	// Not quotations.
	{name: "scare quote (isot-true)", lang: "en",
		text: "In a frequently cited 1934 decision, the Supreme Court called tax deductions a “legislative grace” rather than a vested right.",
		none: []string{"legislative grace"}},
	{name: "title of a work after a cue (ndt-ap001-10)", lang: "nb",
		text: `- Vi kan bidra til å gjøre frustrasjonen litt mindre, sa skuespilleren, kjent fra blant annet "Schindlers liste".`,
		none: []string{"Schindlers liste"}},
	{name: "names in quotes (ndt-ap001-01)", lang: "nb",
		text: `Forretten lyder navnet "Coquilles St. Jacques Prince de Norvege", som er grillet kamskjell på norsk spekeskinke.`,
		none: []string{"Coquilles St. Jacques Prince de Norvege"}},
	{name: "scare quotes in the title are skipped", lang: "en",
		title: "Nuclear-armed Ukraine not a ‘serious offer’ – Rubio",
		text:  "The talks went on for hours in Geneva on Monday.",
		none:  []string{"serious offer"}},

	// Trouble.
	{name: "unbalanced mark is a diagnostic", lang: "en",
		text: "He said it was fine. Then a stray mark ” appeared.",
		diag: true},
}

// TestExtractConstructions checks each construction of issue 4 on one
// real sentence (or a short passage of a sample article).
func TestExtractConstructions(t *testing.T) {
	runConstructionCases(t, constructionCases)
}

// runConstructionCases runs each case as a subtest.
func runConstructionCases(t *testing.T, cases []constructionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			doc := claims.Doc{Text: text, Lang: tc.lang}
			if tc.title != "" {
				text = tc.title + "\n" + tc.text
				doc = claims.Doc{Text: text, Lang: tc.lang,
					TitleSpan: sources.Span{Start: 0, End: len(tc.title)},
					Body:      sources.Span{Start: len(tc.title) + 1, End: len(text)}}
			}
			st, dg := claims.Extract(doc)
			checkInvariants(t, tc.name, doc, st, dg)
			for _, w := range tc.want {
				if !matchesWant(st, w) {
					t.Errorf("missing %+v\ngot:\n%s", w, dump(st))
				}
			}
			for _, n := range tc.none {
				for _, s := range st {
					if s.Kind != claims.Assertion && strings.Contains(s.Text, n) && len(s.Text) <= len(n)+2 {
						t.Errorf("%q should be no statement, got %+v", n, s)
					}
				}
			}
			if tc.diag && len(dg) == 0 {
				t.Errorf("want a diagnostic, got none")
			}
			if !tc.diag && len(dg) > 0 {
				t.Errorf("unexpected diagnostics %+v", dg)
			}
		})
	}
}

func matchesWant(st []claims.Statement, w want) bool {
	for _, s := range st {
		if s.Kind != w.Kind || w.Text != "" && s.Text != w.Text {
			continue
		}
		if (w.Speaker != "" || w.SpeakerSet) && s.Speaker != w.Speaker {
			continue
		}
		if w.Unnamed != (s.SpeakerKind == claims.SpeakerUnnamed) && (w.Unnamed || w.Speaker != "") {
			continue
		}
		if w.Cue != "" && s.Cue != w.Cue {
			continue
		}
		if w.Via != s.Via && (w.Via != "" || w.Kind == claims.Direct && w.Text != "" && strings.Contains(w.Text, "ongoing")) {
			continue
		}
		if w.Partial != s.Partial {
			continue
		}
		return true
	}
	return false
}

func dump(st []claims.Statement) string {
	var b strings.Builder
	for _, s := range st {
		b.WriteString("  " + string(s.Kind) + " " + s.Speaker + " [" + string(s.SpeakerKind) + "] cue=" + s.Cue + " via=" + s.Via + " | " + s.Text + "\n")
	}
	return b.String()
}
