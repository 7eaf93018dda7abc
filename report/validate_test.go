package report

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
)

// Validation per format: each output is checked against the rules of its
// format (not against a golden file), on the sample articles and on the
// hostile input of escape_test.go.

// validationInputs are the inputs every validator runs on: the hand-made
// seed fixture, hostile text, and what the real pipeline extracts.
func validationInputs(t *testing.T) map[string]Input {
	return map[string]Input{"seeds": seedInput(t), "hostile": hostileInput(t), "extracted": extractedInput(t)}
}

// ---- CSL-JSON ----

// cslFieldType is the JSON type a CSL variable takes.
type cslFieldType int

const (
	cslString   cslFieldType = iota // "type": "string"
	cslStrNum                       // "type": ["string", "number"]
	cslDateVar                      // "$ref": "#/definitions/date-variable"
	cslNames                        // array of name-variable
	cslStrArray                     // array of strings
	cslObject                       // "type": "object"
	cslTypeEnum                     // the item type
)

// cslSchema is the item property list of citation-style-language/schema,
// schemas/input/csl-data.json (CSL 1.0.2), with each property's type; the
// schema allows no other property (additionalProperties: false).
var cslSchema = func() map[string]cslFieldType {
	m := map[string]cslFieldType{"type": cslTypeEnum, "id": cslStrNum, "categories": cslStrArray, "custom": cslObject}
	for _, f := range strings.Fields(`author chair collection-editor compiler composer container-author
		contributor curator director editor editorial-director executive-producer interviewer illustrator
		organizer original-author performer producer recipient reviewed-author translator`) {
		m[f] = cslNames
	}
	for _, f := range strings.Fields(`accessed available-date container event-date issued original-date submitted`) {
		m[f] = cslDateVar
	}
	for _, f := range strings.Fields(`language journalAbbreviation shortTitle abstract annote archive
		archive_collection archive_location archive-place authority call-number citation-label
		collection-title container-title container-title-short dimensions division DOI event event-place
		genre ISAN ISBN ISCI ISMN ISRC ISSN ISWC jurisdiction keyword medium note original-publisher
		original-publisher-place original-title part-title PMCID PMID publisher publisher-place references
		reviewed-title scale section source status title title-short translated-title
		translated-title-short URL version year-suffix`) {
		m[f] = cslString
	}
	for _, f := range strings.Fields(`chapter-number citation-number collection-number edition
		first-reference-note-number issue locator number number-of-pages number-of-volumes page page-first
		part printing supplement volume`) {
		m[f] = cslStrNum
	}
	return m
}()

