package claims_test

import (
	"testing"

	"github.com/claimtrail/claimtrail/claims"
)

// unseenCases are constructions found wanting on articles annotated
// before the tool was run on them (annotator C). Every text is invented or
// a single shortened sentence; each case fails without the rule it names.
var unseenCases = []constructionCase{
	// Dash paragraphs: where the quotation ends and who speaks.
	{name: "inverted subject with an article and adjectives", lang: "nb",
		text: "- Vi skal ikke tape mot dem, sier en sur og irritert trener Arne Sandstø til avisen.",
		want: []want{{Kind: claims.Direct, Text: "Vi skal ikke tape mot dem", Speaker: "Arne Sandstø", Cue: "sier"}}},
	{name: "unlisted definite noun after the cue is a described speaker", lang: "nb",
		text: "Trener Ola Berg var skuffet.\n- Det var dårlig av oss, sier kristiansanderen som kom hjem.",
		want: []want{{Kind: claims.Direct, Text: "Det var dårlig av oss", Speaker: "Ola Berg", Cue: "sier"}}},
	{name: "attribution without a subject still ends the dash quotation", lang: "nb",
		text: "Kari Holm er lei seg.\n- Derfor har han ingen mål her, heter det i kronikken.",
		want: []want{{Kind: claims.Direct, Text: "Derfor har han ingen mål her", SpeakerSet: true}}},
	{name: "role ending gründer", lang: "nb",
		text: "- Vi var de eneste som visste det, sier dekkgründer Tommy Sharif og ler.",
		want: []want{{Kind: claims.Direct, Text: "Vi var de eneste som visste det", Speaker: "Tommy Sharif", Cue: "sier"}}},
	{name: "a role-noun sentence that ends in its own attribution is still quoted", lang: "nb",
		text: "- Det er en barnefeil. Bryne-spilleren er jo på vei bort fra målet, sier Arne Sandstø.",
		want: []want{{Kind: claims.Direct, Text: "Det er en barnefeil. Bryne-spilleren er jo på vei bort fra målet", Speaker: "Arne Sandstø"}}},
	{name: "a report inside a dash paragraph attributed at its end", lang: "nb",
		text: "- Det er trist. Kari Nordmann sier at alt er galt. Da mener jeg noe annet, skriver Lise Berg videre.",
		want: []want{{Kind: claims.Direct, Text: "Det er trist. Kari Nordmann sier at alt er galt. Da mener jeg noe annet", Speaker: "Lise Berg", Cue: "skriver"}},
		none: []string{"alt er galt"}},
	{name: "cue kontrer", lang: "nb",
		text: "- Da er han en søppeltrener, kontrer Bryne-spiller Espen Ertzeid.",
		want: []want{{Kind: claims.Direct, Text: "Da er han en søppeltrener", Speaker: "Espen Ertzeid", Cue: "kontrer"}}},

	// Speakers: names, roles, pronouns.
	{name: "a word only seen opening sentences is no antecedent", lang: "nb",
		text: "Ola Nordmann har skiftet dekk. Testene kom tidlig i år. Likevel mener han det ikke er noe problem.",
		want: []want{{Kind: claims.Indirect, Text: "det ikke er noe problem", Speaker: "Ola Nordmann", Cue: "mener"}}},
	{name: "a sentence adverb before a name is no part of it", lang: "nb",
		text: "Christian Gauseth scoret. Spesielt Bernt Hulsker skulle scoret.\n- Jeg skulle puttet flere, sier spissen.",
		want: []want{{Kind: claims.Direct, Text: "Jeg skulle puttet flere", Speaker: "Bernt Hulsker"}}},
	{name: "name with a middle initial", lang: "nb",
		text: "Venstre-politiker Abid Q. Raja forstår at det kan være vanskelig.",
		want: []want{{Kind: claims.Indirect, Text: "det kan være vanskelig", Speaker: "Abid Q. Raja", Cue: "forstår"}}},
	{name: "a lone role noun is no name; he is the last speaker", lang: "nb",
		text: "Venstre-politiker Abid Raja er uenig.\n- Det er et faktum, sier Venstre-politikeren. Han reagerer også på tonen.\n- Dette er arvesynden, sier han.",
		want: []want{{Kind: claims.Direct, Text: "Dette er arvesynden", Speaker: "Abid Raja"}}},
	{name: "name with where the person works before the cue", lang: "nb",
		text: "Anders Solheim i Antidoping Norge sier alpint følges opp tett.",
		want: []want{{Kind: claims.Indirect, Text: "alpint følges opp tett", Speaker: "Anders Solheim", Cue: "sier"}}},
	{name: "name with a one-word place of work before the cue", lang: "nb",
		text: "Tor Prestegard leder utvalget. Prestegard i studentutvalget synes det er rart at skolen egner seg.",
		want: []want{{Kind: claims.Indirect, Text: "det er rart at skolen egner seg", Speaker: "Tor Prestegard", Cue: "synes"}}},

	// Indirect statements: cues, clause starts and ends.
	{name: "cue verb sharing the subject after 'og'", lang: "nb",
		text: "Abid Raja tar Siv Jensen i forsvar, og sier at Frp-lederen aldri har sagt det.",
		want: []want{{Kind: claims.Indirect, Text: "Frp-lederen aldri har sagt det", Speaker: "Abid Raja", Cue: "sier"}}},
	{name: "a second cue after 'men' ends the first clause", lang: "nb",
		text: "Eidur Gudjohnsen mener Norge er favoritter, men påpeker at Island vet alt om vertene.",
		want: []want{
			{Kind: claims.Indirect, Text: "Norge er favoritter", Speaker: "Eidur Gudjohnsen", Cue: "mener"},
			{Kind: claims.Indirect, Text: "Island vet alt om vertene", Speaker: "Eidur Gudjohnsen", Cue: "påpeker"}}},
	{name: "a second 'said' after 'and' ends the first clause", lang: "en",
		text: "Charles Kennedy said Harry was in a privileged position and said he should apologise in person.",
		want: []want{
			{Kind: claims.Indirect, Text: "Harry was in a privileged position", Speaker: "Charles Kennedy", Cue: "said"},
			{Kind: claims.Indirect, Text: "he should apologise in person", Speaker: "Charles Kennedy", Cue: "said"}}},
	{name: "bare clause whose own 'at' comes later", lang: "nb",
		text: "Hermann Hreidarsson mener Island nå må vise at de kan.",
		want: []want{{Kind: claims.Indirect, Text: "Island nå må vise at de kan", Speaker: "Hermann Hreidarsson", Cue: "mener"}},
		none: []string{"de kan"}},
	{name: "'om' as a preposition opens no clause", lang: "nb",
		text: "Kari Berg skriver også om andre muslimer hun beskylder for å tie.",
		none: []string{"andre muslimer hun beskylder for å tie"}},
	{name: "cue 'er klar på'", lang: "nb",
		text: "Lasse Kjus er klar på at alpinister ville hatt bruk for doping.",
		want: []want{{Kind: claims.Indirect, Text: "alpinister ville hatt bruk for doping", Speaker: "Lasse Kjus", Cue: "er klar på"}}},
	{name: "'før' opens no clause after a cue", lang: "nb",
		text: "Rolf Teigen gjorde det han sa før kampen.",
		none: []string{"før kampen"}},

	// Second round.
	{name: "an adverb between commas after the cue", lang: "en",
		text: "Red Cavaney said, however, he expects demand this year to be strong.",
		want: []want{{Kind: claims.Indirect, Text: "he expects demand this year to be strong", Speaker: "Red Cavaney", Cue: "said"}}},
	{name: "attribution between commas inside the sentence", lang: "en",
		text: "Red Cavaney said the market is strong. Last year, he said, paper production hit a record 71 mln tons.",
		want: []want{{Kind: claims.Indirect, Text: "Last year, he said, paper production hit a record 71 mln tons", Speaker: "Red Cavaney", Cue: "said"}}},
	{name: "name before a role in apposition", lang: "en",
		text: `"A pro-growth trade policy is the key," Red Cavaney, American Paper Institute president said.`,
		want: []want{{Kind: claims.Direct, Text: "A pro-growth trade policy is the key,", Speaker: "Red Cavaney", Cue: "said"}}},
	{name: "a definite noun opening a sentence is a role, not a name", lang: "nb",
		text: "Han får støtte av Hermann Hreidarsson. Forsvarskjempen mener Island nå må vise seg fram.",
		want: []want{{Kind: claims.Indirect, Text: "Island nå må vise seg fram", Speaker: "Hermann Hreidarsson", Cue: "mener"}}},
	{name: "definite article and adjective before a role after the cue", lang: "nb",
		text: "Lasse Kjus var best i verden.\n- Man må ikke dope seg, mener den meritterte alpinisten.",
		want: []want{{Kind: claims.Direct, Text: "Man må ikke dope seg", Speaker: "Lasse Kjus", Cue: "mener"}}},
	{name: "answer to an unattributed question", lang: "nb",
		text: "- Jeg ønsket testing, sier Lasse Kjus.\n- Er det noe å hente på doping?\n- Ja, alpint er en fysisk sport.",
		want: []want{{Kind: claims.Direct, Text: "Ja, alpint er en fysisk sport.", Speaker: "Lasse Kjus"}}},
	{name: "role with a place of work, then the name after a comma", lang: "nb",
		text: "- Vi vil gjøre alt, sier talsmann for utenriksdepartementet i Paris, Bernard Valero.",
		want: []want{{Kind: claims.Direct, Text: "Vi vil gjøre alt", Speaker: "Bernard Valero", Cue: "sier"}}},
	{name: "attribution with its comma missing", lang: "nb",
		text: "- Han har fått en solid plattform å bygge på sier Øyvind Strømmen, frilansjournalist.",
		want: []want{{Kind: claims.Direct, Text: "Han har fått en solid plattform å bygge på", Speaker: "Øyvind Strømmen", Cue: "sier"}}},
	{name: "the report speaks for the issuer named before", lang: "nb",
		text: "I en rapport utarbeidet av Centre for American Progress går det fram hvordan nettverket virker. Sirkulasjonen springer ifølge rapporten ut av fem personer.",
		want: []want{{Kind: claims.Indirect, Speaker: "Centre for American Progress", Cue: "ifølge"}}},

	// Third round (a second set of fresh files).
	{name: "a name ending in News is no genitive of New", lang: "en",
		text: "The New York Daily News reported that a page contained postings. The suspect is a retired physician, the Bowling Green Daily News said.",
		want: []want{
			{Kind: claims.Indirect, Text: "a page contained postings", Speaker: "New York Daily News"},
			{Kind: claims.Indirect, Text: "The suspect is a retired physician", Speaker: "Bowling Green Daily News"}}},
	{name: "authorities are an unnamed source", lang: "en",
		text: "Boucher has been charged with assault, according to authorities.",
		want: []want{{Kind: claims.Indirect, Text: "Boucher has been charged with assault", Unnamed: true, Cue: "according to"}}},
	{name: "a role noun after a question is the person just quoted with that role", lang: "nb",
		text: "En av Breiviks forsvarere Vibeke Hein Bæra var til stede. I etterkant sa forsvarer Geir Lippestad at dette var en hilsen.\n- Vi er godt kjent med det, sier Hein Bæra.\n- Har han sagt noe om det?\n- Dette er helt nytt for meg, sier forsvareren.",
		want: []want{{Kind: claims.Direct, Text: "Dette er helt nytt for meg", Speaker: "Vibeke Hein Bæra"}}},
	{name: "a pronoun after a question is the person asked", lang: "nb",
		text: "Geir Lippestad og Vibeke Hein Bæra var til stede.\n- Vi er godt kjent med det, sier Vibeke Hein Bæra.\n- Så du forandringer ved ham?\n- Nei, jeg gjorde ikke det, sier hun.",
		want: []want{{Kind: claims.Direct, Text: "Nei, jeg gjorde ikke det", Speaker: "Vibeke Hein Bæra"}}},
	{name: "'etter at' opens no reported clause", lang: "nb",
		text: "Det fortalte 32-åringen til sine forsvarere etter at han ble ført ut av retten.",
		none: []string{"han ble ført ut av retten"}},
	{name: "a share of the people asked is an unnamed subject", lang: "en",
		text: "Furthermore, 16% said that none of their cards had been replaced, while 30% said only some had.",
		want: []want{
			{Kind: claims.Indirect, Text: "none of their cards had been replaced", Unnamed: true, Cue: "said"},
			{Kind: claims.Indirect, Text: "only some had", Unnamed: true, Cue: "said"}}},
	{name: "according to after a trailing attribution is its relay", lang: "en",
		text: "The talks will resume in May, Lavrov told reporters, according to TASS.",
		want: []want{{Kind: claims.Indirect, Text: "The talks will resume in May", Speaker: "Lavrov", Cue: "told", Via: "TASS"}}},

	// Fourth round (a third set of fresh files).
	{name: "figures that show report for their issuer, a person who shows does not", lang: "nb",
		text: "Forskjellen har økt de siste ti årene, viser nye tall fra Statistisk sentralbyrå. Kari Holm viser at hun kan.",
		want: []want{{Kind: claims.Indirect, Text: "Forskjellen har økt de siste ti årene", Speaker: "Statistisk sentralbyrå", Cue: "viser"}},
		none: []string{"hun kan"}},
	{name: "a survey found reports for its issuer, police found does not", lang: "en",
		text: "Retail Decisions' survey found that shoppers had adapted easily. The police found that the car was stolen.",
		want: []want{{Kind: claims.Indirect, Text: "shoppers had adapted easily", Speaker: "Retail Decisions", Cue: "found"}},
		none: []string{"the car was stolen"}},
	{name: "cue oppfordrer after a dash quotation", lang: "nb",
		text: "- Husk å kjøpe rømme, oppfordrer kjøpmann Per Erik Landsvik.",
		want: []want{{Kind: claims.Direct, Text: "Husk å kjøpe rømme", Speaker: "Per Erik Landsvik", Cue: "oppfordrer"}}},
	{name: "role ending kunde under an indefinite article", lang: "nb",
		text: "- Noen må ringe politiet, sier en irritert stamkunde.",
		want: []want{{Kind: claims.Direct, Text: "Noen må ringe politiet", Unnamed: true, Cue: "sier"}}},
	{name: "'sier noe om' opens no clause", lang: "nb",
		text: "På mange områder som sier noe om folks levekår, er skillet markant.",
		none: []string{"noe om folks levekår, er skillet markant"}},
	{name: "he is the last speaker when only unknown capitalised words stand between", lang: "en",
		text: "Charles Kennedy said the vote was close. It was already using detention at Belmarsh Prison, ignoring a recent Law Lords judgement, he said. He also criticised the plans. He said everyone had the right to be secure.",
		want: []want{{Kind: claims.Indirect, Text: "everyone had the right to be secure", Speaker: "Charles Kennedy"}}},
	{name: "a named person after a preposition is the antecedent of who said", lang: "en",
		text: "That was a message repeated by Home Secretary Charles Clarke who said the matter should now be left to lie.",
		want: []want{{Kind: claims.Indirect, Text: "the matter should now be left to lie", Speaker: "Charles Clarke", Cue: "said"}}},
	{name: "a medium reporting an attribution relays it; the newspaper is that medium", lang: "en",
		text: "The Bowling Green Daily News said Paul told police his neighbor tackled him. Paul had injuries to the face, the newspaper said.",
		want: []want{
			{Kind: claims.Indirect, Text: "his neighbor tackled him", Speaker: "Paul", Cue: "told", Via: "Bowling Green Daily News"},
			{Kind: claims.Indirect, Text: "Paul had injuries to the face", Speaker: "Bowling Green Daily News", Cue: "said"}}},

	// Fifth round (the fourth fresh set).
	{name: "a pronoun clause after a short phrase after the cue", lang: "en",
		text: "Paul previously said on Twitter he suffered the broken ribs from the incident and that X-rays showed a pleural effusion.",
		want: []want{{Kind: claims.Indirect, Text: "he suffered the broken ribs from the incident and that X-rays showed a pleural effusion", Speaker: "Paul", Via: "Twitter"}}},
	{name: "an adverbial phrase or an age between subject and cue", lang: "en",
		text: "But Paul, in a Washington Examiner interview published Monday, said he had no dispute with Boucher. Paul, 54, told police that Boucher tackled him from behind, the Bowling Green Daily News reported, citing an arrest warrant.",
		want: []want{
			{Kind: claims.Indirect, Text: "he had no dispute with Boucher", Speaker: "Paul", Cue: "said"},
			{Kind: claims.Indirect, Text: "Boucher tackled him from behind", Speaker: "Paul", Cue: "told", Via: "Bowling Green Daily News"}}},
	{name: "one of the residents is unnamed, one of the defenders NAME is named", lang: "nb",
		text: "- Ekstremister gjorde dette, sier en av innbyggerne til avisa Haaretz.\n- Det var som ventet, sier en av Breiviks forsvarere Vibeke Hein Bæra til VG Nett.",
		want: []want{
			{Kind: claims.Direct, Text: "Ekstremister gjorde dette", Unnamed: true, Cue: "sier"},
			{Kind: claims.Direct, Text: "Det var som ventet", Speaker: "Vibeke Hein Bæra", Cue: "sier"}}},

	// Regressions found on the fifth fresh set.
	{name: "'Det viser X' inside a dash quotation is no echo attribution", lang: "nb",
		text: "- Jeg har bare godt å si om vedtaket. Det viser en kommune som er villig, sier Hanne Bjurstrøm.",
		want: []want{{Kind: claims.Direct, Text: "Jeg har bare godt å si om vedtaket. Det viser en kommune som er villig", Speaker: "Hanne Bjurstrøm", Cue: "sier"}}},
	{name: "'and add to' after a clause ends nothing", lang: "en",
		text: "Wainoco added this will considerably reduce future income taxes in Canada and add to Wainoco's net income.",
		want: []want{{Kind: claims.Indirect, Text: "this will considerably reduce future income taxes in Canada and add to Wainoco's net income", Cue: "added"}}},
	{name: "a role, then the name after a comma, after the cue", lang: "nb",
		text: "- Røyking og snus kan ikke sidestilles, sier kommunens folkehelsekoordinator, Tom Solli, til Avisa Nordland.",
		want: []want{{Kind: claims.Direct, Text: "Røyking og snus kan ikke sidestilles", Speaker: "Tom Solli", Cue: "sier"}}},
}

// TestExtractUnseenConstructions checks the constructions of unseenCases.
func TestExtractUnseenConstructions(t *testing.T) {
	runConstructionCases(t, unseenCases)
}
