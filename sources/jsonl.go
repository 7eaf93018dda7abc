package sources

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// jsonArticle is one JSON Lines record. Every field is optional except
// one of text, body and content. Values of the wrong type are refused
// with the field named.
type jsonArticle struct {
	Text      json.RawMessage `json:"text"`
	Body      json.RawMessage `json:"body"`
	Content   json.RawMessage `json:"content"`
	Title     json.RawMessage `json:"title"`
	URL       json.RawMessage `json:"url"`
	Outlet    json.RawMessage `json:"outlet"`
	Lang      json.RawMessage `json:"lang"`
	Language  json.RawMessage `json:"language"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
}

// readJSONL reads JSON Lines: one JSON object per line, blank lines
// skipped. Line N becomes an article with Source "SOURCE#N" and Line N;
// a line that is not a JSON object, has no text, or has a field of the
// wrong type is an *InputError naming the line, and the other lines are
// still read. A whole input that is one JSON array of objects is read
// element by element (N counts elements). The stored text is the decoded
// value of the text field (an HTML value is extracted like a page).
func readJSONL(source string, data []byte, opts *Options) ([]Article, []error) {
	d, err := decodeText(data)
	if err != nil {
		return nil, []error{&InputError{Source: source, Err: err}}
	}
	text := d.text
	trim := strings.TrimSpace(text)
	if strings.HasPrefix(trim, "[") {
		var elems []json.RawMessage
		if err := json.Unmarshal([]byte(trim), &elems); err == nil {
			var arts []Article
			var errs []error
			for i, el := range elems {
				a, err := jsonRecord(source, i+1, el, opts)
				if err != nil {
					errs = append(errs, &InputError{Source: source, Line: i + 1, Err: err})
					continue
				}
				arts = append(arts, a)
			}
			if len(arts) == 0 && len(errs) == 0 {
				errs = append(errs, &InputError{Source: source, Err: ErrEmpty})
			}
			return arts, errs
		}
	}
	var arts []Article
	var errs []error
	lineNo := 0
	for pos := 0; pos < len(text); {
		end, next := firstLine(text, pos)
		lineNo++
		line := strings.TrimSpace(text[pos:end])
		pos = next
		if line == "" {
			if next == end {
				break
			}
			continue
		}
		a, err := jsonRecord(source, lineNo, []byte(line), opts)
		if err != nil {
			errs = append(errs, &InputError{Source: source, Line: lineNo, Err: err})
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		errs = append(errs, &InputError{Source: source, Err: ErrEmpty})
	}
	return arts, errs
}

// jsonRecord turns one JSON object into an article.
func jsonRecord(source string, n int, raw []byte, opts *Options) (Article, error) {
	var rec jsonArticle
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&rec); err != nil {
		return Article{}, fmt.Errorf("malformed JSON: %v", jsonErr(err))
	}
	if dec.More() {
		return Article{}, errors.New("malformed JSON: more than one value on the line")
	}
	var m meta
	var err error
	get := func(name string, raws ...json.RawMessage) string {
		for _, r := range raws {
			if err != nil || len(r) == 0 || string(r) == "null" {
				continue
			}
			var s string
			if e := json.Unmarshal(r, &s); e != nil {
				err = fmt.Errorf("field %q: want a string", name)
				return ""
			}
			if strings.TrimSpace(s) != "" {
				return s
			}
		}
		return ""
	}
	body := get("text", rec.Text, rec.Body, rec.Content)
	title := get("title", rec.Title)
	m.url = get("url", rec.URL)
	m.outlet = get("outlet", rec.Outlet)
	m.lang = get("lang", rec.Lang, rec.Language)
	published := ""
	for _, r := range []json.RawMessage{rec.Published, rec.Date} {
		if len(r) == 0 || string(r) == "null" || published != "" {
			continue
		}
		var s string
		if json.Unmarshal(r, &s) == nil {
			published = s
			continue
		}
		var num float64
		if json.Unmarshal(r, &num) == nil && num > 0 {
			// Unix time in seconds (or milliseconds when it is huge).
			sec := int64(num)
			if num > 1e11 {
				sec = int64(num / 1000)
			}
			published = time.Unix(sec, 0).UTC().Format("2006-01-02")
			continue
		}
		err = errors.New(`field "published": want a date string or a Unix time`)
	}
	if err != nil {
		return Article{}, err
	}
	if body == "" {
		return Article{}, fmt.Errorf("%w: no text (want a text, body or content field)", ErrNoText)
	}
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	if published != "" {
		d, perr := parseLooseDate(published)
		if perr != nil {
			return Article{}, fmt.Errorf("field %q: %v", "published", perr)
		}
		m.date = d
	}
	src := source + "#" + strconv.Itoa(n)
	var a Article
	if looksLikeHTML(body) {
		a, err = extractHTML(src, body, opts, &m)
		if err != nil {
			return Article{}, err
		}
	} else {
		a = Article{Source: src, Format: FormatJSONL, Text: body, Body: Span{0, len(body)}}
	}
	a.Format = FormatJSONL
	a.Line = n
	a.Hash = hashHex(raw)
	if title != "" {
		a.Title = strings.Join(strings.Fields(title), " ")
		if name, cut, ok := titleSuffixOutlet(a.Title, opts.Outlets); ok {
			m.titleOutlet = name
			a.Title = strings.TrimSpace(a.Title[:cut])
		}
		// The title may stand at the start of the text.
		if strings.HasPrefix(a.Text, a.Title) && a.Body.Start == 0 {
			a.TitleSpan = Span{0, len(a.Title)}
		}
	}
	finish(&a, opts, &m)
	return a, nil
}

// jsonErr shortens encoding/json errors to what a user can act on.
func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q: want %s, not %s", te.Field, te.Type, te.Value)
		}
		return "want a JSON object, not " + te.Value
	}
	return err.Error()
}

// looksLikeHTML reports whether a JSON text field holds HTML markup
// rather than plain text: it opens with a tag and has paragraph or
// block tags.
func looksLikeHTML(s string) bool {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "<") {
		return false
	}
	head := t
	if len(head) > 2048 {
		head = head[:2048]
	}
	low := strings.ToLower(head)
	for _, m := range []string{"<p>", "<p ", "<div", "<html", "<body", "<article", "<br", "<h1", "<h2"} {
		if strings.Contains(low, m) {
			return true
		}
	}
	return false
}

// parseLooseDate reads the date forms found in feeds and page metadata:
// the SPEC forms (YYYY, YYYY-MM, YYYY-MM-DD, "unknown"), RFC 3339 and
// ISO 8601 timestamps (the date part counts as written, the zone is not
// applied), "YYYY-MM-DD hh:mm[:ss]", RFC 1123 / RFC 822 ("Mon, 02 Jan
// 2006 15:04:05 MST") and "January 2, 2006" / "2 January 2006".
func parseLooseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	// ISO date at the start, followed by a time.
	if len(s) > 10 && dateShape(s[:10]) && (s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
		return ParseDate(s[:10])
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006",
		"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006", "January 2006", "2006/01/02", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if layout == "January 2006" {
				return Date{Year: t.Year(), Month: int(t.Month()), Precision: PrecMonth}, nil
			}
			return DayDate(t), nil
		}
	}
	return Date{}, fmt.Errorf("date %q: want YYYY[-MM[-DD]], RFC 3339 or RFC 1123", s)
}
