// Package report writes citation reports of articles, their statements and
// the findings between them: CSL-JSON, BibLaTeX, RIS, schema.org ClaimReview
// JSON-LD, a Markdown memo and one self-contained HTML page with a timeline.
//
// It is pure: values in, bytes out. It knows nothing of databases or command
// lines; the caller loads and filters the data and passes it in an Input.
// Every output is deterministic for a given Input (the clock is injected as
// Input.Generated) so that it can be compared with golden files.
package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// Input is everything a report is made of.
type Input struct {
	// Generated is when the report was made (an injected clock, so tests
	// are deterministic). It is also the access date of every citation.
	Generated  time.Time
	Articles   []Article
	Statements []Statement
	// Findings may be empty (no findings engine, or none found).
	Findings []Finding
	// Filters describes in words the filters the caller applied, for the
	// header ("outlet RT, since 2025-01-01"); "" means none.
	Filters string
}

// Article is one stored article as a report cites it.
type Article struct {
	ID              int64
	Source          string // path as given, "PATH#N", "-", or the URL
	URL             string
	Outlet          string // canonical short name, "" when unknown
	Lang            string // ISO 639-1
	Title           string
	Published       sources.Date
	DateInferred    bool // Published was read from the body text
	IngestedAt      time.Time
	Version         int
	StateAffiliated bool
}

// Statement is one statement of an article; Start/End are byte offsets into
// that article's stored text.
type Statement struct {
	Article int64
	claims.Statement
}

// Finding is an agreement, conflict or update between claims of several
// articles (SPEC.md, Findings).
type Finding struct {
	Kind        string // agreement|conflict|update
	Attribute   string // count, date, next_date, place, ...
	Subject     string // the event compared, in words
	Severity    string // high|medium|low
	Explanation string // one sentence a person can read
	Claims      []FindingClaim
}

// FindingClaim is one side of a finding: what one article states.
type FindingClaim struct {
	Article   int64
	Source    string
	Outlet    string
	Lang      string
	Published string // YYYY, YYYY-MM or YYYY-MM-DD, "" when unknown
	Speaker   string
	Text      string
	Value     string // normalised value, always a string
	Vague     bool
	Start     int
	End       int
}

// Formats lists the report formats Write accepts, in the order SPEC.md
// gives them.
var Formats = []string{"csl-json", "bibtex", "ris", "claimreview", "md", "html"}

// Write writes the report of in to w in the given format (one of Formats).
func Write(w io.Writer, format string, in Input) error {
	r := newReport(in)
	var err error
	switch format {
	case "csl-json":
		err = writeCSL(w, r)
	case "bibtex":
		err = writeBibLaTeX(w, r)
	case "ris":
		err = writeRIS(w, r)
	case "claimreview":
		err = writeClaimReview(w, r)
	case "md":
		err = writeMarkdown(w, r)
	case "html":
		err = writeHTML(w, r)
	default:
		return fmt.Errorf("report: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", format, err)
	}
	return nil
}

// report is the Input sorted and indexed once for all writers.
type report struct {
	in       Input
	articles []*article         // sorted by publication date, then ID
	byID     map[int64]*article // every article of the input
	stmts    []Statement        // sorted by article order, then Start
	byArt    map[int64][]int    // indexes into stmts per article
	orderOf  map[int64]int      // position of an article in articles
	findings []Finding          // conflicts, updates, agreements; by severity
	// findingsByArt indexes findings per article they cite.
	findingsByArt map[int64][]int
	speakers      []*speakerGroup // quotations grouped by speaker
}

// article is an Article with what the writers derive from it.
type article struct {
	Article
	Key   string // citation key, unique in the report
	Label string // "A3"
}

// speakerGroup is the quotations (direct and indirect statements) of one
// speaker.
type speakerGroup struct {
	Name  string // "" for quotations without a speaker
	ID    string
	Kind  claims.SpeakerKind
	Stmts []Statement
}

