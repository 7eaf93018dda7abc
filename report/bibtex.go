package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail/sources"
)

// BibLaTeX (for biber, and for pandoc's biblatex reader): a newspaper
// article is `@article` with `entrysubtype = {newspaper}` and the outlet as
// `journaltitle`; an article without a known outlet is `@online`. `date` is
// written as precisely as known (2025, 2025-06, 2025-06-03), `urldate` is the
// report's date, `langid` the babel/polyglossia language name biblatex has a
// localisation module for. Text is kept as UTF-8 (biber reads it); every
// character special to TeX is escaped. `url` is a verbatim field: it is
// written as is, except that braces, backslashes and white space, which
// would break the entry, are percent-encoded.

// bibLangIDs maps ISO 639-1 codes to biblatex language names (the names of
// its .lbx localisation modules). Norwegian Bokmål is "norsk" (pandoc reads
// it as nb-NO; "norwegian" it does not know), Nynorsk "nynorsk".
var bibLangIDs = map[string]string{
	"az": "azerbaijani", "bg": "bulgarian", "ca": "catalan", "cs": "czech",
	"da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
	"et": "estonian", "eu": "basque", "fa": "persian", "fi": "finnish", "fr": "french",
	"gl": "galician", "hr": "croatian", "hu": "hungarian", "is": "icelandic",
	"it": "italian", "lt": "lithuanian", "lv": "latvian", "mr": "marathi",
	"nb": "norsk", "nl": "dutch", "nn": "nynorsk", "no": "norsk", "pl": "polish",
	"pt": "portuguese", "ro": "romanian", "ru": "russian", "sk": "slovak",
	"sl": "slovene", "sr": "serbian", "sv": "swedish", "th": "thai", "tr": "turkish",
	"uk": "ukrainian",
}

// bibLangID returns the biblatex language name for an ISO 639-1 code
// (a region suffix such as "en-GB" is ignored), or "".
func bibLangID(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	return bibLangIDs[code]
}

// bibDate formats a date for biblatex's `date` (ISO 8601 with the known
// precision), or "" when unknown.
func bibDate(d sources.Date) string { return d.String() }

// texEscape makes s safe as the content of a brace-delimited BibLaTeX field:
// white space is flattened, the ten TeX specials are escaped (# $ % & _ { }
// as \#…, ~ ^ \ as text commands) and "--" is kept from becoming a dash
// ligature. Everything else, ø å « » included, stays as UTF-8.
func texEscape(s string) string {
	s = flatten(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	prevDash := false
	for _, r := range s {
		switch r {
		case '#', '$', '%', '&', '_', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '-':
			if prevDash {
				b.WriteString("{}")
			}
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
		prevDash = r == '-'
	}
	return b.String()
}

// bibURL makes a URL safe for the verbatim `url` field.
func bibURL(u string) string {
	u = strings.TrimSpace(u)
	var b strings.Builder
	for _, r := range u {
		switch {
		case r == '{' || r == '}' || r == '\\' || r == ' ' || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibField is one `name = {value}` line.
type bibField struct{ name, value string }

func bibEntry(r *report, a *article) (typ string, fields []bibField) {
	add := func(name, value string) {
		if value != "" {
			fields = append(fields, bibField{name, value})
		}
	}
	typ = "online"
	if cslType(&a.Article) == "article-newspaper" {
		typ = "article"
		add("entrysubtype", "newspaper")
	}
	// The title is set in an extra pair of braces: a headline is cited as
	// published, and neither biblatex styles nor pandoc may recase it
	// ("U.S." must not become "u.s.", nor "Russia" "russia").
	add("title", "{"+texEscape(titleOf(&a.Article))+"}")
	if typ == "article" {
		add("journaltitle", texEscape(a.Outlet))
	}
	add("date", bibDate(a.Published))
	add("url", bibURL(a.URL))
	add("urldate", sources.DayDate(r.in.Generated.UTC()).String())
	add("langid", bibLangID(a.Lang))
	add("note", texEscape(strings.Join(articleRemarks(a), " ")))
	var notes []string
	for _, s := range r.statementsOf(a.ID) {
		notes = append(notes, statementNote(s, a.Outlet))
	}
	for _, f := range r.findingsOf(a.ID) {
		notes = append(notes, findingNote(f))
	}
	add("addendum", texEscape(strings.Join(notes, "; ")))
	return typ, fields
}

func writeBibLaTeX(w io.Writer, r *report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "@comment{claimtrail citation report, generated %s. BibLaTeX, UTF-8; use with biber.}\n",
		r.in.Generated.UTC().Format("2006-01-02T15:04:05Z"))
	for _, a := range r.articles {
		typ, fields := bibEntry(r, a)
		width := 0
		for _, f := range fields {
			width = max(width, len(f.name))
		}
		fmt.Fprintf(&b, "\n@%s{%s,\n", typ, a.Key)
		for _, f := range fields {
			fmt.Fprintf(&b, "  %-*s = {%s},\n", width, f.name, f.value)
		}
		b.WriteString("}\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
