package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// ClaimReview export: one schema.org JSON-LD document whose @graph holds
//   - a Claim for each distinct statement (same speaker, same words once
//     case, punctuation and spacing are set aside), with `appearance`: every
//     article that states it as a CreativeWork (url, name, publisher,
//     datePublished with its precision, inLanguage, identifier = the
//     citation "A3:1204–1290"), `firstAppearance`: the earliest of them,
//     `author`: the speaker (Person or Organization; the outlet for its own
//     assertions; none for unnamed sources) and `text`;
//   - a ClaimReview for each claim of each finding: claimReviewed,
//     itemReviewed (a reference to the Claim), reviewAspect (the attribute
//     compared), reviewBody (the finding's explanation), about (the event),
//     citation (the other claims of the finding). claimtrail compares claims,
//     it does not rate them, so no reviewRating is invented.

type ldDoc struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldRef struct {
	ID string `json:"@id"`
}

type ldWork struct {
	Type          string   `json:"@type"`
	Name          string   `json:"name"`
	URL           string   `json:"url,omitempty"`
	Publisher     *ldThing `json:"publisher,omitempty"`
	DatePublished string   `json:"datePublished,omitempty"`
	InLanguage    string   `json:"inLanguage,omitempty"`
	Identifier    string   `json:"identifier"`

	sortKey Article // for firstAppearance; not written
}

type ldClaim struct {
	Type            string    `json:"@type"`
	ID              string    `json:"@id"`
	Text            string    `json:"text"`
	Description     string    `json:"description,omitempty"`
	InLanguage      string    `json:"inLanguage,omitempty"`
	Author          *ldThing  `json:"author,omitempty"`
	FirstAppearance *ldWork   `json:"firstAppearance,omitempty"`
	Appearance      []*ldWork `json:"appearance"`

	articles map[int64]bool
}

type ldReview struct {
	Type          string   `json:"@type"`
	ID            string   `json:"@id"`
	Name          string   `json:"name"`
	ClaimReviewed string   `json:"claimReviewed"`
	ItemReviewed  ldRef    `json:"itemReviewed"`
	ReviewAspect  string   `json:"reviewAspect,omitempty"`
	ReviewBody    string   `json:"reviewBody,omitempty"`
	About         *ldThing `json:"about,omitempty"`
	DatePublished string   `json:"datePublished"`
	Citation      []ldRef  `json:"citation,omitempty"`
}