func newReport(in Input) *report {
	r := &report{in: in, byID: map[int64]*article{}, byArt: map[int64][]int{},
		orderOf: map[int64]int{}}
	for _, a := range in.Articles {
		if _, dup := r.byID[a.ID]; dup {
			continue
		}
		x := &article{Article: a, Label: "A" + strconv.FormatInt(a.ID, 10)}
		r.byID[a.ID] = x
		r.articles = append(r.articles, x)
	}
	sort.SliceStable(r.articles, func(i, j int) bool {
		return articleLess(&r.articles[i].Article, &r.articles[j].Article)
	})
	for i, a := range r.articles {
		r.orderOf[a.ID] = i
	}
	assignKeys(r.articles)

	r.stmts = append([]Statement(nil), in.Statements...)
	sort.SliceStable(r.stmts, func(i, j int) bool {
		a, b := r.stmts[i], r.stmts[j]
		oa, oka := r.orderOf[a.Article]
		ob, okb := r.orderOf[b.Article]
		if oka != okb {
			return oka
		}
		if oa != ob {
			return oa < ob
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	for i, s := range r.stmts {
		r.byArt[s.Article] = append(r.byArt[s.Article], i)
	}
	r.speakers = groupSpeakers(r.stmts)

	r.findings = append([]Finding(nil), in.Findings...)
	sort.SliceStable(r.findings, func(i, j int) bool {
		a, b := r.findings[i], r.findings[j]
		if ka, kb := kindRank(a.Kind), kindRank(b.Kind); ka != kb {
			return ka < kb
		}
		if sa, sb := severityRank(a.Severity), severityRank(b.Severity); sa != sb {
			return sa < sb
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Attribute < b.Attribute
	})
	r.findingsByArt = map[int64][]int{}
	for i, f := range r.findings {
		for j, c := range f.Claims {
			dup := false
			for _, d := range f.Claims[:j] {
				dup = dup || d.Article == c.Article
			}
			if !dup {
				r.findingsByArt[c.Article] = append(r.findingsByArt[c.Article], i)
			}
		}
	}
	return r
}

// articleLess orders articles by the first day their date may stand for
// (unknown dates last), then by the less precise date first, then by ID.
func articleLess(a, b *Article) bool {
	fa, _, oka := a.Published.Interval()
	fb, _, okb := b.Published.Interval()
	if oka != okb {
		return oka
	}
	if oka && !fa.Equal(fb) {
		return fa.Before(fb)
	}
	if pa, pb := precRank(a.Published.Precision), precRank(b.Published.Precision); pa != pb {
		return pa < pb
	}
	return a.ID < b.ID
}

func precRank(p sources.Precision) int {
	switch p {
	case sources.PrecYear:
		return 0
	case sources.PrecMonth:
		return 1
	case sources.PrecDay:
		return 2
	}
	return 3
}

func kindRank(k string) int {
	switch k {
	case "conflict":
		return 0
	case "update":
		return 1
	case "agreement":
		return 2
	}
	return 3
}

func severityRank(s string) int {
	switch s {
	case "high":
		return 0
	case "medium":
		return 1
	case "low":
		return 2
	}
	return 3
}

// groupSpeakers groups quotations (direct and indirect statements) by
// speaker: named speakers by how many quotations they have, then by name;
// quotations without a speaker last. A speaker is recognised by SpeakerID
// when there is one, so "Lavrov" and "Sergey Lavrov" stay one group, named
// by its longest form.
func groupSpeakers(stmts []Statement) []*speakerGroup {
	groups := map[string]*speakerGroup{}
	var order []string
	for _, s := range stmts {
		if s.Kind == claims.Assertion {
			continue
		}
		key := s.SpeakerID
		if key == "" {
			key = "name:" + strings.ToLower(strings.TrimSpace(s.Speaker))
		}
		if strings.TrimSpace(s.Speaker) == "" && s.SpeakerID == "" {
			key = ""
		}
		g := groups[key]
		if g == nil {
			g = &speakerGroup{ID: s.SpeakerID, Kind: s.SpeakerKind}
			groups[key] = g
			order = append(order, key)
		}
		if n := strings.TrimSpace(s.Speaker); len(n) > len(g.Name) {
			g.Name = n
		}
		if g.Kind == "" {
			g.Kind = s.SpeakerKind
		}
		g.Stmts = append(g.Stmts, s)
	}
	out := make([]*speakerGroup, 0, len(order))
	for _, k := range order {
		out = append(out, groups[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Name == "") != (b.Name == "") {
			return b.Name == ""
		}
		if len(a.Stmts) != len(b.Stmts) {
			return len(a.Stmts) > len(b.Stmts)
		}
		return a.Name < b.Name
	})
	return out
}

// statementsOf returns the statements of an article in text order.
func (r *report) statementsOf(id int64) []Statement {
	idx := r.byArt[id]
	out := make([]Statement, len(idx))
	for i, k := range idx {
		out[i] = r.stmts[k]
	}
	return out
}

// cite returns the citation of a byte span of an article: "[A3:1204–1290]".
func cite(articleID int64, start, end int) string {
	return fmt.Sprintf("[A%d:%d–%d]", articleID, start, end)
}

// dateWithPrecision formats a date for people: "2025-06 (month)",
// "2025-02-26 (day, inferred)", "unknown".
func dateWithPrecision(d sources.Date, inferred bool) string {
	if !d.Known() {
		return "unknown"
	}
	s := d.String() + " (" + string(d.Precision)
	if inferred {
		s += ", inferred"
	}
	return s + ")"
}

// flatten turns every run of white space (newlines, tabs, line and
// paragraph separators) into one space and trims the ends: a report line
// must not break where the article text did.
func flatten(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00a0', '\u2028', '\u2029':
			space = true
			continue
		}
		if r < 0x20 || r == 0x7f {
			// Other control characters never belong in a citation.
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// titleOf returns the article's title, or its source when it has none.
func titleOf(a *Article) string {
	if t := flatten(a.Title); t != "" {
		return t
	}
	if s := flatten(a.Source); s != "" {
		return s
	}
	return fmt.Sprintf("Article %d", a.ID)
}

// speakerLine describes who said a statement and how: "Sergey Lavrov
// (told, via Sputnik)". Assertions are the outlet's own.
func speakerLine(s claims.Statement, outlet string) string {
	who := flatten(s.Speaker)
	if s.Kind == claims.Assertion {
		if outlet != "" {
			return outlet + " (own assertion)"
		}
		return "the outlet (own assertion)"
	}
	if who == "" {
		who = "unattributed"
	}
	var how []string
	if c := flatten(s.Cue); c != "" {
		how = append(how, c)
	}
	if v := flatten(s.Via); v != "" {
		how = append(how, "via "+v)
	}
	if len(how) > 0 {
		who += " (" + strings.Join(how, ", ") + ")"
	}
	return who
}

// kindWord names a statement kind for people.
func kindWord(k claims.Kind) string {
	switch k {
	case claims.Direct:
		return "quotation"
	case claims.Indirect:
		return "reported speech"
	case claims.Assertion:
		return "assertion"
	}
	return string(k)
}

// statementNote is one line describing a statement for citation notes:
// `[A3:1204–1290] quotation, Sergey Lavrov (said): “…”`.
func statementNote(s Statement, outlet string) string {
	return fmt.Sprintf("%s %s, %s: “%s”", cite(s.Article, s.Start, s.End), kindWord(s.Kind),
		speakerLine(s.Statement, outlet), flatten(s.Text))
}

// findingsOf returns the findings that cite an article, in report order.
func (r *report) findingsOf(id int64) []Finding {
	idx := r.findingsByArt[id]
	out := make([]Finding, len(idx))
	for i, k := range idx {
		out[i] = r.findings[k]
	}
	return out
}

// findingNote is one line describing a finding for citation notes:
// its title, explanation and the citations of its claims.
func findingNote(f Finding) string {
	s := findingTitle(f)
	if e := flatten(f.Explanation); e != "" {
		s += ". " + e
	}
	var cs []string
	for _, c := range f.Claims {
		cs = append(cs, cite(c.Article, c.Start, c.End))
	}
	if len(cs) > 0 {
		s += " " + strings.Join(cs, " ")
	}
	return s
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
