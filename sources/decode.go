package sources

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Sentinel causes of refused input; errors.Is finds them through an
// *InputError.
var (
	// ErrEmpty: the input holds no bytes, or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input holds NUL bytes or other binary data.
	ErrBinary = errors.New("binary content, not text")
	// ErrUndecodable: the input is not text in UTF-8, UTF-16 (with a BOM)
	// or Latin-1/Windows-1252.
	ErrUndecodable = errors.New("not text in UTF-8, UTF-16 or Windows-1252")
	// ErrTooLarge: the input is larger than Options.MaxSize.
	ErrTooLarge = errors.New("input too large")
	// ErrNoText: an HTML page or JSON line without article text.
	ErrNoText = errors.New("no article text found")
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// magic numbers of common binary formats that can otherwise pass as text
// (a PDF starts with ASCII; a ZIP or gzip may hold no NUL in its first KB).
var binaryMagic = [][]byte{
	[]byte("%PDF-"), []byte("PK\x03\x04"), {0x1F, 0x8B}, []byte("\x89PNG"),
	[]byte("GIF87a"), []byte("GIF89a"), {0xFF, 0xD8, 0xFF}, []byte("BZh"),
	{0xFD, '7', 'z', 'X', 'Z', 0x00}, []byte("7z\xBC\xAF\x27\x1C"), []byte("\x7FELF"),
	[]byte("SQLite format 3\x00"), {0xD0, 0xCF, 0x11, 0xE0}, []byte("Rar!\x1A\x07"),
	[]byte("OggS"), []byte("ID3"), []byte("RIFF"), []byte("\x00\x00\x01\x00"),
}

// encodingName names how the bytes were decoded.
type encodingName string

const (
	encUTF8      encodingName = "utf-8"
	encUTF8BOM   encodingName = "utf-8 (bom)"
	encUTF8Fixed encodingName = "utf-8 (repaired)"
	encUTF16     encodingName = "utf-16"
	encCP1252    encodingName = "windows-1252"
	encOther     encodingName = "other"
)

// decoded is an input turned into UTF-8 text.
type decoded struct {
	text string
	enc  encodingName
	// identity is true when text is the input byte for byte after the
	// BOM: offsets into text are offsets into the input (plus the BOM).
	identity bool
}

// decodeText turns the bytes of a plain-text (or JSON Lines) input into
// UTF-8:
//
//   - a UTF-8 BOM is removed; UTF-16 with a BOM (either byte order) is
//     decoded; UTF-16 without a BOM is recognised by its pattern of NUL
//     bytes in every other position when it decodes to plain text;
//   - any other NUL byte, the signature of a binary format, or too many
//     control bytes refuse the input as ErrBinary;
//   - valid UTF-8 is taken as it is;
//   - invalid UTF-8 whose non-ASCII bytes are mostly well-formed UTF-8
//     sequences is repaired: each bad byte becomes U+FFFD;
//   - otherwise the bytes are read as Windows-1252 (a superset of the
//     printable Latin-1), when the result is plausible text (letters
//     dominate the non-ASCII characters); else ErrUndecodable.
func decodeText(data []byte) (decoded, error) {
	if bytes.HasPrefix(data, bomUTF8) {
		d, err := decodeText(data[3:])
		if d.enc == encUTF8 {
			d.enc = encUTF8BOM
		}
		return d, err
	}
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return decodeUTF16(data, unicode.ExpectBOM, unicode.LittleEndian)
	}
	if isBlank(data) {
		return decoded{}, ErrEmpty
	}
	if bytes.IndexByte(data[:min(len(data), 2048)], 0) >= 0 {
		if order, ok := looksUTF16(data); ok {
			if d, err := decodeUTF16(data, unicode.IgnoreBOM, order); err == nil {
				return d, nil
			}
		}
	}
	if err := checkBinary(data); err != nil {
		return decoded{}, err
	}
	if utf8.Valid(data) {
		return decoded{text: string(data), enc: encUTF8, identity: true}, nil
	}
	if mostlyUTF8(data) {
		return decoded{text: repairUTF8(data), enc: encUTF8Fixed}, nil
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil || !plausibleText(string(s)) {
		return decoded{}, ErrUndecodable
	}
	return decoded{text: string(s), enc: encCP1252}, nil
}

func decodeUTF16(data []byte, bom unicode.BOMPolicy, order unicode.Endianness) (decoded, error) {
	s, err := unicode.UTF16(order, bom).NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, ErrUndecodable
	}
	if isBlank(s) {
		return decoded{}, ErrEmpty
	}
	if bytes.IndexByte(s, 0) >= 0 || controlRatio(s) > 0.02 {
		return decoded{}, ErrBinary
	}
	text := strings.ToValidUTF8(string(s), "\uFFFD")
	if !plausibleText(text) {
		return decoded{}, ErrUndecodable
	}
	return decoded{text: text, enc: encUTF16}, nil
}

