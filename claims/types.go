// Package claims splits article text into attributed statements (direct
// quotations, reported speech and the outlet's own assertions), normalises
// the facts inside them, and compares facts across articles to find
// agreements and conflicts. It is pure: text in, values out.
package claims

import "github.com/claimtrail/claimtrail/sources"

// Kind is the kind of a statement.
type Kind string

// Statement kinds (SPEC.md).
const (
	Direct    Kind = "direct"    // verbatim, inside quotation marks or after a quotation dash
	Indirect  Kind = "indirect"  // reported speech without marks
	Assertion Kind = "assertion" // the outlet's own factual statement
)

// SpeakerKind says what sort of source a speaker is.
type SpeakerKind string

// Speaker kinds.
const (
	SpeakerPerson       SpeakerKind = "person"
	SpeakerOrganisation SpeakerKind = "organisation"
	SpeakerUnnamed      SpeakerKind = "unnamed" // "officials said", "a source close to", "kilder"
)

// Doc is what extraction reads: an article's stored text with the metadata
// that rules need.
type Doc struct {
	Text        string
	Lang        string // ISO 639-1; picks the language pack
	Body        sources.Span
	TitleSpan   sources.Span
	Boilerplate []sources.Span
	Published   sources.Date
}

// DocOf builds the extraction input for an article.
func DocOf(a sources.Article) Doc {
	body := a.Body
	if body.End == 0 && body.Start == 0 {
		body = sources.Span{Start: 0, End: len(a.Text)}
	}
	return Doc{Text: a.Text, Lang: a.Lang, Body: body, TitleSpan: a.TitleSpan,
		Boilerplate: a.Boilerplate, Published: a.Published}
}

// Statement is one attributed quotation, piece of reported speech or
// assertion. Start/End are byte offsets into the article's stored text and
// Text == text[Start:End] for every kind.
type Statement struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
	// Speaker is the fullest name the article gives ("Sergey Lavrov"), an
	// organisation ("the Kremlin"), an unnamed source as written
	// ("officials"), or "" when unclear.
	Speaker     string      `json:"speaker"`
	SpeakerID   string      `json:"speaker_id"`   // stable key across articles and languages
	SpeakerKind SpeakerKind `json:"speaker_kind"` // person|organisation|unnamed, "" when no speaker
	Cue         string      `json:"cue"`          // the reporting verb as written
	CueStart    int         `json:"cue_start"`    // byte span of the cue, 0/0 when none
	CueEnd      int         `json:"cue_end"`
	Via         string      `json:"via"`     // medium the words were relayed through ("TASS", "a Russian state-run news agency")
	Partial     bool        `json:"partial"` // a quoted fragment inside a sentence
	Lang        string      `json:"lang"`
	Start       int         `json:"start"`
	End         int         `json:"end"`
	Rule        string      `json:"rule"`       // which rule produced it
	Confidence  float64     `json:"confidence"` // 0..1
}

// Diagnostic is extraction trouble at a place in the text (an unbalanced
// quotation mark); it is reported, never a failure.
type Diagnostic struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Message string `json:"message"`
}