// cslTypes is the schema's enum of item types.
var cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book
	broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia figure
	graphic hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet
	paper-conference patent performance periodical personal_communication post post-weblog regulation
	report review review-book software song speech standard thesis treaty webpage`)

// checkCSLValue returns what is wrong with value v of a variable of type ft.
func checkCSLValue(ft cslFieldType, v any) string {
	isStrNum := func(x any) bool {
		switch x.(type) {
		case string, float64:
			return true
		}
		return false
	}
	switch ft {
	case cslString:
		if _, ok := v.(string); !ok {
			return "want a string"
		}
	case cslStrNum:
		if !isStrNum(v) {
			return "want a string or a number"
		}
	case cslTypeEnum:
		s, _ := v.(string)
		for _, t := range cslTypes {
			if s == t {
				return ""
			}
		}
		return fmt.Sprintf("type %v not in the schema's enum", v)
	case cslObject:
		if _, ok := v.(map[string]any); !ok {
			return "want an object"
		}
	case cslStrArray:
		a, ok := v.([]any)
		if !ok {
			return "want an array"
		}
		for _, x := range a {
			if _, ok := x.(string); !ok {
				return "want strings in the array"
			}
		}
	case cslNames:
		a, ok := v.([]any)
		if !ok {
			return "want an array of names"
		}
		allowed := " family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering literal parse-names "
		for _, x := range a {
			n, ok := x.(map[string]any)
			if !ok {
				return "want name objects"
			}
			for k := range n {
				if !strings.Contains(allowed, " "+k+" ") {
					return "name property " + k + " not in the schema"
				}
			}
		}
	case cslDateVar:
		if _, ok := v.(string); ok {
			return "" // an EDTF string
		}
		d, ok := v.(map[string]any)
		if !ok {
			return "want a date object or an EDTF string"
		}
		for k, x := range d {
			switch k {
			case "date-parts":
				parts, ok := x.([]any)
				if !ok || len(parts) < 1 || len(parts) > 2 {
					return "date-parts: want 1 or 2 dates"
				}
				for _, p := range parts {
					pp, ok := p.([]any)
					if !ok || len(pp) < 1 || len(pp) > 3 {
						return "date-parts: want 1 to 3 parts a date"
					}
					for _, n := range pp {
						if !isStrNum(n) {
							return "date-parts: want numbers or strings"
						}
					}
				}
			case "season", "circa":
				if !isStrNum(x) {
					if _, ok := x.(bool); !ok || k == "season" {
						return k + ": wrong type"
					}
				}
			case "literal", "raw", "edtf":
				if _, ok := x.(string); !ok {
					return k + ": want a string"
				}
			default:
				return "date property " + k + " not in the schema"
			}
		}
	}
	return ""
}

func TestCSLValid(t *testing.T) {
	for name, in := range validationInputs(t) {
		t.Run(name, func(t *testing.T) {
			var items []map[string]any
			if err := json.Unmarshal([]byte(render(t, "csl-json", in)), &items); err != nil {
				t.Fatalf("not a JSON array of objects: %v", err)
			}
			r := newReport(in)
			if len(items) != len(r.articles) {
				t.Fatalf("%d items for %d articles", len(items), len(r.articles))
			}
			ids := map[any]bool{}
			for i, it := range items {
				a := r.articles[i]
				for _, req := range []string{"type", "id"} {
					if _, ok := it[req]; !ok {
						t.Errorf("item %d: required %q missing", i, req)
					}
				}
				if ids[it["id"]] {
					t.Errorf("item %d: id %v not unique", i, it["id"])
				}
				ids[it["id"]] = true
				for k, v := range it {
					ft, ok := cslSchema[k]
					if !ok {
						t.Errorf("item %v: %q is not a CSL variable", it["id"], k)
						continue
					}
					if msg := checkCSLValue(ft, v); msg != "" {
						t.Errorf("item %v: %s: %s", it["id"], k, msg)
					}
				}
				// What claimtrail promises beyond the schema.
				wantType := "webpage"
				if a.Outlet != "" {
					wantType = "article-newspaper"
				}
				if it["type"] != wantType {
					t.Errorf("item %v: type %v, want %s", it["id"], it["type"], wantType)
				}
				wantParts := map[string]int{"day": 3, "month": 2, "year": 1}[string(a.Published.Precision)]
				if wantParts == 0 {
					if _, ok := it["issued"]; ok {
						t.Errorf("item %v: issued written for an unknown date", it["id"])
					}
				} else {
					parts := it["issued"].(map[string]any)["date-parts"].([]any)[0].([]any)
					if len(parts) != wantParts {
						t.Errorf("item %v: issued has %d parts, want %d (%s precision)", it["id"], len(parts), wantParts, a.Published.Precision)
					}
				}
				if a.Outlet != "" && it["container-title"] != flatten(a.Outlet) {
					t.Errorf("item %v: container-title %v, want the outlet %q", it["id"], it["container-title"], a.Outlet)
				}
				note, _ := it["note"].(string)
				for _, s := range r.statementsOf(a.ID) {
					if c := cite(s.Article, s.Start, s.End); !strings.Contains(note, c) {
						t.Errorf("item %v: note lacks statement %s", it["id"], c)
					}
				}
			}
		})
	}
}

// ---- ClaimReview JSON-LD ----

func TestClaimReviewValid(t *testing.T) {
	for name, in := range validationInputs(t) {
		t.Run(name, func(t *testing.T) {
			out := render(t, "claimreview", in)
			if strings.Contains(out, "reviewRating") || strings.Contains(out, "ratingValue") {
				t.Error("a rating was invented")
			}
			var doc struct {
				Context string           `json:"@context"`
				Graph   []map[string]any `json:"@graph"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("not JSON-LD: %v", err)
			}
			if doc.Context != "https://schema.org" {
				t.Errorf("@context %q", doc.Context)
			}
			claimText := map[string]string{}
			nClaims, nReviews := 0, 0
			for _, n := range doc.Graph {
				switch n["@type"] {
				case "Claim":
					nClaims++
					id, _ := n["@id"].(string)
					if id == "" || claimText[id] != "" {
						t.Errorf("claim @id %q missing or repeated", id)
					}
					text, _ := n["text"].(string)
					if text == "" {
						t.Errorf("claim %s: no text", id)
					}
					claimText[id] = text
					apps, _ := n["appearance"].([]any)
					if len(apps) == 0 {
						t.Errorf("claim %s: no appearance", id)
					}
					var ids []string
					for _, x := range apps {
						w := x.(map[string]any)
						checkWork(t, id, w)
						ids = append(ids, w["identifier"].(string))
					}
					first, _ := n["firstAppearance"].(map[string]any)
					if first == nil {
						t.Errorf("claim %s: no firstAppearance", id)
					} else {
						checkWork(t, id, first)
						found := false
						for _, x := range ids {
							found = found || x == first["identifier"]
						}
						if !found {
							t.Errorf("claim %s: firstAppearance is not one of its appearances", id)
						}
						if d, _ := first["datePublished"].(string); d != "" {
							for _, x := range apps {
								if o, _ := x.(map[string]any)["datePublished"].(string); o != "" && o[:min(len(o), len(d))] < d[:min(len(o), len(d))] {
									t.Errorf("claim %s: appearance of %s is earlier than firstAppearance %s", id, o, d)
								}
							}
						}
					}
					if au, ok := n["author"].(map[string]any); ok {
						if au["@type"] != "Person" && au["@type"] != "Organization" {
							t.Errorf("claim %s: author @type %v", id, au["@type"])
						}
						if s, _ := au["name"].(string); s == "" {
							t.Errorf("claim %s: author without a name", id)
						}
					}
				case "ClaimReview":
					nReviews++
				default:
					t.Errorf("node @type %v: want Claim or ClaimReview", n["@type"])
				}
			}
			for _, n := range doc.Graph {
				if n["@type"] != "ClaimReview" {
					continue
				}
				ref, _ := n["itemReviewed"].(map[string]any)
				id, _ := ref["@id"].(string)
				text, ok := claimText[id]
				if !ok {
					t.Errorf("review %v: itemReviewed %q is no Claim of the graph", n["@id"], id)
				}
				if n["claimReviewed"] != text {
					t.Errorf("review %v: claimReviewed differs from the claim's text", n["@id"])
				}
				for _, c := range asList(n["citation"]) {
					if _, ok := claimText[c.(map[string]any)["@id"].(string)]; !ok {
						t.Errorf("review %v: citation of an unknown claim", n["@id"])
					}
				}
			}
			wantReviews := 0
			for _, f := range in.Findings {
				wantReviews += len(f.Claims)
			}
			if nReviews != wantReviews {
				t.Errorf("%d ClaimReviews, want one per claim of each finding (%d)", nReviews, wantReviews)
			}
			if len(in.Statements) > 0 && nClaims == 0 {
				t.Error("no claims")
			}
		})
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// checkWork checks one appearance CreativeWork.
func checkWork(t *testing.T, claim string, w map[string]any) {
	t.Helper()
	if w["@type"] != "CreativeWork" {
		t.Errorf("claim %s: appearance @type %v", claim, w["@type"])
	}
	if s, _ := w["name"].(string); s == "" {
		t.Errorf("claim %s: appearance without a name", claim)
	}
	if !regexp.MustCompile(`^A\d+:\d+–\d+$`).MatchString(fmt.Sprint(w["identifier"])) {
		t.Errorf("claim %s: appearance identifier %v", claim, w["identifier"])
	}
	if d, ok := w["datePublished"].(string); ok && !regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`).MatchString(d) {
		t.Errorf("claim %s: datePublished %q", claim, d)
	}
	if p, ok := w["publisher"].(map[string]any); ok && p["@type"] != "Organization" {
		t.Errorf("claim %s: publisher @type %v", claim, p["@type"])
	}
}

// Distinct statements make one Claim: the same words from the same speaker
// in two articles are one claim with two appearances.
func TestClaimReviewMergesRepeats(t *testing.T) {
	st := func(article int64, text string) Statement {
		return Statement{Article: article, Statement: claims.Statement{Kind: claims.Direct, Text: text,
			Speaker: "Sergey Lavrov", SpeakerID: "sergey-lavrov", SpeakerKind: claims.SpeakerPerson, End: len(text)}}
	}
	in := Input{Generated: generated,
		Articles: []Article{{ID: 1, Title: "late", Published: mustDate(t, "2025-09-28")},
			{ID: 2, Title: "early", Published: mustDate(t, "2025-02")}},
		Statements: []Statement{st(1, "We are waiting."), st(2, "we are  waiting"), st(2, "Something else.")}}
	doc := claimReviewDoc(newReport(in))
	var got []*ldClaim
	for _, n := range doc.Graph {
		got = append(got, n.(*ldClaim))
	}
	if len(got) != 2 {
		t.Fatalf("%d claims, want 2", len(got))
	}
	c := got[0]
	if len(c.Appearance) != 2 || c.FirstAppearance.Name != "early" {
		t.Errorf("claim %q: %d appearances, first %q; want 2, early", c.Text, len(c.Appearance), c.FirstAppearance.Name)
	}
	if c.Author == nil || c.Author.Type != "Person" || c.Author.Name != "Sergey Lavrov" {
		t.Errorf("author %+v", c.Author)
	}
}

// ---- BibLaTeX ----

// bibEntryParsed is one entry as the small parser below reads it.
type bibEntryParsed struct {
	typ, key string
	fields   map[string]string
	order    []string
}

// parseBib reads entries `@type{key, name = {value}, ...}` and @comment
// blocks, checking that braces balance. It is strict on purpose: anything
// it does not understand is an error.
func parseBib(src string) ([]bibEntryParsed, error) {
	var out []bibEntryParsed
	i := 0
	skipSpace := func() {
		for i < len(src) && strings.ContainsRune(" \t\r\n", rune(src[i])) {
			i++
		}
	}
	word := func() string {
		j := i
		for i < len(src) && (src[i] == '-' || src[i] == '_' || src[i] >= 'a' && src[i] <= 'z' || src[i] >= 'A' && src[i] <= 'Z' || src[i] >= '0' && src[i] <= '9') {
			i++
		}
		return src[j:i]
	}
	// braced reads {…} with balanced braces, honouring \{ and \}.
	braced := func() (string, error) {
		if i >= len(src) || src[i] != '{' {
			return "", fmt.Errorf("offset %d: want {", i)
		}
		depth, j := 0, i
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++ // the next byte is escaped
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					i++
					return src[j+1 : i-1], nil
				}
			}
		}
		return "", fmt.Errorf("offset %d: unbalanced braces", j)
	}
	for {
		skipSpace()
		if i >= len(src) {
			return out, nil
		}
		if src[i] != '@' {
			return nil, fmt.Errorf("offset %d: text outside an entry", i)
		}
		i++
		typ := strings.ToLower(word())
		if typ == "comment" {
			if _, err := braced(); err != nil {
				return nil, err
			}
			continue
		}
		if i >= len(src) || src[i] != '{' {
			return nil, fmt.Errorf("entry %s: want {", typ)
		}
		i++
		k := strings.IndexByte(src[i:], ',')
		if k < 0 {
			return nil, fmt.Errorf("entry %s: no key", typ)
		}
		e := bibEntryParsed{typ: typ, key: strings.TrimSpace(src[i : i+k]), fields: map[string]string{}}
		i += k + 1
		for {
			skipSpace()
			if i < len(src) && src[i] == '}' {
				i++
				break
			}
			name := strings.ToLower(word())
			if name == "" {
				return nil, fmt.Errorf("entry %s: offset %d: want a field name", e.key, i)
			}
			skipSpace()
			if i >= len(src) || src[i] != '=' {
				return nil, fmt.Errorf("entry %s: field %s: want =", e.key, name)
			}
			i++
			skipSpace()
			v, err := braced()
			if err != nil {
				return nil, fmt.Errorf("entry %s: field %s: %v", e.key, name, err)
			}
			if _, dup := e.fields[name]; dup {
				return nil, fmt.Errorf("entry %s: field %s twice", e.key, name)
			}
			e.fields[name] = v
			e.order = append(e.order, name)
			skipSpace()
			if i < len(src) && src[i] == ',' {
				i++
			}
		}
		out = append(out, e)
	}
}

// unescapedSpecial finds a TeX special character that is not escaped in a
// field value; "" when there is none. Allowed: \# \$ \% \& \_ \{ \},
// \textasciitilde{} \textasciicircum{} \textbackslash{}, and plain braces
// only as whole-value protection ({…}) or as the {} of those commands.
func unescapedSpecial(v string) string {
	if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
		v = v[1 : len(v)-1]
	}
	for _, cmd := range []string{`\textasciitilde{}`, `\textasciicircum{}`, `\textbackslash{}`} {
		v = strings.ReplaceAll(v, cmd, "")
	}
	v = strings.ReplaceAll(v, "-{}-", "--")
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 >= len(v) || !strings.ContainsRune("#$%&_{}", rune(v[i+1])) {
				return fmt.Sprintf("stray backslash at %d in %q", i, v)
			}
			i++
		case '#', '$', '%', '&', '_', '{', '}', '~', '^':
			return fmt.Sprintf("unescaped %c at %d in %q", c, i, v)
		}
	}
	return ""
}

var (
	bibKeyRE  = regexp.MustCompile(`^[a-z0-9]+$`)
	bibDateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	bibDayRE  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func TestBibLaTeXValid(t *testing.T) {
	langids := map[string]bool{}
	for _, v := range bibLangIDs {
		langids[v] = true
	}
	for name, in := range validationInputs(t) {
		t.Run(name, func(t *testing.T) {
			entries, err := parseBib(render(t, "bibtex", in))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			r := newReport(in)
			if len(entries) != len(r.articles) {
				t.Fatalf("%d entries for %d articles", len(entries), len(r.articles))
			}
			keys := map[string]bool{}
			for i, e := range entries {
				a := r.articles[i]
				if !bibKeyRE.MatchString(e.key) || keys[e.key] {
					t.Errorf("key %q: not [a-z0-9]+ or not unique", e.key)
				}
				keys[e.key] = true
				required := []string{"title", "urldate"}
				switch {
				case a.Outlet != "":
					if e.typ != "article" || e.fields["entrysubtype"] != "newspaper" {
						t.Errorf("%s: @%s subtype %q, want @article newspaper", e.key, e.typ, e.fields["entrysubtype"])
					}
					required = append(required, "journaltitle")
				case e.typ != "online":
					t.Errorf("%s: @%s, want @online (no outlet)", e.key, e.typ)
				}
				if a.Published.Known() {
					required = append(required, "date")
				}
				for _, f := range required {
					if e.fields[f] == "" {
						t.Errorf("%s: required field %s missing", e.key, f)
					}
				}
				if d, ok := e.fields["date"]; ok && (!bibDateRE.MatchString(d) || d != a.Published.String()) {
					t.Errorf("%s: date %q, want %q with its precision", e.key, d, a.Published.String())
				}
				if !bibDayRE.MatchString(e.fields["urldate"]) {
					t.Errorf("%s: urldate %q", e.key, e.fields["urldate"])
				}
				if l, ok := e.fields["langid"]; ok && !langids[l] {
					t.Errorf("%s: langid %q is no biblatex language", e.key, l)
				}
				for _, f := range e.order {
					v := e.fields[f]
					if f == "url" {
						if strings.ContainsAny(v, "{}\\ \t\n") {
							t.Errorf("%s: url %q has characters that break the field", e.key, v)
						}
						continue
					}
					if msg := unescapedSpecial(v); msg != "" {
						t.Errorf("%s: field %s: %s", e.key, f, msg)
					}
					if strings.ContainsAny(v, "\n\r") {
						t.Errorf("%s: field %s spans lines", e.key, f)
					}
				}
			}
		})
	}
}

// ---- RIS ----

var (
	risLineRE = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)
	risDateRE = regexp.MustCompile(`^\d{4}/(\d{2})?/(\d{2})?/$`)
	risTags   = map[string]bool{"TY": true, "ID": true, "TI": true, "T2": true, "DA": true, "PY": true,
		"UR": true, "Y2": true, "LA": true, "DB": true, "N1": true, "ER": true}
)

func TestRISValid(t *testing.T) {
	for name, in := range validationInputs(t) {
		t.Run(name, func(t *testing.T) {
			out := render(t, "ris", in)
			if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
				t.Fatal("a line break other than CRLF")
			}
			var records [][][2]string
			var cur [][2]string
			for n, line := range strings.Split(out, "\r\n") {
				if line == "" {
					if cur != nil {
						t.Errorf("line %d: blank line inside a record", n+1)
					}
					continue
				}
				m := risLineRE.FindStringSubmatch(line)
				if m == nil {
					t.Errorf("line %d: %q is not `XX  - value`", n+1, line)
					continue
				}
				if !risTags[m[1]] {
					t.Errorf("line %d: unknown tag %s", n+1, m[1])
				}
				if (cur == nil) != (m[1] == "TY") {
					t.Errorf("line %d: %s; a record starts with TY and only there", n+1, m[1])
				}
				cur = append(cur, [2]string{m[1], m[2]})
				if m[1] == "ER" {
					if m[2] != "" {
						t.Errorf("line %d: ER with a value", n+1)
					}
					records = append(records, cur)
					cur = nil
				}
			}
			if cur != nil {
				t.Error("last record not closed by ER")
			}
			r := newReport(in)
			if len(records) != len(r.articles) {
				t.Fatalf("%d records for %d articles", len(records), len(r.articles))
			}
			for i, rec := range records {
				a := r.articles[i]
				tags := map[string]string{}
				for _, tv := range rec {
					tags[tv[0]] = tv[1]
				}
				want := "ELEC"
				if a.Outlet != "" {
					want = "NEWS"
				}
				if tags["TY"] != want {
					t.Errorf("record %d: TY %s, want %s", i, tags["TY"], want)
				}
				for _, req := range []string{"TI", "Y2", "ID"} {
					if tags[req] == "" {
						t.Errorf("record %d: no %s", i, req)
					}
				}
				for _, d := range []string{"DA", "Y2"} {
					if v, ok := tags[d]; ok && !risDateRE.MatchString(v) {
						t.Errorf("record %d: %s %q is not YYYY/MM/DD/", i, d, v)
					}
				}
				if a.Published.Known() && tags["PY"] != fmt.Sprintf("%04d", a.Published.Year) {
					t.Errorf("record %d: PY %q", i, tags["PY"])
				}
			}
		})
	}
}

// Dates keep their precision in every citation format.
func TestDatePrecision(t *testing.T) {
	cases := []struct {
		name, date, csl, bib, ris string
	}{
		{"day", "2025-06-03", "[2025,6,3]", "2025-06-03", "2025/06/03/"},
		{"month", "2025-06", "[2025,6]", "2025-06", "2025/06//"},
		{"year", "2025", "[2025]", "2025", "2025///"},
		{"unknown", "", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustDate(t, c.date)
			got := ""
			if cd := cslDateOf(d); cd != nil {
				b, _ := json.Marshal(cd.DateParts[0])
				got = string(b)
			}
			if got != c.csl || bibDate(d) != c.bib || risDate(d) != c.ris {
				t.Errorf("csl %s bib %q ris %q; want %s %q %q", got, bibDate(d), risDate(d), c.csl, c.bib, c.ris)
			}
		})
	}
}
