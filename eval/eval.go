// Package eval measures claimtrail against the hand-written gold of
// testdata/gold (format in testdata/gold/README.md): quotations with their
// speakers, cues and media per split, language and kind; agreement between
// two annotators; article metadata; and expected findings of multi-source
// stories. It runs the pipeline in memory, reads corpus texts at run time
// and never stores them.
package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// Pipeline is the part of claimtrail under test, passed in so that eval
// imports no reader or detector itself.
type Pipeline struct {
	// Read reads one file's bytes into articles (sources.Read with
	// language detection bound); the first article is evaluated.
	Read func(source string, data []byte) ([]sources.Article, []error)
	// Extract finds the statements of a document.
	Extract func(claims.Doc) ([]claims.Statement, []claims.Diagnostic)
	// Facts normalises the facts of a document's statements; nil skips
	// the findings evaluation.
	Facts func(claims.Doc, []claims.Statement) []claims.Fact
	// Compare finds agreements, conflicts and updates among claims; nil
	// skips the findings evaluation.
	Compare func([]claims.Claim) []claims.Finding
}

// Options says what to evaluate.
type Options struct {
	GoldDir   string // testdata/gold
	CorpusDir string // $CORPUS, default ../shared/corpus
	// RepoDir is where `testdata/...` file names are resolved; empty means
	// two levels above GoldDir when it ends in testdata/gold, else ".".
	RepoDir string
	Split   string // dev, heldout or all ("" = all)
	// Verbose lists every missed and spurious quotation, wrong speaker and
	// wrong metadata field, with the text read from the article. Held-out
	// quotations are listed only when Split is "heldout".
	Verbose bool
}

// Report holds every figure Run prints, for `--format json`.
type Report struct {
	Corpus    string        `json:"corpus"`
	Splits    []string      `json:"splits"`
	Skipped   []SkippedSet  `json:"skipped,omitempty"`
	Warnings  []string      `json:"warnings,omitempty"`
	Quotes    []QuoteRow    `json:"quotes"`
	Agreement []QuoteRow    `json:"agreement"`
	Meta      []MetaField   `json:"meta"`
	Findings  *FindingsEval `json:"findings,omitempty"`
}

// SkippedSet is a group of gold files left out for one reason.
type SkippedSet struct {
	Reason string   `json:"reason"`
	Files  []string `json:"files"`
}

// Run evaluates pipeline p against the gold of o.GoldDir, prints one plain
// table per section to w, and returns the figures. Gold that is malformed
// or points outside its article is an error naming the gold file; corpus
// files that cannot be read because the corpus is absent are skipped and
// said so.
func Run(ctx context.Context, p Pipeline, o Options, w io.Writer) (*Report, error) {
	if p.Read == nil || p.Extract == nil {
		return nil, errors.New("eval: pipeline needs Read and Extract")
	}
	if o.GoldDir == "" {
		return nil, errors.New("eval: no gold folder given")
	}
	splits, err := splitsOf(o.Split)
	if err != nil {
		return nil, err
	}
	if o.RepoDir == "" {
		o.RepoDir = repoOf(o.GoldDir)
	}
	quotes, err := LoadQuotes(o.GoldDir, splits...)
	if err != nil {
		return nil, err
	}
	checks, err := LoadQuotes(o.GoldDir, SplitCheck)
	if err != nil {
		return nil, err
	}
	meta, err := LoadMeta(o.GoldDir)
	if err != nil {
		return nil, err
	}
	stories, err := LoadStories(o.GoldDir)
	if err != nil {
		return nil, err
	}

	// Which gold file names each article, to name it in errors.
	owner := map[string]string{}
	note := func(file, gold string) {
		if _, ok := owner[file]; !ok {
			owner[file] = gold
		}
	}
	for _, g := range append(append([]GoldQuotes{}, quotes...), checks...) {
		note(g.File, g.Path)
	}
	for _, m := range meta {
		note(m.File, fmt.Sprintf("%s:%d", filepath.Join(o.GoldDir, "meta.tsv"), m.Line))
	}
	for _, s := range stories {
		for _, f := range s.Files {
			note(f, s.Path)
		}
	}
	names := make([]string, 0, len(owner))
	for n := range owner {
		names = append(names, n)
	}
	sort.Strings(names)
	files := &Files{RepoDir: o.RepoDir, CorpusDir: o.CorpusDir}
	if err := files.Load(names); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	for _, n := range names {
		if files.NotFound(n) {
			return nil, fmt.Errorf("gold %s: file %s not found", owner[n], n)
		}
	}
	for _, g := range append(append([]GoldQuotes{}, quotes...), checks...) {
		if b, ok := files.Get(g.File); ok {
			if err := CheckSpans(g, b); err != nil {
				return nil, err
			}
		}
	}

	for _, st := range stories {
		if err := checkStorySpans(st, files); err != nil {
			return nil, err
		}
	}

	rep := &Report{Corpus: o.CorpusDir, Splits: splits}
	skipped := files.Skipped()
	reasons := make([]string, 0, len(skipped))
	for r := range skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	fmt.Fprintf(w, "claimtrail eval: gold %s, corpus %s, splits %s\n", o.GoldDir, o.CorpusDir, strings.Join(splits, ","))
	for _, r := range reasons {
		rep.Skipped = append(rep.Skipped, SkippedSet{Reason: r, Files: skipped[r]})
		fmt.Fprintf(w, "skipped %d corpus files: %s\n", len(skipped[r]), r)
	}

	e := &evaluator{p: p, o: o, files: files, w: w, rep: rep, arts: map[string]*artResult{}}
	if err := e.quotes(ctx, quotes); err != nil {
		return rep, err
	}
	if err := e.agreement(ctx, quotes, checks); err != nil {
		return rep, err
	}
	if err := e.meta(ctx, meta); err != nil {
		return rep, err
	}
	if err := e.findings(ctx, stories); err != nil {
		return rep, err
	}
	for _, m := range rep.Warnings {
		fmt.Fprintf(w, "warning: %s\n", m)
	}
	return rep, nil
}

