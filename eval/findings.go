package eval

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// FindingsEval holds the findings figures: recall of the expected
// findings of each multi-source story, false conflicts (produced conflicts
// that match no expected conflict) and violations of not_expected entries.
type FindingsEval struct {
	Stories        []StoryEval `json:"stories"`
	Expected       int         `json:"expected"`
	Found          int         `json:"found"`
	Recall         Ratio       `json:"recall"`
	Produced       int         `json:"produced"`
	Conflicts      int         `json:"conflicts"`
	FalseConflicts int         `json:"false_conflicts"`
	Violations     int         `json:"not_expected_violations"`
	// Skipped says why the section was not evaluated ("" when it was).
	Skipped string `json:"skipped,omitempty"`
}

// StoryEval holds the figures of one story.
type StoryEval struct {
	Story          string `json:"story"`
	Gold           string `json:"gold"`
	Files          int    `json:"files"`
	Expected       int    `json:"expected"`
	Found          int    `json:"found"`
	Recall         Ratio  `json:"recall"`
	Produced       int    `json:"produced"`
	Conflicts      int    `json:"conflicts"`
	FalseConflicts int    `json:"false_conflicts"`
	Violations     int    `json:"not_expected_violations"`
	// Skipped names why the story was not evaluated (corpus absent).
	Skipped string `json:"skipped,omitempty"`
}

// kinds splits "conflict|update" into its alternatives.
func kinds(s string) []string {
	var out []string
	for _, k := range strings.Split(s, "|") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, strings.ToLower(k))
		}
	}
	return out
}

func hasKind(alts string, kind string) bool {
	for _, k := range kinds(alts) {
		if k == strings.ToLower(kind) {
			return true
		}
	}
	return false
}

// side is one claim of a produced finding, located in a story file.
type side struct {
	file  string
	span  sources.Span // the statement's span
	fact  sources.Span // the fact's words, zero when not given
	value string
}

// overlaps reports whether either span of the claim overlaps want.
func (s side) overlaps(want sources.Span) bool {
	return s.span.Overlaps(want) || (s.fact.End > s.fact.Start && s.fact.Overlaps(want))
}

// produced is a finding with its claims located in the story's files.
type produced struct {
	f     claims.Finding
	sides []side
}

