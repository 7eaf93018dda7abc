package sources

import (
	"errors"
	"strings"
	"testing"
)

func TestReadJSONL(t *testing.T) {
	in := `{"text": "The talks went well, the minister said.", "title": "Talks", "url": "https://www.rt.com/news/1/", "lang": "en-US", "published": "2025-02-26T10:00:00Z"}
{"body": "Broken line" "missing colon"}

{"content": "Møtet ble holdt i Moskva.", "outlet": "verdens gang", "date": "2025-06", "lang": "no"}
{"title": "No text at all"}
{"text": 42}
{"text": "Second valid record.", "published": 1740564000}
not json at all
`
	arts, errs := Read("feed.jsonl", []byte(in), Options{})
	if len(arts) != 3 {
		t.Fatalf("got %d articles, want 3: %+v", len(arts), arts)
	}
	wantErrLines := []int{2, 5, 6, 8}
	if len(errs) != len(wantErrLines) {
		t.Fatalf("errs = %v, want lines %v", errs, wantErrLines)
	}
	for i, err := range errs {
		var ie *InputError
		if !errors.As(err, &ie) || ie.Line != wantErrLines[i] || ie.Source != "feed.jsonl" {
			t.Errorf("error %d = %v, want line %d", i, err, wantErrLines[i])
		}
		if !strings.HasPrefix(err.Error(), "feed.jsonl:") {
			t.Errorf("error %q does not start with SOURCE:LINE", err)
		}
	}
	if !errors.Is(errs[1], ErrNoText) {
		t.Errorf("a record without text should be ErrNoText: %v", errs[1])
	}

	a := arts[0]
	if a.Source != "feed.jsonl#1" || a.Line != 1 || a.Format != FormatJSONL || a.Text != "The talks went well, the minister said." {
		t.Errorf("line 1: %+v", a)
	}
	if a.Outlet != "RT" || a.Lang != "en" || a.Published.String() != "2025-02-26" || a.Title != "Talks" || a.URL != "https://www.rt.com/news/1/" {
		t.Errorf("line 1 metadata: outlet %q lang %q date %s title %q url %q", a.Outlet, a.Lang, a.Published, a.Title, a.URL)
	}
	if a.Hash != hashHex([]byte(strings.SplitN(in, "\n", 2)[0])) {
		t.Errorf("line 1 hash is not the hash of its line")
	}
	b := arts[1]
	if b.Source != "feed.jsonl#4" || b.Line != 4 || b.Outlet != "VG" || b.Lang != "nb" || b.Published.String() != "2025-06" || b.Published.Precision != PrecMonth {
		t.Errorf("line 4: %+v", b)
	}
	if c := arts[2]; c.Line != 7 || c.Published.String() != "2025-02-26" {
		t.Errorf("line 7 (unix time): %+v", c)
	}
}

func TestReadJSONArray(t *testing.T) {
	in := `[{"text": "First."}, {"nope": 1}, {"text": "Third."}]`
	arts, errs := Read("a.json", []byte(in), Options{})
	if len(arts) != 2 || len(errs) != 1 || arts[1].Source != "a.json#3" || arts[1].Line != 3 {
		t.Errorf("arts %+v errs %v", arts, errs)
	}
}

func TestReadJSONLFormatDetection(t *testing.T) {
	tests := []struct {
		name, source, in string
		want             Format
	}{
		{"object line without extension", "-", `{"text": "Hello there."}` + "\n", FormatJSONL},
		{"malformed first line with .jsonl", "x.jsonl", "{broken\n" + `{"text": "ok"}` + "\n", FormatJSONL},
		{"brace text without extension", "x.txt", "{not json} but a note\n\nText.\n", FormatText},
		{"html", "page", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", FormatHTML},
		{"html fragment by extension", "page.html", "<b>Hi</b> there", FormatHTML},
		{"plain text", "x", "Plain text.\n", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff(tt.source, []byte(tt.in)); got != tt.want {
				t.Errorf("sniff = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestReadJSONLEmpty(t *testing.T) {
	_, errs := Read("e.jsonl", []byte("\n\n  \n"), Options{})
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) {
		t.Errorf("errs = %v, want ErrEmpty", errs)
	}
}
