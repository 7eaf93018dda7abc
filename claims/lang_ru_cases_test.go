package claims_test

import (
	"testing"

	"github.com/claimtrail/claimtrail/claims"
)

// ruPackCases are invented single sentences whose statements come from the
// Russian pack's data (claims/lang/ru) alone: verb forms, adverbial
// participles, "по словам" with a role noun in the genitive, a relay after
// "цитирует", places in oblique cases that are nobody's name, the gender of
// first names.
var ruPackCases = []constructionCase{
	{name: "ru: past tense of объявить", lang: "ru",
		text: "Иван Петров объявил, что переговоры продолжатся в пятницу.",
		want: []want{{Kind: claims.Indirect, Text: "переговоры продолжатся в пятницу", Speaker: "Иван Петров", Cue: "объявил"}}},
	{name: "ru: present plural of заявлять", lang: "ru",
		text: "Профсоюзы заявляют, что зарплаты не росли три года.",
		want: []want{{Kind: claims.Indirect, Text: "зарплаты не росли три года", Cue: "заявляют"}}},
	{name: "ru: adverbial participle continues the subject", lang: "ru",
		text: "Мэр Ольга Соколова выступила на совещании, заявив, что мост откроют к зиме.",
		want: []want{{Kind: claims.Indirect, Text: "мост откроют к зиме", Speaker: "Ольга Соколова", Cue: "заявив"}}},
	{name: "ru: по словам with a role noun in the genitive", lang: "ru",
		text: "По словам дипломата, стороны договорились о новой встрече.",
		want: []want{{Kind: claims.Indirect, Text: "стороны договорились о новой встрече", Cue: "По словам"}}},
	{name: "ru: цитирует names the relay", lang: "ru",
		text: "«Мы готовы продолжать диалог с партнёрами», — цитирует ТАСС Ивана Петрова.",
		want: []want{{Kind: claims.Direct, Text: "Мы готовы продолжать диалог с партнёрами", Cue: "цитирует", Via: "ТАСС"}}},
	{name: "ru: a city in the genitive is no antecedent of он", lang: "ru",
		// the role noun names nobody: no speaker rather than "Москвы"
		text: "Министр подтвердил готовность Москвы к диалогу. Однако он подчеркнул, что вопрос о границах решён.",
		want: []want{{Kind: claims.Indirect, Text: "вопрос о границах решён", Speaker: "", SpeakerSet: true, Cue: "подчеркнул"}}},
	{name: "ru: a female first name gives она its antecedent", lang: "ru",
		text: "В переговорах участвовала также Виктория Нуланд. Джефф Раттке заявил, что прорыва нет. При этом она отметила, что договорённость достигнута.",
		want: []want{{Kind: claims.Indirect, Text: "договорённость достигнута", Speaker: "Виктория Нуланд", Cue: "отметила"}}},
	{name: "ru: a sentence-initial connective is no part of a name", lang: "ru",
		text: "Однако Сергей Лавров заявил, что переговоры продолжатся.",
		want: []want{{Kind: claims.Indirect, Text: "переговоры продолжатся", Speaker: "Сергей Лавров", Cue: "заявил"}}},
}

func TestRussianPackConstructions(t *testing.T) {
	runConstructionCases(t, ruPackCases)
}

// nestedSameMarkCases: a quotation with a quoted name inside it in the same
// marks, as Russian (and Norwegian) press writes them: the inner closing
// mark does not end the quotation, unless no closer for the outer follows.
var nestedSameMarkCases = []constructionCase{
	{name: "ru: «…«…»…» is one quotation", lang: "ru",
		text: "«Мы продали акции «Роснефти» ещё в прошлом году», — сказал Иван Петров.",
		want: []want{{Kind: claims.Direct, Text: "Мы продали акции «Роснефти» ещё в прошлом году", Speaker: "Иван Петров", Cue: "сказал"}}},
	{name: "nb: «…«…»…» is one quotation", lang: "nb",
		text: "«Vi solgte aksjene i «Statoil» allerede i fjor», sier Kari Nordmann.",
		want: []want{{Kind: claims.Direct, Text: "Vi solgte aksjene i «Statoil» allerede i fjor", Speaker: "Kari Nordmann", Cue: "sier"}}},
	{name: "ru: an inner opener without its closer does not nest", lang: "ru",
		text: "«Мы продали акции «Роснефти ещё в прошлом году», — сказал Иван Петров.",
		want: []want{{Kind: claims.Direct, Text: "Мы продали акции «Роснефти ещё в прошлом году", Speaker: "Иван Петров", Cue: "сказал"}}},
}

func TestNestedSameMarkQuotations(t *testing.T) {
	runConstructionCases(t, nestedSameMarkCases)
}
