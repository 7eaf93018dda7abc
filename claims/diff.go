package claims

import (
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffOp is one piece of a word-level diff (SPEC.md history: {op:
// equal|insert|delete, text}).
type DiffOp struct {
	Op   string `json:"op"` // "equal", "insert" or "delete"
	Text string `json:"text"`
}

// Diff operations.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
)

// wdTimeout bounds one diff. Statements diff in microseconds; the bound
// only matters for pathological inputs (whole articles with thousands of
// scattered edits), where go-diff then returns a coarser but still correct
// diff.
const wdTimeout = 2 * time.Second

// WordDiff diffs two texts word by word with github.com/sergi/go-diff.
//
// Tokens are words (letters, marks and digits, with inner hyphens and
// apostrophes: "mutually-beneficial", "don't", "ambassadørens"), runs of
// white space, and single other characters (punctuation, quotation marks).
// Each distinct token becomes one rune (the idea of go-diff's
// DiffLinesToChars, done here directly so that tokens may contain
// newlines), the rune strings are diffed, and the runes are mapped back to
// the tokens of the original texts by position. So the diff never splits a
// word, and the round trip is exact, byte for byte, also for invalid UTF-8:
// concatenating the equal and delete ops gives a, the equal and insert ops
// give b. Adjacent ops of one kind are merged; no op has empty text.
func WordDiff(a, b string) []DiffOp {
	if a == b {
		if a == "" {
			return nil
		}
		return []DiffOp{{Op: OpEqual, Text: a}}
	}
	ta, tb := wdTokens(a), wdTokens(b)
	ids := make(map[string]rune, len(ta)+len(tb))
	ra, rb := wdRunes(a, ta, ids), wdRunes(b, tb, ids)

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = wdTimeout
	diffs := dmp.DiffMainRunes(ra, rb, false)

	var (
		out      []DiffOp
		del, ins []byte // pending edits since the last equal op
	)
	flush := func() {
		if len(del) > 0 {
			out = append(out, DiffOp{Op: OpDelete, Text: string(del)})
			del = del[:0]
		}
		if len(ins) > 0 {
			out = append(out, DiffOp{Op: OpInsert, Text: string(ins)})
			ins = ins[:0]
		}
	}
	// emit merges adjacent ops and writes each run of edits between two
	// equal ops as one delete followed by one insert, so a replacement
	// always reads "delete old, insert new".
	emit := func(op, s string) {
		switch op {
		case OpDelete:
			del = append(del, s...)
		case OpInsert:
			ins = append(ins, s...)
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].Op == OpEqual {
				out[n-1].Text += s
				return
			}
			out = append(out, DiffOp{Op: OpEqual, Text: s})
		}
	}
	ia, ib := 0, 0 // next token of a and of b
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			// Equal runes mean equal tokens unless the rune space
			// overflowed (see wdRunes); check, so the round trip holds.
			for k := 0; k < n && ia < len(ta) && ib < len(tb); k++ {
				sa, sb := a[ta[ia][0]:ta[ia][1]], b[tb[ib][0]:tb[ib][1]]
				if sa == sb {
					emit(OpEqual, sa)
				} else {
					emit(OpDelete, sa)
					emit(OpInsert, sb)
				}
				ia++
				ib++
			}
		case diffmatchpatch.DiffDelete:
			for k := 0; k < n && ia < len(ta); k++ {
				emit(OpDelete, a[ta[ia][0]:ta[ia][1]])
				ia++
			}
		case diffmatchpatch.DiffInsert:
			for k := 0; k < n && ib < len(tb); k++ {
				emit(OpInsert, b[tb[ib][0]:tb[ib][1]])
				ib++
			}
		}
	}
	// go-diff accounts for every rune; these loops only guard the round
	// trip should it ever not.
	for ; ia < len(ta); ia++ {
		emit(OpDelete, a[ta[ia][0]:ta[ia][1]])
	}
	for ; ib < len(tb); ib++ {
		emit(OpInsert, b[tb[ib][0]:tb[ib][1]])
	}
	flush()
	return out
}

// wdRunes maps each token of s to a rune, one rune per distinct token
// text, shared through ids between the two texts of a diff. Runes skip the
// surrogate range so each stays a valid code point; past the last code
// point (over a million distinct tokens) runes repeat, which WordDiff's
// equality check absorbs.
func wdRunes(s string, toks [][2]int, ids map[string]rune) []rune {
	out := make([]rune, len(toks))
	for i, t := range toks {
		w := s[t[0]:t[1]]
		r, ok := ids[w]
		if !ok {
			n := len(ids) % (unicode.MaxRune - 0x800)
			r = rune(n + 1)
			if r >= 0xD800 {
				r += 0x800
			}
			ids[w] = r
		}
		out[i] = r
	}
	return out
}

// wdTokens splits s into diff tokens, as byte ranges that tile s exactly.
//
// Grammar:
//
//	token = word | space | other
//	word  = wordrune { wordrune } { joiner wordrune { wordrune } }
//	space = spacerune { spacerune }
//	other = any single rune (or single invalid byte)
//
// where wordrune is a letter, mark or digit and joiner a hyphen or an
// apostrophe (', ’) between word runes.
func wdTokens(s string) [][2]int {
	toks := make([][2]int, 0, len(s)/3+1)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		start := i
		switch {
		case mtIsWordRune(r):
			i += w
			for i < len(s) {
				r, w = utf8.DecodeRuneInString(s[i:])
				if mtIsWordRune(r) {
					i += w
					continue
				}
				if mtIsJoiner(r) && i+w < len(s) {
					r2, _ := utf8.DecodeRuneInString(s[i+w:])
					if mtIsWordRune(r2) {
						i += w
						continue
					}
				}
				break
			}
		case unicode.IsSpace(r):
			i += w
			for i < len(s) {
				r, w = utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += w
			}
		default:
			i += w
		}
		toks = append(toks, [2]int{start, i})
	}
	return toks
}

// mtIsWordRune reports whether r belongs to a word: a letter, a combining
// mark or a digit. The replacement rune (also what an invalid byte decodes
// to) is not.
func mtIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// mtIsJoiner reports whether r joins two word parts into one token.
func mtIsJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', '‐', '‑':
		return true
	}
	return false
}