// looksUTF16 recognises BOM-less UTF-16 text: in a sample of the first
// bytes, nearly every other byte is NUL (the high byte of Latin text) and
// the others are not.
func looksUTF16(data []byte) (unicode.Endianness, bool) {
	n := len(data) &^ 1
	if n < 8 {
		return unicode.LittleEndian, false
	}
	if n > 2048 {
		n = 2048
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*9 && even*10 < pairs:
		return unicode.LittleEndian, true
	case even*10 >= pairs*9 && odd*10 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// isBlank reports whether b holds only white space (ASCII or the Unicode
// spaces common in text).
func isBlank(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != 0xA0 && r != 0xFEFF && r != 0x2000 && !(r >= 0x2000 && r <= 0x200B) && r != 0x3000 && r != 0x202F {
			return false
		}
		i += size
	}
	return true
}

// checkBinary refuses NUL bytes, known binary signatures and a high share
// of C0 control bytes (other than tab, newline, carriage return, form
// feed, vertical tab and escape).
func checkBinary(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return ErrBinary
		}
	}
	if controlRatio(data) > 0.02 {
		return ErrBinary
	}
	return nil
}

// controlRatio is the share of C0 control bytes that do not occur in text.
func controlRatio(data []byte) float64 {
	if len(data) == 0 {
		return 0
	}
	ctl := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B {
			ctl++
		} else if c == 0x7F {
			ctl++
		}
	}
	return float64(ctl) / float64(len(data))
}

// mostlyUTF8 reports whether invalid UTF-8 is still UTF-8 text with some
// damage: well-formed multi-byte sequences are at least as many as the
// bad bytes (a Latin-1 text almost never holds a valid sequence by
// accident), or there are some and bad bytes are under 1 in 200.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good > 0 && (good >= bad || bad*200 < len(data))
}

// repairUTF8 replaces every byte that is not part of a valid UTF-8
// sequence with U+FFFD, one replacement per bad byte so that the damage
// stays visible and proportional.
func repairUTF8(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + 16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.String()
}

// plausibleText accepts decoded single-byte text when its non-ASCII
// characters are mostly letters (accented Latin letters, typographic
// quotes and dashes), as in a Western European text, rather than the
// symbol soup that another encoding's bytes produce.
func plausibleText(s string) bool {
	var letters, nonASCII, symbols, controls int
	for _, r := range s {
		switch {
		case r < 0x80:
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
				controls++
			}
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				letters++
			}
			continue
		case r >= 0x80 && r < 0xA0:
			controls++ // C1 controls: undefined in Windows-1252
		case isLetterRune(r):
			letters++
		case r == '\u2018' || r == '\u2019' || r == '\u201C' || r == '\u201D' || r == '\u2013' || r == '\u2014' ||
			r == '\u2026' || r == '\u20AC' || r == '\u00A0' || r == '\u00AB' || r == '\u00BB' || r == '\u00B0' ||
			r == '\u00A3' || r == '\u00A7' || r == '\u00B7' || r == '\u2022' || r == '\u00A9' || r == '\u00AE' ||
			r == '\u201E' || r == '\u201A' || r == '\u2039' || r == '\u203A' || r == '\u00BD' || r == '\u00BC' || r == '\u00B4':
		default:
			symbols++
		}
		nonASCII++
	}
	if controls > 0 && controls*100 > len(s) {
		return false
	}
	if letters == 0 {
		return nonASCII == 0
	}
	// Windows-1252 text in a Latin-script language: non-ASCII characters
	// are a minority and symbols a small part of them.
	return symbols*4 <= nonASCII && nonASCII*3 <= letters+nonASCII
}