func splitsOf(s string) ([]string, error) {
	switch s {
	case "", SplitAll:
		return []string{SplitDev, SplitHeldout}, nil
	case SplitDev, SplitHeldout:
		return []string{s}, nil
	}
	return nil, fmt.Errorf("eval: split %q: want dev, heldout or all", s)
}

// repoOf guesses the repository root from the gold folder.
func repoOf(gold string) string {
	clean := filepath.Clean(gold)
	if filepath.Base(clean) == "gold" && filepath.Base(filepath.Dir(clean)) == "testdata" {
		return filepath.Dir(filepath.Dir(clean))
	}
	return "."
}

// evaluator carries one Run's state.
type evaluator struct {
	p     Pipeline
	o     Options
	files *Files
	w     io.Writer
	rep   *Report
	arts  map[string]*artResult // pipeline output per gold file name

	heldoutNoted bool
}

// artResult is what the pipeline made of one file.
type artResult struct {
	art   sources.Article
	doc   claims.Doc
	stmts []claims.Statement
	err   error
}

// article runs Read and Extract on a file once and caches the result.
// ok is false when the file is missing (corpus absent).
func (e *evaluator) article(name string) (*artResult, bool) {
	if r, ok := e.arts[name]; ok {
		return r, true
	}
	data, ok := e.files.Get(name)
	if !ok {
		return nil, false
	}
	r := &artResult{}
	arts, errs := e.p.Read(name, data)
	switch {
	case len(arts) == 0:
		r.err = errors.Join(errs...)
		if r.err == nil {
			r.err = errors.New("no article read")
		}
		e.warn("read %s: %v", name, r.err)
	default:
		r.art = arts[0]
		r.doc = claims.DocOf(r.art)
		r.stmts, _ = e.p.Extract(r.doc)
	}
	e.arts[name] = r
	return r, true
}

func (e *evaluator) warn(format string, args ...any) {
	e.rep.Warnings = append(e.rep.Warnings, fmt.Sprintf(format, args...))
}

// Ratio is a share in [0,1], or null in JSON when its denominator is 0.
type Ratio = *float64

func ratio(num, den int) Ratio {
	if den == 0 {
		return nil
	}
	v := float64(num) / float64(den)
	return &v
}

func f1(p, r Ratio) Ratio {
	if p == nil || r == nil {
		return nil
	}
	if *p+*r == 0 {
		v := 0.0
		return &v
	}
	v := 2 * *p * *r / (*p + *r)
	return &v
}

// pct formats a ratio as a percentage with one decimal, "-" when undefined.
func pct(r Ratio) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", 100**r)
}

// oneLine shortens text for a verbose listing: newlines folded, long
// texts cut in the middle.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:100]) + " … " + string(r[len(r)-50:])
	}
	return s
}
