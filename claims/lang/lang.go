// Package lang holds the per-language data that quotation extraction reads:
// quotation marks, reporting (cue) verbs, pronouns, role nouns, titles,
// unnamed-source words, media names and sentence rules. The data lives in
// plain-text files under one folder per ISO 639-1 code (en/, nb/, ru/ …),
// embedded into the binary; adding a language is adding a folder.
//
// File grammar (every file):
//
//	file    = { line "\n" }
//	line    = comment | section | entry | blank
//	comment = "#" { any }                 (whole line only)
//	section = "[" name "]"
//	entry   = text [ "|" flags ]          (flags: space-separated words)
//
// Entries belong to the section above them; text and flags are trimmed.
// A section may appear in several files of one language (entries append).
// The facts engineer's files in the same folders (numbers.*, dates.*,
// events.*) are not read here.
package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// files are the extraction data files this package owns, per language.
//
//go:embed */quotes.txt */cues.txt */speakers.txt */sentences.txt */media.txt
var files embed.FS

// Entry is one data line: its text and optional flags.
type Entry struct {
	Text  string
	Flags []string
}

// Has reports whether the entry carries flag f.
func (e Entry) Has(f string) bool {
	for _, x := range e.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// Pack is the extraction data of one language: named sections of entries.
type Pack struct {
	Code     string
	Sections map[string][]Entry
}

// Entries returns the entries of a section (nil when absent).
func (p *Pack) Entries(section string) []Entry {
	if p == nil {
		return nil
	}
	return p.Sections[section]
}

// Words returns the entry texts of a section.
func (p *Pack) Words(section string) []string {
	es := p.Entries(section)
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Text
	}
	return out
}

var (
	loadOnce sync.Once
	packs    map[string]*Pack
	loadErr  error
)

func loadAll() {
	packs = map[string]*Pack{}
	dirs, err := fs.ReadDir(files, ".")
	if err != nil {
		loadErr = fmt.Errorf("lang: read embedded data: %w", err)
		return
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		p := &Pack{Code: d.Name(), Sections: map[string][]Entry{}}
		ents, err := fs.ReadDir(files, d.Name())
		if err != nil {
			loadErr = fmt.Errorf("lang: read %s: %w", d.Name(), err)
			return
		}
		for _, f := range ents {
			name := path.Join(d.Name(), f.Name())
			b, err := files.ReadFile(name)
			if err != nil {
				loadErr = fmt.Errorf("lang: read %s: %w", name, err)
				return
			}
			if err := parse(p, string(b)); err != nil {
				loadErr = fmt.Errorf("lang: parse %s: %w", name, err)
				return
			}
		}
		packs[p.Code] = p
	}
}

// parse adds the sections of one file to p.
func parse(p *Pack, src string) error {
	section := ""
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		if section == "" {
			return fmt.Errorf("line %d: entry before any [section]", n+1)
		}
		e := Entry{Text: line}
		if i := strings.LastIndex(line, " | "); i >= 0 {
			e.Text = strings.TrimSpace(line[:i])
			e.Flags = strings.Fields(line[i+3:])
		}
		p.Sections[section] = append(p.Sections[section], e)
	}
	return nil
}

// Get returns the pack of a language code ("en", "nb", "ru"). Codes are
// matched case-insensitively; "no" and "nn" fall back to "nb". ok is false
// when no pack exists for the code.
func Get(code string) (p *Pack, ok bool) {
	loadOnce.Do(loadAll)
	if loadErr != nil {
		return nil, false
	}
	p, ok = packs[packCode(code)]
	return p, ok
}

// packCode is the code whose data serves a language code: the primary
// subtag, lower-cased ("en-GB" -> "en"), with Norwegian ("no", "nn")
// served by "nb".
func packCode(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	switch code {
	case "no", "nn":
		return "nb"
	}
	return code
}

// Err reports a problem with the embedded data (a malformed file); nil when
// every pack loaded. Tests call it; Get returns no pack when it is non-nil.
func Err() error {
	loadOnce.Do(loadAll)
	return loadErr
}

// Codes lists the languages that have a pack, sorted.
func Codes() []string {
	loadOnce.Do(loadAll)
	out := make([]string, 0, len(packs))
	for c := range packs {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