func isLetterRune(r rune) bool {
	return r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 || r == 0x152 || r == 0x153 || r == 0x160 || r == 0x161 || r == 0x178 || r == 0x17D || r == 0x17E || r == 0xAA || r == 0xBA
}

// decodeHTML turns an HTML page into UTF-8, honouring (in this order) a
// BOM, a <meta charset> or <meta http-equiv="Content-Type"> declaration in
// the page, and then the UTF-8 / Windows-1252 rules of decodeText. A page
// declared UTF-8 that is not valid UTF-8 is repaired.
func decodeHTML(data []byte) (decoded, error) {
	if bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return decodeText(data)
	}
	if isBlank(data) {
		return decoded{}, ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if order, ok := looksUTF16(data); ok {
			return decodeUTF16(data, unicode.IgnoreBOM, order)
		}
		return decoded{}, ErrBinary
	}
	// Valid UTF-8 with non-ASCII text is UTF-8 whatever the page declares:
	// saved pages are often converted without their <meta> being fixed,
	// and other encodings' text is almost never valid UTF-8 by accident.
	if utf8.Valid(data) {
		return decoded{text: string(data), enc: encUTF8, identity: true}, nil
	}
	enc, name := declaredCharset(data)
	if enc == nil || isUTF8Name(name) {
		if utf8.Valid(data) {
			return decoded{text: string(data), enc: encUTF8, identity: true}, nil
		}
		if name != "" || mostlyUTF8(data) {
			return decoded{text: repairUTF8(data), enc: encUTF8Fixed}, nil
		}
		enc = charmap.Windows1252
	}
	s, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, ErrUndecodable
	}
	return decoded{text: strings.ToValidUTF8(string(s), "\uFFFD"), enc: encOther}, nil
}

func isUTF8Name(name string) bool {
	name = strings.ToLower(name)
	return name == "utf-8" || name == "utf8"
}

// declaredCharset finds the encoding an HTML page declares in a <meta>
// tag. The HTML standard's prescan looks at the first 1,024 bytes; pages
// in the wild put the tag later, behind scripts, so the first 64 KiB are
// searched for a charset attribute when the prescan finds none.
func declaredCharset(data []byte) (encoding.Encoding, string) {
	if e, name, _ := charset.DetermineEncoding(data, ""); e != nil && hasMetaCharset(data, 1024) {
		return e, name
	}
	limit := len(data)
	if limit > 64*1024 {
		limit = 64 * 1024
	}
	low := bytes.ToLower(data[:limit])
	for from := 0; ; {
		i := bytes.Index(low[from:], []byte("charset"))
		if i < 0 {
			return nil, ""
		}
		i += from
		from = i + 7
		// Only inside a <meta ...> tag.
		lt := bytes.LastIndexByte(low[:i], '<')
		gt := bytes.LastIndexByte(low[:i], '>')
		if lt < 0 || gt > lt || !bytes.HasPrefix(low[lt:], []byte("<meta")) {
			continue
		}
		j := i + 7
		for j < limit && (low[j] == ' ' || low[j] == '=' || low[j] == '"' || low[j] == '\'') {
			j++
		}
		k := j
		for k < limit && (low[k] == '-' || low[k] == '_' || low[k] == '.' || low[k] == ':' || low[k] >= 'a' && low[k] <= 'z' || low[k] >= '0' && low[k] <= '9') {
			k++
		}
		if k == j {
			continue
		}
		if e, name := charset.Lookup(string(low[j:k])); e != nil {
			return e, name
		}
	}
}

// hasMetaCharset reports whether the first n bytes declare a charset at
// all (DetermineEncoding also guesses from content, which we do ourselves).
func hasMetaCharset(data []byte, n int) bool {
	if len(data) > n {
		data = data[:n]
	}
	return bytes.Contains(bytes.ToLower(data), []byte("charset"))
}
