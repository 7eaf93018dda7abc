package sources

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
)

// DefaultMaxSize is the largest input Read accepts when Options.MaxSize is
// zero: 64 MiB.
const DefaultMaxSize int64 = 64 << 20

// Options override or help detection. Zero values mean "detect".
type Options struct {
	// Outlet, Lang, URL and Date are what the user said (flags); they win
	// over anything detected. A zero Date means "detect".
	Outlet string
	Lang   string
	URL    string
	Date   Date
	// Outlets is the outlet table; nil means DefaultOutlets().
	Outlets *Outlets
	// DetectLang returns the ISO 639-1 code of a text or "" when unsure;
	// nil means no detection (Lang stays "" unless the input says it).
	DetectLang func(text string) string
	// MaxSize refuses inputs larger than this many bytes (0 = DefaultMaxSize).
	MaxSize int64
}

// InputError is a refused input, or a refused line of a JSON Lines input.
type InputError struct {
	Source string // the input's name as given to Read
	Line   int    // 1-based line of a JSON Lines input, 0 for a whole input
	Err    error  // the cause; one of the Err* sentinels where one fits
}

// Error formats the error as "SOURCE: problem" or "SOURCE:LINE: problem".
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

// Unwrap returns the cause, so errors.Is(err, ErrBinary) works.
func (e *InputError) Unwrap() error { return e.Err }

// Read reads one input (a file's bytes, or stdin) named source and returns
// its articles: one for plain text and HTML, one per non-empty line for
// JSON Lines (Source "SOURCE#N", Line N). The format is detected from the
// content (the extension of source only breaks ties). errs holds the
// refused input or refused lines as *InputError; the valid lines of a JSON
// Lines input are still returned. Read never opens files or fetches URLs:
// a url in the input is metadata only.
func Read(source string, data []byte, opts Options) (arts []Article, errs []error) {
	defer func() {
		// Parsers of third-party HTML must not take the program down:
		// a panic becomes a refusal of this input.
		if r := recover(); r != nil {
			arts = nil
			errs = []error{&InputError{Source: source, Err: fmt.Errorf("internal error reading input: %v", r)}}
		}
	}()
	max := opts.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	if int64(len(data)) > max {
		return nil, []error{&InputError{Source: source, Err: fmt.Errorf("%w: %d bytes, limit %d (raise --max-size)", ErrTooLarge, len(data), max)}}
	}
	if opts.Outlets == nil {
		opts.Outlets = builtinOutlets()
	}
	switch sniff(source, data) {
	case FormatHTML:
		a, err := readHTML(source, data, &opts)
		if err != nil {
			return nil, []error{&InputError{Source: source, Err: err}}
		}
		return []Article{a}, nil
	case FormatJSONL:
		return readJSONL(source, data, &opts)
	}
	a, err := readText(source, data, &opts)
	if err != nil {
		return nil, []error{&InputError{Source: source, Err: err}}
	}
	return []Article{a}, nil
}

// hashHex is the hex SHA-256 of b.
func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// sniff detects the format of an input from its first bytes:
//
//   - HTML when, after white space and a BOM, it opens with a tag and a
//     typical page element (<!doctype html>, <html, <head, <body, <meta,
//     <title, <article, <div, <p>, <!-- ...) appears in the first 2 KiB;
//   - JSON Lines when the first non-blank line is a JSON object, or the
//     input opens with '{' or '[' and the name ends in .jsonl, .ndjson or
//     .json (so that a malformed first line is reported by line);
//   - plain text otherwise.
func sniff(source string, data []byte) Format {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = bytes.TrimPrefix(head, bomUTF8)
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) || bytes.IndexByte(head, 0) >= 0 && looksUTF16Head(head) {
		// Decode the head to see what it is.
		if d, err := decodeText(head); err == nil || d.text != "" {
			return sniffText(source, []byte(d.text))
		}
		return FormatText
	}
	return sniffText(source, head)
}

func looksUTF16Head(head []byte) bool {
	_, ok := looksUTF16(head)
	return ok
}

func sniffText(source string, head []byte) Format {
	trim := bytes.TrimLeft(head, " \t\r\n\f")
	ext := strings.ToLower(path.Ext(strings.SplitN(source, "#", 2)[0]))
	if len(trim) > 0 && trim[0] == '<' {
		low := bytes.ToLower(trim)
		for _, tag := range htmlMarkers {
			if bytes.Contains(low, []byte(tag)) {
				return FormatHTML
			}
		}
		if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
			return FormatHTML
		}
	}
	if len(trim) > 0 && (trim[0] == '{' || trim[0] == '[') {
		if ext == ".jsonl" || ext == ".ndjson" || ext == ".json" || ext == ".jsonlines" {
			return FormatJSONL
		}
		if trim[0] == '{' {
			line := trim
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			line = bytes.TrimSpace(line)
			if len(line) > 1 && line[len(line)-1] == '}' && jsonObjectStart(line) {
				return FormatJSONL
			}
		}
	}
	return FormatText
}

var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<article", "<div", "<p>", "<p ", "<!--", "<?xml"}

// jsonObjectStart is a cheap check that a line looks like a JSON object
// with a string key: '{' then optional space then '"' (or '}' for {}).
func jsonObjectStart(line []byte) bool {
	rest := bytes.TrimLeft(line[1:], " \t")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '}')
}
