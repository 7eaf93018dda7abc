package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// factFiles are the data files of the facts stage: per language numbers,
// dates and event words, plus one gazetteer shared by all languages. They
// use the grammar of the extraction files (see the package comment).
//
//go:embed */numbers.txt */dates.txt */events.txt gazetteer.txt
var factFiles embed.FS

// FactPack is the facts data of one language: the sections of its
// numbers.txt, dates.txt and events.txt, merged.
type FactPack struct {
	Code     string
	Sections map[string][]Entry
}

// Entries returns the entries of a section (nil when absent or p is nil).
func (p *FactPack) Entries(section string) []Entry {
	if p == nil {
		return nil
	}
	return p.Sections[section]
}

var (
	factOnce  sync.Once
	factPacks map[string]*FactPack
	gazetteer map[string][]Entry
	factErr   error
)

func loadFacts() {
	factPacks = map[string]*FactPack{}
	dirs, err := fs.ReadDir(factFiles, ".")
	if err != nil {
		factErr = fmt.Errorf("lang: read embedded facts data: %w", err)
		return
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		p := &FactPack{Code: d.Name(), Sections: map[string][]Entry{}}
		for _, name := range []string{"numbers.txt", "dates.txt", "events.txt"} {
			file := d.Name() + "/" + name
			b, err := factFiles.ReadFile(file)
			if err != nil {
				continue // a language may lack a file; its facts stay fewer
			}
			if err := parseFacts(p.Sections, string(b)); err != nil {
				factErr = fmt.Errorf("lang: parse %s: %w", file, err)
				return
			}
		}
		factPacks[p.Code] = p
	}
	b, err := factFiles.ReadFile("gazetteer.txt")
	if err != nil {
		factErr = fmt.Errorf("lang: read gazetteer: %w", err)
		return
	}
	gazetteer = map[string][]Entry{}
	if err := parseFacts(gazetteer, string(b)); err != nil {
		factErr = fmt.Errorf("lang: parse gazetteer.txt: %w", err)
	}
}

// parseFacts adds the sections of one file to secs. The grammar is the one
// of the package comment; the first " | " splits text from flags, so flags
// may hold "|" themselves.
func parseFacts(secs map[string][]Entry, src string) error {
	section := ""
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			if _, ok := secs[section]; !ok {
				secs[section] = nil
			}
			continue
		}
		if section == "" {
			return fmt.Errorf("line %d: entry before any [section]", n+1)
		}
		e := Entry{Text: line}
		if i := strings.Index(line, " | "); i >= 0 {
			e.Text = strings.TrimSpace(line[:i])
			e.Flags = strings.Fields(line[i+3:])
		}
		secs[section] = append(secs[section], e)
	}
	return nil
}

// Facts returns the facts data of a language code, with the fallbacks of
// Get ("no" and "nn" read "nb"). ok is false when the language has none.
func Facts(code string) (p *FactPack, ok bool) {
	factOnce.Do(loadFacts)
	if factErr != nil {
		return nil, false
	}
	p, ok = factPacks[packCode(code)]
	return p, ok
}

// FactCodes lists the languages that have facts data, sorted.
func FactCodes() []string {
	factOnce.Do(loadFacts)
	out := make([]string, 0, len(factPacks))
	for c := range factPacks {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Gazetteer returns the sections of the shared gazetteer ([country],
// [city], [region], [org]).
func Gazetteer() map[string][]Entry {
	factOnce.Do(loadFacts)
	return gazetteer
}

// FactsErr reports a malformed facts data file; nil when all loaded.
func FactsErr() error {
	factOnce.Do(loadFacts)
	return factErr
}