// claimKey identifies a distinct claim: who said it and its words,
// case-folded, with punctuation and spacing set aside.
func claimKey(s claims.Statement) string {
	who := s.SpeakerID
	if who == "" {
		who = strings.ToLower(flatten(s.Speaker))
	}
	if s.Kind == claims.Assertion {
		who = "" // an outlet's own words; the same words elsewhere are the same claim
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s.Text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return who + "\x00" + b.String()
}

// claimGraph builds the claims and reviews of a report.
type claimGraph struct {
	r      *report
	claims []*ldClaim
	byKey  map[string]*ldClaim
}

// appearanceOf describes an article (or, for an article missing from the
// input, what a finding says of it) as a CreativeWork citing a span.
func (g *claimGraph) appearanceOf(id int64, fc *FindingClaim, start, end int) *ldWork {
	w := &ldWork{Type: "CreativeWork", Identifier: strings.Trim(cite(id, start, end), "[]")}
	if a := g.r.byID[id]; a != nil {
		w.Name = titleOf(&a.Article)
		w.URL = strings.TrimSpace(a.URL)
		if o := flatten(a.Outlet); o != "" {
			w.Publisher = &ldThing{Type: "Organization", Name: o}
		}
		w.DatePublished = a.Published.String()
		w.InLanguage = a.Lang
		w.sortKey = a.Article
		return w
	}
	w.Name = fmt.Sprintf("Article %d", id)
	w.sortKey = Article{ID: id}
	if fc != nil {
		if s := flatten(fc.Source); s != "" {
			w.Name = s
		}
		if o := flatten(fc.Outlet); o != "" {
			w.Publisher = &ldThing{Type: "Organization", Name: o}
		}
		if d, err := sources.ParseDate(fc.Published); err == nil {
			w.DatePublished = d.String()
			w.sortKey.Published = d
		}
		w.InLanguage = fc.Lang
	}
	return w
}

// add records that article id states s at its span, and returns the claim.
func (g *claimGraph) add(id int64, s claims.Statement, fc *FindingClaim) *ldClaim {
	key := claimKey(s)
	c := g.byKey[key]
	if c == nil {
		c = &ldClaim{Type: "Claim", ID: fmt.Sprintf("#claim-%d", len(g.claims)+1),
			Text: flatten(s.Text), InLanguage: s.Lang, articles: map[int64]bool{}}
		outlet := ""
		if a := g.r.byID[id]; a != nil {
			outlet = a.Outlet
			if c.InLanguage == "" {
				c.InLanguage = a.Lang
			}
		} else if fc != nil {
			outlet = fc.Outlet
		}
		c.Author = authorOf(s, outlet)
		c.Description = kindWord(s.Kind) + ", " + speakerLine(s, flatten(outlet))
		g.byKey[key] = c
		g.claims = append(g.claims, c)
	}
	if !c.articles[id] {
		c.articles[id] = true
		c.Appearance = append(c.Appearance, g.appearanceOf(id, fc, s.Start, s.End))
	}
	return c
}

// authorOf is the schema.org author of a statement: the speaker as a
// Person or Organization, the outlet for its own assertions, and nobody
// for unnamed sources or unknown speakers.
func authorOf(s claims.Statement, outlet string) *ldThing {
	if s.Kind == claims.Assertion {
		if o := flatten(outlet); o != "" {
			return &ldThing{Type: "Organization", Name: o}
		}
		return nil
	}
	name := flatten(s.Speaker)
	if name == "" || s.SpeakerKind == claims.SpeakerUnnamed {
		return nil
	}
	if s.SpeakerKind == claims.SpeakerOrganisation {
		return &ldThing{Type: "Organization", Name: name}
	}
	return &ldThing{Type: "Person", Name: name}
}

// statementFor finds the statement of article id whose span holds
// [start, end), preferring the shortest; ok is false when none does.
func (r *report) statementFor(id int64, start, end int) (claims.Statement, bool) {
	var best claims.Statement
	found := false
	for _, s := range r.statementsOf(id) {
		if s.Start <= start && end <= s.End && start < end {
			if !found || s.End-s.Start < best.End-best.Start {
				best, found = s.Statement, true
			}
		}
	}
	return best, found
}

func claimReviewDoc(r *report) ldDoc {
	g := &claimGraph{r: r, byKey: map[string]*ldClaim{}}
	for _, s := range r.stmts {
		g.add(s.Article, s.Statement, nil)
	}
	var reviews []*ldReview
	date := sources.DayDate(r.in.Generated.UTC()).String()
	for fi, f := range r.findings {
		sides := make([]*ldClaim, len(f.Claims))
		for i := range f.Claims {
			fc := &f.Claims[i]
			s, ok := r.statementFor(fc.Article, fc.Start, fc.End)
			if !ok {
				s = claims.Statement{Kind: claims.Direct, Text: fc.Text, Speaker: fc.Speaker,
					Lang: fc.Lang, Start: fc.Start, End: fc.End}
				if strings.TrimSpace(fc.Speaker) == "" {
					s.Kind = claims.Assertion
				}
			}
			sides[i] = g.add(fc.Article, s, fc)
		}
		for i, c := range sides {
			rv := &ldReview{Type: "ClaimReview", ID: fmt.Sprintf("#finding-%d-%d", fi+1, i+1),
				Name:          findingTitle(f),
				ClaimReviewed: c.Text,
				ItemReviewed:  ldRef{ID: c.ID},
				ReviewAspect:  flatten(f.Attribute),
				ReviewBody:    flatten(f.Explanation),
				DatePublished: date,
			}
			if s := flatten(f.Subject); s != "" {
				rv.About = &ldThing{Type: "Event", Name: s}
			}
			seen := map[string]bool{c.ID: true}
			for _, o := range sides {
				if !seen[o.ID] {
					seen[o.ID] = true
					rv.Citation = append(rv.Citation, ldRef{ID: o.ID})
				}
			}
			reviews = append(reviews, rv)
		}
	}
	doc := ldDoc{Context: "https://schema.org", Graph: []any{}}
	for _, c := range g.claims {
		first := c.Appearance[0]
		for _, w := range c.Appearance[1:] {
			if articleLess(&w.sortKey, &first.sortKey) {
				first = w
			}
		}
		c.FirstAppearance = first
		doc.Graph = append(doc.Graph, c)
	}
	for _, rv := range reviews {
		doc.Graph = append(doc.Graph, rv)
	}
	return doc
}

// findingTitle names a finding in a few words: "Conflict (medium
// severity): next_date — Russia–US talks, round 3".
func findingTitle(f Finding) string {
	k := flatten(f.Kind)
	if k == "" {
		k = "finding"
	}
	s := capitalize(k)
	if sev := flatten(f.Severity); sev != "" && f.Kind != "agreement" {
		s += " (" + sev + " severity)"
	}
	var parts []string
	if a := flatten(f.Attribute); a != "" {
		parts = append(parts, a)
	}
	if sub := flatten(f.Subject); sub != "" {
		parts = append(parts, sub)
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, " — ")
	}
	return s
}

func writeClaimReview(w io.Writer, r *report) error {
	return writeJSON(w, claimReviewDoc(r))
}
