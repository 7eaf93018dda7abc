package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// The golden tests run on the five sample articles with statements and
// findings written here by hand: real spans of the seed texts (found with
// strings.Index, so every Start/End is checked against the text), speakers
// and cues as a careful reader gives them, and the findings the findings
// issue expects on these articles. They do not come from claims.Extract,
// so the golden files change only when the report code does.

// seedDir holds the sample articles (copies of ../shared/seeds).
const seedDir = "../testdata/articles"

// generated is the injected clock of every test report.
var generated = time.Date(2026, 1, 15, 9, 30, 0, 0, time.UTC)

// seedText reads the sample article whose file name starts with prefix.
func seedText(t *testing.T, prefix string) (name, text string) {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(seedDir, prefix+"_*.txt"))
	if err != nil || len(m) != 1 {
		t.Fatalf("seed %s: want one file in %s, got %v (%v)", prefix, seedDir, m, err)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return "testdata/articles/" + filepath.Base(m[0]), string(b)
}

// fixture builds statements of one article from quoted stretches of its text.
type fixture struct {
	t    *testing.T
	id   int64
	lang string
	text string
}

// span returns the byte span of the n-th (0-based) occurrence of quote.
func (f fixture) span(quote string, n int) (int, int) {
	f.t.Helper()
	from := 0
	for i := 0; ; i++ {
		k := strings.Index(f.text[from:], quote)
		if k < 0 {
			f.t.Fatalf("article %d: %q (occurrence %d) not in the text", f.id, quote, n)
		}
		if i == n {
			return from + k, from + k + len(quote)
		}
		from += k + len(quote)
	}
}

// st makes a statement of kind k whose text is quote (its first
// occurrence), said by speaker through cue (and via, when relayed).
func (f fixture) st(k claims.Kind, quote, speaker, cue, via string) Statement {
	f.t.Helper()
	s, e := f.span(quote, 0)
	st := claims.Statement{Kind: k, Text: f.text[s:e], Speaker: speaker, Cue: cue, Via: via,
		Lang: f.lang, Start: s, End: e, Rule: "fixture", Confidence: 1}
	if speaker != "" {
		st.SpeakerID = strings.ToLower(strings.ReplaceAll(speaker, " ", "-"))
		st.SpeakerKind = claims.SpeakerPerson
	}
	return Statement{Article: f.id, Statement: st}
}

// claim makes one side of a finding from a stretch of an article.
func (f fixture) claim(a Article, quote, speaker, value string, vague bool) FindingClaim {
	f.t.Helper()
	s, e := f.span(quote, 0)
	return FindingClaim{Article: a.ID, Source: a.Source, Outlet: a.Outlet, Lang: a.Lang,
		Published: a.Published.String(), Speaker: speaker, Text: f.text[s:e], Value: value,
		Vague: vague, Start: s, End: e}
}

