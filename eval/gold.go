package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Split names of the quotation gold: dev may be read while writing rules,
// heldout is for measuring only, check holds the second annotator's files
// used for inter-annotator agreement.
const (
	SplitDev     = "dev"
	SplitHeldout = "heldout"
	SplitCheck   = "check"
	SplitAll     = "all"
)

// GoldStatement is one annotated quotation (testdata/gold/README.md).
type GoldStatement struct {
	Kind    string `json:"kind"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	Cue     string `json:"cue"`
	Via     string `json:"via"`
	Partial bool   `json:"partial"`
	Note    string `json:"note,omitempty"`
}

// GoldQuotes is one annotated article: every quotation in it.
type GoldQuotes struct {
	File       string          `json:"file"`
	Lang       string          `json:"lang"`
	Annotator  string          `json:"annotator"`
	Statements []GoldStatement `json:"statements"`

	// Path is the gold file it was read from; Split its folder name.
	Path  string `json:"-"`
	Split string `json:"-"`
}

// LoadQuotes reads every quotes/<split>/*.json under goldDir for the given
// splits, sorted by split then path. A missing split folder is empty, not
// an error; a malformed file is an error naming it.
func LoadQuotes(goldDir string, splits ...string) ([]GoldQuotes, error) {
	var out []GoldQuotes
	for _, split := range splits {
		dir := filepath.Join(goldDir, "quotes", split)
		paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("load gold %s: %w", dir, err)
		}
		sort.Strings(paths)
		for _, p := range paths {
			g, err := readQuotes(p)
			if err != nil {
				return nil, err
			}
			g.Split = split
			out = append(out, g)
		}
	}
	return out, nil
}

func readQuotes(path string) (GoldQuotes, error) {
	var g GoldQuotes
	data, err := os.ReadFile(path)
	if err != nil {
		return g, fmt.Errorf("read gold %s: %w", path, err)
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return g, fmt.Errorf("gold %s: malformed JSON: %w", path, err)
	}
	g.Path = path
	if g.File == "" {
		return g, fmt.Errorf("gold %s: no \"file\"", path)
	}
	for i, s := range g.Statements {
		if s.Kind != "direct" && s.Kind != "indirect" {
			return g, fmt.Errorf("gold %s: statement %d: kind %q, want direct or indirect", path, i, s.Kind)
		}
		if s.Start < 0 || s.End <= s.Start {
			return g, fmt.Errorf("gold %s: statement %d: bad span %d..%d", path, i, s.Start, s.End)
		}
	}
	return g, nil
}

// CheckSpans verifies every statement of g against the article's bytes:
// inside the file, on UTF-8 character boundaries. The error names the gold
// file, the statement and the file length.
func CheckSpans(g GoldQuotes, text []byte) error {
	for i, s := range g.Statements {
		if s.End > len(text) {
			return fmt.Errorf("gold %s: statement %d: span %d..%d outside %s (%d bytes)",
				g.Path, i, s.Start, s.End, g.File, len(text))
		}
		if !boundary(text, s.Start) || !boundary(text, s.End) {
			return fmt.Errorf("gold %s: statement %d: span %d..%d cuts a UTF-8 character of %s",
				g.Path, i, s.Start, s.End, g.File)
		}
	}
	return nil
}

func boundary(b []byte, i int) bool {
	return i == len(b) || utf8.RuneStart(b[i])
}

// MetaRow is one line of meta.tsv; an empty field is not asserted, except
// that "-" asserts an empty value (no outlet).
type MetaRow struct {
	File      string
	Outlet    string
	Lang      string
	Date      string
	Precision string
	Title     string
	Line      int
}

// LoadMeta reads goldDir/meta.tsv. A missing file gives no rows.
func LoadMeta(goldDir string) ([]MetaRow, error) {
	path := filepath.Join(goldDir, "meta.tsv")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows []MetaRow
	var cols map[string]int
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, f := range fields {
				cols[strings.TrimSpace(f)] = i
			}
			if _, ok := cols["file"]; !ok {
				return nil, fmt.Errorf("gold %s:%d: header has no \"file\" column", path, line)
			}
			continue
		}
		get := func(name string) string {
			i, ok := cols[name]
			if !ok || i >= len(fields) {
				return ""
			}
			return strings.TrimSpace(fields[i])
		}
		r := MetaRow{File: get("file"), Outlet: get("outlet"), Lang: get("lang"), Date: get("date"),
			Precision: get("precision"), Title: get("title"), Line: line}
		if r.File == "" {
			return nil, fmt.Errorf("gold %s:%d: empty file name", path, line)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	return rows, nil
}

// FindingClaim locates one side of an expected finding.
type FindingClaim struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ExpectedFinding is a finding the story should produce. Kind may list
// alternatives separated by "|".
type ExpectedFinding struct {
	Kind      string         `json:"kind"`
	Attribute string         `json:"attribute"`
	Claims    []FindingClaim `json:"claims"`
	Note      string         `json:"note,omitempty"`
}

// NotExpected is a finding the story must not produce: one of the kinds
// between claims of the listed files (all of them when Files is empty).
type NotExpected struct {
	Kind      string   `json:"kind"`
	Attribute string   `json:"attribute,omitempty"`
	Files     []string `json:"files"`
	Note      string   `json:"note,omitempty"`
}

// Story is one multi-source story of findings/*.json.
type Story struct {
	Story       string            `json:"story"`
	Files       []string          `json:"files"`
	Expected    []ExpectedFinding `json:"expected"`
	NotExpected []NotExpected     `json:"not_expected"`
	Note        string            `json:"note,omitempty"`

	Path string `json:"-"`
}

// LoadStories reads goldDir/findings/*.json sorted by path.
func LoadStories(goldDir string) ([]Story, error) {
	paths, err := filepath.Glob(filepath.Join(goldDir, "findings", "*.json"))
	if err != nil {
		return nil, fmt.Errorf("load gold findings: %w", err)
	}
	sort.Strings(paths)
	var out []Story
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read gold %s: %w", p, err)
		}
		var s Story
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("gold %s: malformed JSON: %w", p, err)
		}
		s.Path = p
		if len(s.Files) == 0 {
			return nil, fmt.Errorf("gold %s: no \"files\"", p)
		}
		listed := map[string]bool{}
		for _, f := range s.Files {
			listed[f] = true
		}
		for i, e := range s.Expected {
			if e.Kind == "" || e.Attribute == "" || len(e.Claims) == 0 {
				return nil, fmt.Errorf("gold %s: expected %d: needs kind, attribute and claims", p, i)
			}
			for _, c := range e.Claims {
				if !listed[c.File] {
					return nil, fmt.Errorf("gold %s: expected %d: file %s is not in \"files\"", p, i, c.File)
				}
				if c.Start < 0 || c.End <= c.Start {
					return nil, fmt.Errorf("gold %s: expected %d: bad span %d..%d", p, i, c.Start, c.End)
				}
			}
		}
		out = append(out, s)
	}
	return out, nil
}
