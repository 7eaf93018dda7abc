package report

import (
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail/claims"
)

// memo is what the Markdown memo and the HTML page show, computed once:
// plain (unescaped) strings; each writer escapes for its own syntax.
type memo struct {
	Generated  string // "2026-01-15 09:30 UTC"
	Filters    string
	Summary    string // "5 articles from 4 outlets in 2 languages · …"
	Sources    []memoSource
	Conflicts  []memoFinding // conflicts, then updates
	Agreements []memoFinding
	Speakers   []memoSpeaker
	Assertions []memoArticle
	Undated    []string // labels of articles without a known date
	Counts     memoCounts
}

type memoCounts struct {
	Articles, Outlets, Languages, Quotations, Assertions, Speakers int
	Conflicts, Updates, Agreements                                 int
}

type memoSource struct {
	Label, Key, Outlet, Lang, Date, Precision, Title, Source, URL string
	Inferred, StateAffiliated                                     bool
	Statements                                                    int
}

type memoFinding struct {
	N                                                int
	Title, Kind, Severity, Attribute, Subject, About string
	Explanation                                      string
	Claims                                           []memoEvidence
}

type memoEvidence struct {
	Cite, Label, Outlet, Published, Speaker, Text, Value, Lang string
	Vague                                                      bool
}

type memoSpeaker struct {
	Name, Kind, Anchor string
	Quotes             []memoQuote
}

type memoQuote struct {
	Kind, Text, How, Cite, Label, Outlet, Date, Lang string
	Verbatim                                         bool // a direct quotation: shown in quotation marks
}

type memoArticle struct {
	Label, Outlet, Date, Title string
	Items                      []memoQuote
}

func buildMemo(r *report) memo {
	m := memo{
		Generated: r.in.Generated.UTC().Format("2006-01-02 15:04 UTC"),
		Filters:   flatten(r.in.Filters),
	}
	if m.Filters == "" {
		m.Filters = "none (all stored articles)"
	}
	outlets, langs := map[string]bool{}, map[string]bool{}
	for _, a := range r.articles {
		if a.Outlet != "" {
			outlets[a.Outlet] = true
		}
		if a.Lang != "" {
			langs[a.Lang] = true
		}
		if !a.Published.Known() {
			m.Undated = append(m.Undated, a.Label)
		}
		m.Sources = append(m.Sources, memoSource{
			Label: a.Label, Key: a.Key, Outlet: flatten(a.Outlet), Lang: flatten(a.Lang),
			Date: a.Published.String(), Precision: string(a.Published.PrecisionOrUnknown()),
			Title: titleOf(&a.Article), Source: flatten(a.Source), URL: strings.TrimSpace(a.URL),
			Inferred: a.DateInferred && a.Published.Known(), StateAffiliated: a.StateAffiliated,
			Statements: len(r.byArt[a.ID]),
		})
	}
	m.Counts.Articles, m.Counts.Outlets, m.Counts.Languages = len(r.articles), len(outlets), len(langs)

	for i, f := range r.findings {
		mf := memoFinding{N: i + 1, Title: findingTitle(f), Kind: flatten(f.Kind),
			Severity: flatten(f.Severity), Attribute: flatten(f.Attribute),
			Subject: flatten(f.Subject), Explanation: flatten(f.Explanation)}
		for _, c := range f.Claims {
			mf.Claims = append(mf.Claims, r.evidence(c))
		}
		switch f.Kind {
		case "agreement":
			m.Agreements = append(m.Agreements, mf)
			m.Counts.Agreements++
		case "update":
			m.Conflicts = append(m.Conflicts, mf)
			m.Counts.Updates++
		default:
			m.Conflicts = append(m.Conflicts, mf)
			m.Counts.Conflicts++
		}
	}

	for i, g := range r.speakers {
		ms := memoSpeaker{Name: g.Name, Kind: string(g.Kind), Anchor: fmt.Sprintf("speaker-%d", i+1)}
		if ms.Name == "" {
			ms.Name = "Without a known speaker"
		} else {
			m.Counts.Speakers++
		}
		for _, s := range g.Stmts {
			ms.Quotes = append(ms.Quotes, r.quote(s))
			m.Counts.Quotations++
		}
		m.Speakers = append(m.Speakers, ms)
	}

	for _, a := range r.articles {
		ma := memoArticle{Label: a.Label, Outlet: flatten(a.Outlet),
			Date: dateWithPrecision(a.Published, a.DateInferred), Title: titleOf(&a.Article)}
		for _, s := range r.statementsOf(a.ID) {
			if s.Kind == claims.Assertion {
				ma.Items = append(ma.Items, r.quote(s))
				m.Counts.Assertions++
			}
		}
		if len(ma.Items) > 0 {
			m.Assertions = append(m.Assertions, ma)
		}
	}

	m.Summary = fmt.Sprintf("%s from %s in %s · %s by %s · %s · %s, %s, %s",
		plural(m.Counts.Articles, "article"), plural(m.Counts.Outlets, "outlet"),
		plural(m.Counts.Languages, "language"), plural(m.Counts.Quotations, "quotation"),
		plural(m.Counts.Speakers, "named speaker"), plural(m.Counts.Assertions, "assertion"),
		plural(m.Counts.Conflicts, "conflict"), plural(m.Counts.Updates, "update"),
		plural(m.Counts.Agreements, "agreement"))
	return m
}

// noun is word, in the plural unless n is 1 ("1 conflict", "3 conflicts").
func noun(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// evidence describes one side of a finding, filling what the claim leaves
// out from its article.
func (r *report) evidence(c FindingClaim) memoEvidence {
	e := memoEvidence{Cite: cite(c.Article, c.Start, c.End), Label: fmt.Sprintf("A%d", c.Article),
		Outlet: flatten(c.Outlet), Published: flatten(c.Published), Speaker: flatten(c.Speaker),
		Text: flatten(c.Text), Value: flatten(c.Value), Lang: flatten(c.Lang), Vague: c.Vague}
	if a := r.byID[c.Article]; a != nil {
		if e.Outlet == "" {
			e.Outlet = flatten(a.Outlet)
		}
		if e.Published == "" {
			e.Published = a.Published.String()
		}
		if e.Lang == "" {
			e.Lang = a.Lang
		}
	}
	return e
}

// quote describes a statement for the memo.
func (r *report) quote(s Statement) memoQuote {
	q := memoQuote{Kind: kindWord(s.Kind), Text: flatten(s.Text), Cite: cite(s.Article, s.Start, s.End),
		Label: fmt.Sprintf("A%d", s.Article), Lang: s.Lang, Verbatim: s.Kind == claims.Direct}
	var how []string
	if s.Partial {
		how = append(how, "partial")
	}
	if c := flatten(s.Cue); c != "" {
		how = append(how, c)
	}
	if v := flatten(s.Via); v != "" {
		how = append(how, "via "+v)
	}
	q.How = strings.Join(how, ", ")
	if a := r.byID[s.Article]; a != nil {
		q.Outlet = flatten(a.Outlet)
		q.Date = a.Published.String()
		if q.Lang == "" {
			q.Lang = a.Lang
		}
	}
	return q
}