func mustDate(t *testing.T, s string) sources.Date {
	t.Helper()
	d, err := sources.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// seedInput is the report input of the five sample articles.
func seedInput(t *testing.T) Input {
	t.Helper()
	const lavrov, darchiev = "Sergey Lavrov", "Alexander Darchiev"
	ingested := time.Date(2026, 1, 14, 12, 0, 0, 0, time.UTC)
	var in Input
	in.Generated = generated
	fx := map[string]fixture{}
	arts := map[string]Article{}
	add := func(prefix string, id int64, outlet, lang, date string, inferred, state bool, title string) {
		src, text := seedText(t, prefix)
		a := Article{ID: id, Source: src, Outlet: outlet, Lang: lang, Title: title,
			Published: mustDate(t, date), DateInferred: inferred, IngestedAt: ingested,
			Version: 1, StateAffiliated: state}
		in.Articles = append(in.Articles, a)
		arts[prefix] = a
		fx[prefix] = fixture{t: t, id: id, lang: lang, text: text}
	}
	add("000", 1, "MENAFN", "en", "2025-09-28", false, false,
		"Russia, U.S. Agree to Hold Third Diplomatic Talks This Fall")
	add("001", 2, "Sputnik", "en", "2025-11-09", false, true,
		"Russia–US Dialog on Bilateral Issues Ongoing, Though Not As Quickly As Desirable - Lavrov")
	add("002", 3, "RT", "en", "2025-02-26", true, true,
		"Lavrov announces new round of Russia-US talks")
	add("003", 4, "", "en", "2025-02-19", false, false,
		"Top Russian and US diplomats met in Saudi Arabia on Tuesday to explore ways to restore diplomatic ties, lay the groundwork for a summit between Russian President Vladimir Putin and his US counterpart, Donald Trump, and advance efforts toward resolving the Ukraine conflict.")
	add("004", 5, "", "nb", "2025-06", false, false,
		"Russlands ambassadør i USA har kunngjort at en ny runde med samtaler mellom de to landene vil finne sted i Moskva.")

	a0, a1, a2, a3, a4 := fx["000"], fx["001"], fx["002"], fx["003"], fx["004"]
	in.Statements = []Statement{
		a0.st(claims.Indirect, "Russia and the United States have agreed to a third round of discussions this autumn focused on embassy operations, visa issues, and diplomatic property", lavrov, "announced", ""),
		a0.st(claims.Direct, "Our dialogue on visas, the functioning of embassies, this (Russian diplomatic property confiscated in the US), and other aspects of the day-to-day functioning of our diplomatic missions is ongoing.", lavrov, "told", ""),
		a0.st(claims.Direct, "We’ve already had two rounds, and (US Secretary of State) Marco Rubio and I agreed to hold a third this fall,", lavrov, "stated", "a Russian state-run news agency"),
		a0.st(claims.Direct, "We (with the US) have an absolutely unified position.", lavrov, "declaring", ""),

		a1.st(claims.Direct, "There are many irritants in Russian-US relations, which we inherited from the previous US administration. It will take a long time to remove the obstacles. With the arrival of the new administration, we sensed its willingness to resume dialogue. It is ongoing, but not as quickly as we would like,", lavrov, "said", "Sputnik"),
		a1.st(claims.Indirect, "There were two rounds of talks in the spring, where a number of agreements were reached to improve the operating conditions of diplomatic missions", lavrov, "said", "Sputnik"),
		a1.st(claims.Direct, "We believe that ending the conflict is impossible without taking Russian interests into account and eradicating its root causes,", lavrov, "said", "Sputnik"),

		a2.st(claims.Indirect, "the meeting will take place in Istanbul, Türkiye, on February 27 and will focus on normalizing the work of both countries’ embassies", lavrov, "specifying", ""),
		a2.st(claims.Direct, "quickly and effectively we can move forward,", lavrov, "added", ""),
		a2.st(claims.Indirect, "Moscow has put forward a candidate but has yet to receive Washington’s approval", "Maria Zakharova", "told", "RIA Novosti"),
		a2.st(claims.Assertion, "The development comes on the heels of high-level Russia-US talks in Saudi Arabia on February 18, where both nations agreed to work towards ending the Ukraine conflict and improving diplomatic and economic ties.", "", "", ""),

		a3.st(claims.Assertion, "Top Russian and US diplomats met in Saudi Arabia on Tuesday to explore ways to restore diplomatic ties", "", "", ""),
		a3.st(claims.Direct, "I believe the discussions were highly productive,", lavrov, "said", ""),
		a3.st(claims.Direct, "when national interests coincide, efforts must be united and implemented", lavrov, "according to", ""),
		a3.st(claims.Direct, "mutually beneficial projects", lavrov, "according to", ""),
		a3.st(claims.Direct, "Our deputies will soon meet to discuss the removal of these artificial barriers and ensure the smooth functioning of embassies and consulates in both countries,", lavrov, "added", ""),

		a4.st(claims.Direct, "foreløpig", darchiev, "sa", "TASS"),
		a4.st(claims.Direct, "Jeg har allerede nevnt at gjenopprettelsen av russisk-amerikanske forhold fortsatt er langt unna, og prosessen hindres ikke bare av motstandere av Det hvite hus, legemliggjort av 'den dype staten', men også av 'hauker' i Kongressen, hvor det eksisterer en vedvarende anti-russisk lobby,", darchiev, "sa", "TASS"),
		a4.st(claims.Assertion, "Konsultasjoner som tar sikte på å normalisere driften av russiske og amerikanske ambassader og adressere hindringer i bilaterale forhold, fant sted i Istanbul 27. februar og 10. april.", "", "", ""),
		a4.st(claims.Direct, "Jeg kan bekrefte at neste forhandlingsrunde mellom delegasjonene vil finne sted i svært nær fremtid i Moskva.", darchiev, "", "TASS"),
		a4.st(claims.Indirect, "understreket Moskva prioriteten av å raskt gjenopprette russisk diplomatisk eiendom som ble konfiskert i USA", darchiev, "Ifølge", "TASS"),
	}
	in.Statements[9].SpeakerID = "maria-zakharova"
	// Partial quotations inside reported speech.
	for _, i := range []int{8, 13, 14, 16} {
		in.Statements[i].Partial = true
	}

	menafn, sputnik, rt, x003, x004 := arts["000"], arts["001"], arts["002"], arts["003"], arts["004"]
	in.Findings = []Finding{
		{Kind: "agreement", Attribute: "count", Subject: "Russia–US talks on embassy operations, rounds held", Severity: "low",
			Explanation: "MENAFN (2025-09-28), Sputnik (2025-11-09) and the Norwegian article (2025-06) agree that two rounds had been held.",
			Claims: []FindingClaim{
				a0.claim(menafn, "We’ve already had two rounds", lavrov, "2", false),
				a1.claim(sputnik, "There were two rounds of talks in the spring", lavrov, "2", false),
				a4.claim(x004, "fant sted i Istanbul 27. februar og 10. april", "", "2", false),
			}},
		{Kind: "agreement", Attribute: "date", Subject: "Russia–US meeting in Istanbul", Severity: "low",
			Explanation: "RT (2025-02-26) announces the Istanbul meeting for February 27 and the Norwegian article (2025-06) reports it as held on 27 February.",
			Claims: []FindingClaim{
				a2.claim(rt, "the meeting will take place in Istanbul, Türkiye, on February 27", lavrov, "2025-02-27", false),
				a4.claim(x004, "fant sted i Istanbul 27. februar", "", "2025-02-27", false),
			}},
		{Kind: "agreement", Attribute: "date", Subject: "Russia–US talks in Riyadh", Severity: "low",
			Explanation: "RT (2025-02-26) dates the Riyadh talks February 18; the article of 2025-02-19 says they met on Tuesday, 18 February.",
			Claims: []FindingClaim{
				a2.claim(rt, "talks in Saudi Arabia on February 18", "", "2025-02-18", false),
				a3.claim(x003, "met in Saudi Arabia on Tuesday", "", "2025-02-18", false),
			}},
		{Kind: "conflict", Attribute: "date", Subject: "Russia–US talks, round 1", Severity: "low",
			Explanation: "Sputnik (2025-11-09) places both rounds in the spring; RT (2025-02-26) and the Norwegian article (2025-06) date the first round 27 February, which is not spring.",
			Claims: []FindingClaim{
				a1.claim(sputnik, "There were two rounds of talks in the spring", lavrov, "2025-03-01/2025-05-31", false),
				a2.claim(rt, "on February 27", lavrov, "2025-02-27", false),
				a4.claim(x004, "27. februar", "", "2025-02-27", false),
			}},
		{Kind: "update", Attribute: "next_date", Subject: "Russia–US talks, round 3", Severity: "medium",
			Explanation: "In June the Norwegian article expects the next round «i svært nær fremtid» in Moscow; MENAFN (2025-09-28) says the third round will be held this fall.",
			Claims: []FindingClaim{
				a4.claim(x004, "Jeg kan bekrefte at neste forhandlingsrunde mellom delegasjonene vil finne sted i svært nær fremtid i Moskva.", darchiev, "2025-06-01/2025-07-31", true),
				a0.claim(menafn, "Marco Rubio and I agreed to hold a third this fall", lavrov, "2025-09-01/2025-11-30", false),
			}},
	}
	return in
}