// covers reports whether a produced finding matches an expected one: kind
// among the alternatives, same attribute, and every expected claim
// overlapped by one of its claims in the same file.
func covers(p produced, e ExpectedFinding) bool {
	if !hasKind(e.Kind, p.f.Kind) || !strings.EqualFold(p.f.Attribute, e.Attribute) {
		return false
	}
	for _, c := range e.Claims {
		want := sources.Span{Start: c.Start, End: c.End}
		ok := false
		for _, s := range p.sides {
			if s.file == c.File && s.overlaps(want) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// violates reports whether a produced finding is one the story says must
// not appear: a listed kind (and attribute, when given) between claims of
// at least two different listed files.
func violates(p produced, n NotExpected, storyFiles []string) bool {
	if !hasKind(n.Kind, p.f.Kind) {
		return false
	}
	if n.Attribute != "" && !strings.EqualFold(n.Attribute, p.f.Attribute) {
		return false
	}
	listed := n.Files
	if len(listed) == 0 {
		listed = storyFiles
	}
	in := map[string]bool{}
	for _, f := range listed {
		in[f] = true
	}
	seen := map[string]bool{}
	for _, s := range p.sides {
		if in[s.file] {
			seen[s.file] = true
		}
	}
	return len(seen) >= 2
}

// storyClaims runs Facts over each story article and builds the claims
// Compare reads, with article ids = index into the story's files.
func (e *evaluator) storyClaims(files []string) ([]claims.Claim, string) {
	var out []claims.Claim
	for i, name := range files {
		r, ok := e.article(name)
		if !ok {
			return nil, e.files.Missing(name)
		}
		if r.err != nil {
			continue
		}
		for _, f := range e.p.Facts(r.doc, r.stmts) {
			c := claims.Claim{Article: int64(i), Source: name, Outlet: r.art.Outlet, Lang: r.art.Lang,
				Published: r.art.Published, Fact: f}
			if f.Statement >= 0 && f.Statement < len(r.stmts) {
				st := r.stmts[f.Statement]
				c.Speaker, c.StatementText, c.StatementStart, c.StatementEnd = st.Speaker, st.Text, st.Start, st.End
			}
			out = append(out, c)
		}
	}
	return out, ""
}

// findings evaluates the expected findings of the multi-source stories.
func (e *evaluator) findings(ctx context.Context, stories []Story) error {
	fe := &FindingsEval{}
	e.rep.Findings = fe
	fmt.Fprintln(e.w)
	if len(stories) == 0 {
		fe.Skipped = "no stories in findings/"
		fmt.Fprintln(e.w, "== Findings: no stories in findings/")
		return nil
	}
	if e.p.Facts == nil || e.p.Compare == nil {
		fe.Skipped = "the pipeline has no facts or compare stage"
		fmt.Fprintf(e.w, "== Findings: skipped %d stories: %s\n", len(stories), fe.Skipped)
		return nil
	}
	var detail []string
	for _, st := range stories {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Held-out stories ("heldout-*.json") are for measuring only: their
		// misses are listed under the same rule as held-out quotations.
		split := SplitDev
		if strings.HasPrefix(filepath.Base(st.Path), "heldout-") {
			split = SplitHeldout
		}
		verbose := e.showDetail(split)
		se := StoryEval{Story: st.Story, Gold: st.Path, Files: len(st.Files), Expected: len(st.Expected)}
		cs, missing := e.storyClaims(st.Files)
		if missing != "" {
			se.Skipped = missing
			fe.Stories = append(fe.Stories, se)
			continue
		}
		var prods []produced
		for _, f := range e.p.Compare(cs) {
			p := produced{f: f}
			for _, c := range f.Claims {
				if c.Article < 0 || int(c.Article) >= len(st.Files) {
					continue
				}
				p.sides = append(p.sides, side{file: st.Files[c.Article], span: sources.Span{Start: c.Start, End: c.End},
					fact: sources.Span{Start: c.FactStart, End: c.FactEnd}, value: c.Value})
			}
			prods = append(prods, p)
		}
		se.Produced = len(prods)
		for i, x := range st.Expected {
			hit := false
			for _, p := range prods {
				if covers(p, x) {
					hit = true
					break
				}
			}
			if hit {
				se.Found++
			} else if verbose {
				detail = append(detail, fmt.Sprintf("MISSED\t%s\texpected %d: %s %s\t%s\t%s", st.Path, i, x.Kind, x.Attribute, claimPlaces(x.Claims), x.Note))
			}
		}
		for _, p := range prods {
			if strings.ToLower(p.f.Kind) == "conflict" {
				se.Conflicts++
				expected := false
				for _, x := range st.Expected {
					if hasKind(x.Kind, "conflict") && covers(p, x) {
						expected = true
						break
					}
				}
				if !expected {
					se.FalseConflicts++
					if verbose {
						detail = append(detail, fmt.Sprintf("FALSE CONFLICT\t%s\t%s\t%s\t%s", st.Path, p.f.Attribute, sidePlaces(p.sides), oneLine(p.f.Explanation)))
					}
				}
			}
			for _, n := range st.NotExpected {
				if violates(p, n, st.Files) {
					se.Violations++
					if verbose {
						detail = append(detail, fmt.Sprintf("NOT EXPECTED\t%s\t%s %s\t%s\t%s", st.Path, p.f.Kind, p.f.Attribute, sidePlaces(p.sides), n.Note))
					}
					break
				}
			}
		}
		se.Recall = ratio(se.Found, se.Expected)
		fe.Stories = append(fe.Stories, se)
		fe.Expected += se.Expected
		fe.Found += se.Found
		fe.Produced += se.Produced
		fe.Conflicts += se.Conflicts
		fe.FalseConflicts += se.FalseConflicts
		fe.Violations += se.Violations
	}
	fe.Recall = ratio(fe.Found, fe.Expected)
	fmt.Fprintf(e.w, "== Findings (%d stories; recall of expected findings, false conflicts, not_expected violations)\n", len(stories))
	printStories(e.w, fe)
	printDetail(e.w, detail)
	return nil
}

// checkStorySpans verifies the expected claims' offsets against the loaded
// files; an offset outside a file is an error naming the story's gold file.
func checkStorySpans(st Story, files *Files) error {
	for i, x := range st.Expected {
		for _, c := range x.Claims {
			b, ok := files.Get(c.File)
			if !ok {
				continue
			}
			if c.End > len(b) {
				return fmt.Errorf("gold %s: expected %d: span %d..%d outside %s (%d bytes)", st.Path, i, c.Start, c.End, c.File, len(b))
			}
		}
	}
	return nil
}

func claimPlaces(cs []FindingClaim) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s:%d..%d", c.File, c.Start, c.End)
	}
	return strings.Join(parts, " ")
}

func sidePlaces(ss []side) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = fmt.Sprintf("%s:%d..%d=%s", s.file, s.span.Start, s.span.End, s.value)
	}
	return strings.Join(parts, " ")
}

func printStories(w io.Writer, fe *FindingsEval) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "story\tfiles\texpected\tfound\trecall%\tproduced\tconflicts\tfalse conflicts\tnot_expected\tabout")
	for _, s := range fe.Stories {
		name := strings.TrimSuffix(filepath.Base(s.Gold), ".json")
		if s.Skipped != "" {
			fmt.Fprintf(tw, "%s\t%d\t%d\t-\t-\t-\t-\t-\t-\t(skipped: %s)\n", name, s.Files, s.Expected, s.Skipped)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%d\t%s\n", name, s.Files, s.Expected, s.Found, pct(s.Recall),
			s.Produced, s.Conflicts, s.FalseConflicts, s.Violations, short(s.Story, 60))
	}
	fmt.Fprintf(tw, "overall\t\t%d\t%d\t%s\t%d\t%d\t%d\t%d\n", fe.Expected, fe.Found, pct(fe.Recall), fe.Produced,
		fe.Conflicts, fe.FalseConflicts, fe.Violations)
	tw.Flush()
}

// short cuts s to at most n runes, marking the cut.
func short(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
