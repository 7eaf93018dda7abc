package claims_test

import (
	"testing"

	"github.com/claimtrail/claimtrail/claims"
)

// freshCases are constructions found wanting on nb articles annotated
// before the tool was run on them (annotator D). Every text is invented;
// each case fails without the rule it names.
var freshCases = []constructionCase{
	{name: "a crosshead between the last speaker and 'sier hun' does not part them", lang: "nb",
		text: "- Hun ble sendt hjem, forteller Kari Berg til NTB. Nå skal hun trene i Berlin.\nJuleferie\n- Det er ingen krise. Jeg ville hilse på Evander Holyfield, sier hun.",
		want: []want{{Kind: claims.Direct, Text: "Det er ingen krise. Jeg ville hilse på Evander Holyfield", Speaker: "Kari Berg", Cue: "sier"}}},
	{name: "a crosshead between a speaker's dash paragraph and a floating one does not part them", lang: "nb",
		text: "- Det blir tilfelle, sier Kari Berg.\nKlar\n- Jeg er helt klar for det.",
		want: []want{{Kind: claims.Direct, Text: "Jeg er helt klar for det.", Speaker: "Kari Berg"}}},
	{name: "a particle verb split by an inverted name", lang: "nb",
		text: "- Det fungerer bra internasjonalt, slår Ivar Utne fast.",
		want: []want{{Kind: claims.Direct, Text: "Det fungerer bra internasjonalt", Speaker: "Ivar Utne", Cue: "slår fast"}}},
	{name: "a particle verb split by an inverted pronoun", lang: "nb",
		text: "- Jeg er glad, sier Kari Holm.\n- Det tar tid, legger hun til.",
		want: []want{{Kind: claims.Direct, Text: "Det tar tid", Speaker: "Kari Holm", Cue: "legger til"}}},
	{name: "a narrator sentence about the speaker alone does not part a floating dash paragraph from them", lang: "nb",
		text: "- Det blir tilfelle, sier Kari Berg. Men det hun er mest opptatt av er en tittelkamp.\n- Jeg er helt klar for det.",
		want: []want{{Kind: claims.Direct, Text: "Jeg er helt klar for det.", Speaker: "Kari Berg"}}},
	{name: "a narrator sentence naming another person does part them", lang: "nb",
		text: "- Det blir tilfelle, sier Kari Berg. Men Per Olsen er mest opptatt av en tittelkamp.\n- Jeg er helt klar for det.",
		want: []want{{Kind: claims.Direct, Text: "Jeg er helt klar for det.", SpeakerSet: true}}},
	{name: "the verb 'sa' after a name is no company form", lang: "nb",
		text: "Finansminister Per Olsen sa i går at skatten må ned.",
		want: []want{{Kind: claims.Indirect, Text: "skatten må ned", Speaker: "Per Olsen", Cue: "sa"}}},
	{name: "a listed medium opening a sentence is no definite common noun", lang: "nb",
		text: "Aftenposten skriver at skatten må ned.",
		want: []want{{Kind: claims.Indirect, Text: "skatten må ned", Speaker: "Aftenposten", Cue: "skriver"}}},
	{name: "two speakers named jointly before the cue", lang: "nb",
		text: "Kari Holm og Per Olsen sier at de er fornøyde.",
		want: []want{{Kind: claims.Indirect, Text: "de er fornøyde", Speaker: "Kari Holm; Per Olsen", Cue: "sier"}}},
	{name: "two speakers named jointly after the cue, with ages", lang: "nb",
		text: "- Vi kom tidlig, sier Kari Holm (65) og Per Olsen (79).",
		want: []want{{Kind: claims.Direct, Text: "Vi kom tidlig", Speaker: "Kari Holm; Per Olsen", Cue: "sier"}}},
	{name: "a name joined to the subject inside the reported clause is no joint speaker", lang: "nb",
		text: "Kari Holm sier at Per Olsen og Ola Berg er fornøyde.",
		want: []want{{Kind: claims.Indirect, Text: "Per Olsen og Ola Berg er fornøyde", Speaker: "Kari Holm", Cue: "sier"}}},
	{name: "she is not a person named beside her in the sentence before", lang: "nb",
		text: "Kari Holm er leder i laget. Nå har hun skrevet et brev til Marit Olsen om saken. Alt er løst, skriver hun.",
		want: []want{{Kind: claims.Indirect, Text: "Alt er løst", Speaker: "Kari Holm", Cue: "skriver"}}},
	{name: "'ifølge X' with a phrase completing X: the clause opens at its finite verb", lang: "nb",
		text: "Ifølge kilder i partiet vil hun gå av.",
		want: []want{{Kind: claims.Indirect, Text: "vil hun gå av", Unnamed: true, Speaker: "kilder", Cue: "Ifølge"}}},
	{name: "'overfor X' after the cue is the relay", lang: "nb",
		text: "Kari Holm bekrefter overfor VG at mannen er pågrepet.",
		want: []want{{Kind: claims.Indirect, Text: "mannen er pågrepet", Speaker: "Kari Holm", Cue: "bekrefter", Via: "VG"}}},
	{name: "a web address after 'til' is the relay", lang: "nb",
		text: "- Det kan jeg ikke kommentere, sier Maria Vike til smp.no.",
		want: []want{{Kind: claims.Direct, Text: "Det kan jeg ikke kommentere", Speaker: "Maria Vike", Cue: "sier", Via: "smp.no"}}},
	{name: "nb: a relay named once holds for the person's later words", lang: "nb",
		text: "- Materialet er funnet, sier Jonas Nerdal til NTB. Han bekrefter at mannen er pågrepet.",
		want: []want{{Kind: claims.Indirect, Text: "mannen er pågrepet", Speaker: "Jonas Nerdal", Cue: "bekrefter", Via: "NTB"}}},
	{name: "bare 'politiet' is an unnamed body, as the gold has it", lang: "nb",
		text: "Mannen er pågrepet, opplyser politiet.",
		want: []want{{Kind: claims.Indirect, Text: "Mannen er pågrepet", Speaker: "politiet", Unnamed: true, Cue: "opplyser"}}},
	{name: "cue bedyrer", lang: "nb",
		text: "Han bedyrer at vedtaket nesten ikke koster noe.",
		want: []want{{Kind: claims.Indirect, Text: "vedtaket nesten ikke koster noe", Cue: "bedyrer"}}},
	{name: "cue avslører", lang: "nb",
		text: "Kari Holm avslører at hun har sagt opp.",
		want: []want{{Kind: claims.Indirect, Text: "hun har sagt opp", Speaker: "Kari Holm", Cue: "avslører"}}},
	{name: "a narrator sentence naming the speaker ends an unattributed dash quotation", lang: "nb",
		text: "- Vi er glade, sier Kari Holm.\n- Jeg vil si takk. Vi er høyt verdsatt. Holm ble spurt om hva hun var stolt av.",
		want: []want{{Kind: claims.Direct, Text: "Jeg vil si takk. Vi er høyt verdsatt.", Speaker: "Kari Holm"}}},
	{name: "a sentence naming the speaker that says I stays in the quotation", lang: "nb",
		text: "- Vi er glade, sier Kari Holm.\n- Jeg vil si takk. Jeg heter Kari Holm.",
		want: []want{{Kind: claims.Direct, Text: "Jeg vil si takk. Jeg heter Kari Holm.", Speaker: "Kari Holm"}}},
	{name: "an unattributed dash paragraph before one attributed to a person is theirs", lang: "nb",
		text: "Bokseren må stå over stevnet.\n- Jeg har slitt med influensa i en uke.\n- Sparringen ble sendt hjem, forteller Kari Holm til NTB.",
		want: []want{{Kind: claims.Direct, Text: "Jeg har slitt med influensa i en uke.", Speaker: "Kari Holm", Via: "NTB"}}},
	{name: "an unattributed dash question before an answer is not the answerer's", lang: "nb",
		text: "Bokseren må stå over stevnet.\n- Har du vært syk?\n- Ja, i en uke, forteller Kari Holm.",
		want: []want{{Kind: claims.Direct, Text: "Har du vært syk?", SpeakerSet: true}}},
}

// TestExtractFreshConstructions checks the constructions of freshCases.
func TestExtractFreshConstructions(t *testing.T) {
	runConstructionCases(t, freshCases)
}
