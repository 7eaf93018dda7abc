package sources

import (
	"errors"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzNames are the source names FuzzRead tries, so that the extension
// tie-breaks of format detection are exercised too.
var fuzzNames = []string{"a.txt", "a.html", "a.jsonl", "-"}

// FuzzRead feeds arbitrary bytes to Read as text, HTML and JSON Lines and
// checks the promises later stages rely on: no panic (Read turns one into
// an "internal error", which fails here), valid UTF-8 text, spans inside
// the text and the body, sorted non-overlapping boilerplate, a title span
// that holds the title, valid dates and language codes, errors that are
// *InputError naming the source.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"The talks were held in Istanbul on Thursday, February 27.\n",
		" date 2025-06 Ny runde i Moskva\n\n«Vi er fornøyde», sa han.\n",
		"MOSCOW (Sputnik) - Lavrov told Sputnik the dialogue continues.\n",
		"<html lang=\"nb\"><body><p>Møtet ble holdt i Moskva tirsdag, sa ambassadøren til TASS.</p></body></html>",
		`{"text": "Talks went well.", "published": "2025-02-26", "lang": "en"}` + "\n{bad\n",
		"[ad_1]\nBuild it.\nBuild it.\nLeave a Reply\n×\n",
		`<html><head><title>Ny bru - Avisa</title><meta property="og:description" content="Kommunen vil bygge ny bru over elva ved sentrum.">` +
			`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-03-03","articleBody":"x\ny"}]}</script></head>` +
			`<body><h1>Ny bru</h1><div>Publisert 3. mars 2025</div><figure><img src=a><figcaption>Foto: X</figcaption></figure>` +
			`<div class="share">Del</div><p>Kommunen vil bygge ny bru over elva ved sentrum.</p><time datetime="2025-03-04">Oppdatert 4. mars 2025</time></body></html>`,
	} {
		for k := range fuzzNames {
			f.Add([]byte(s), uint8(k))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		name := fuzzNames[int(k)%len(fuzzNames)]
		start := time.Now()
		arts, errs := Read(name, data, Options{DetectLang: fakeDetect})
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Read took %v on %d bytes", d, len(data))
		}
		for _, err := range errs {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Source != name {
				t.Fatalf("error %v is not an *InputError for %s", err, name)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("panic inside Read: %v", err)
			}
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
		if len(errs) == 0 && len(arts) == 1 && arts[0].Format == FormatText && utf8.Valid(data) && !strings.HasPrefix(string(data), "\uFEFF") &&
			!strings.ContainsRune(string(data), 0) && arts[0].Text != string(data) {
			t.Fatalf("UTF-8 plain text not stored byte for byte")
		}
	})
}

// checkArticle asserts the invariants of an Article.
func checkArticle(t *testing.T, a Article) {
	t.Helper()
	n := len(a.Text)
	if !utf8.ValidString(a.Text) {
		t.Fatalf("text is not valid UTF-8")
	}
	if a.Body.Start < 0 || a.Body.Start > a.Body.End || a.Body.End > n {
		t.Fatalf("Body %v outside text of %d bytes", a.Body, n)
	}
	if a.TitleSpan != (Span{}) {
		if a.TitleSpan.Start < 0 || a.TitleSpan.Start > a.TitleSpan.End || a.TitleSpan.End > n {
			t.Fatalf("TitleSpan %v outside text", a.TitleSpan)
		}
		if a.Text[a.TitleSpan.Start:a.TitleSpan.End] != a.Title {
			t.Fatalf("TitleSpan %v holds %q, title %q", a.TitleSpan, a.Text[a.TitleSpan.Start:a.TitleSpan.End], a.Title)
		}
	}
	if !sort.SliceIsSorted(a.Boilerplate, func(i, j int) bool { return a.Boilerplate[i].Start < a.Boilerplate[j].Start }) {
		t.Fatalf("boilerplate not sorted")
	}
	for i, s := range a.Boilerplate {
		if s.Start < a.Body.Start || s.End > a.Body.End || s.Start >= s.End {
			t.Fatalf("boilerplate span %v outside body %v", s, a.Body)
		}
		if i > 0 && a.Boilerplate[i-1].End > s.Start {
			t.Fatalf("boilerplate spans overlap")
		}
		if !utf8.ValidString(a.Text[s.Start:s.End]) {
			t.Fatalf("boilerplate span %v cuts a character", s)
		}
	}
	if a.Published.Known() {
		d, err := ParseDate(a.Published.String())
		if err != nil || d != a.Published {
			t.Fatalf("published %+v does not round-trip: %v", a.Published, err)
		}
	} else if a.Published.Precision != PrecUnknown {
		t.Fatalf("published precision %q", a.Published.Precision)
	}
	if a.DateInferred && !a.Published.Known() {
		t.Fatalf("date inferred but unknown")
	}
	if a.Lang != "" && NormalizeLang(a.Lang) != a.Lang {
		t.Fatalf("lang %q is not a normalised code", a.Lang)
	}
	if len(a.Hash) != 64 {
		t.Fatalf("hash %q", a.Hash)
	}
}

// FuzzParseDate: ParseDate never panics, and what it accepts formats back
// to a string it reads as the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-02-27", "2025-06", "2025", "unknown", "", "2025-02-30", "0000-00-00", "9999-12-31", " 2025-01-01 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if !d.Known() {
			if d.Precision != PrecUnknown {
				t.Fatalf("ParseDate(%q) = %+v", s, d)
			}
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %+v, formats as %q, reads back as %+v, %v", s, d, d.String(), back, err)
		}
		if _, _, ok := d.Interval(); !ok {
			t.Fatalf("no interval for %+v", d)
		}
	})
}

// FuzzInferDate: date finding and inference never panic and give valid
// dates.
func FuzzInferDate(f *testing.F) {
	for _, s := range []string{
		"The envoys will meet in Geneva on Thursday. The minister spoke on Wednesday. The talks will take place in Geneva on February 27. Relations soured in October 2024.",
		"Møtet fant sted torsdag 27. februar. Forholdet ble dårligere i 2024.",
		"В понедельник 28 июня 2010 года состоялась акция.",
		"On Tuesday, February 18, 2025 the delegations met. 2025-02-31 27.02.2025 31/12/2024",
		"SALVADOR, Feb 26 - Showers continued.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := InferDate(s)
		if !ok {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("InferDate gave %+v which does not round-trip", d)
		}
		if m, dd, ok := datelineMonthDay(s); ok && (m < 1 || m > 12 || dd < 1 || dd > 31) {
			t.Fatalf("dateline %d/%d", m, dd)
		}
	})
}
