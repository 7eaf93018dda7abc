package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/claimtrail/claimtrail/claims"
)

// QuoteRow holds the quotation figures of one split, language and kind;
// Lang and Kind are "all" on the summary rows. In the agreement table Gold
// counts the main annotator's quotations and Pred the check annotator's.
type QuoteRow struct {
	Split      string `json:"split"`
	Lang       string `json:"lang"`
	Kind       string `json:"kind"`
	Files      int    `json:"files"`
	Gold       int    `json:"gold"`
	Pred       int    `json:"predicted"`
	TP         int    `json:"tp"`
	Precision  Ratio  `json:"precision"`
	Recall     Ratio  `json:"recall"`
	F1         Ratio  `json:"f1"`
	SpeakerOK  int    `json:"speaker_ok"`
	CueOK      int    `json:"cue_ok"`
	ViaOK      int    `json:"via_ok"`
	SpeakerAcc Ratio  `json:"speaker_accuracy"` // over matched pairs
	CueAcc     Ratio  `json:"cue_accuracy"`
	ViaAcc     Ratio  `json:"via_accuracy"`
}

// item is one quotation on either side of a comparison.
type item struct {
	kind       string
	start, end int
	text       string
	speaker    string
	unnamed    bool // predicted speaker marked as an unnamed source
	cue, via   string
	toks       []string
}

func goldItems(g GoldQuotes, text []byte) []item {
	out := make([]item, 0, len(g.Statements))
	for _, s := range g.Statements {
		t := string(text[s.Start:s.End])
		out = append(out, item{kind: s.Kind, start: s.Start, end: s.End, text: t, speaker: s.Speaker,
			unnamed: Fold(s.Speaker) == Unnamed, cue: s.Cue, via: s.Via, toks: Tokens(t)})
	}
	return out
}

func predItems(r *artResult) []item {
	var out []item
	for _, s := range r.stmts {
		if s.Kind != claims.Direct && s.Kind != claims.Indirect {
			continue
		}
		t := s.Text
		if s.Start >= 0 && s.Start <= s.End && s.End <= len(r.art.Text) {
			t = r.art.Text[s.Start:s.End]
		}
		out = append(out, item{kind: string(s.Kind), start: s.Start, end: s.End, text: t, speaker: s.Speaker,
			unnamed: s.SpeakerKind == claims.SpeakerUnnamed, cue: s.Cue, via: s.Via, toks: Tokens(t)})
	}
	return out
}

// fileMatch is the comparison of one file's gold and predicted items.
type fileMatch struct {
	pairs  [][2]item // matched gold, predicted
	fn, fp []item
}

// compare matches gold and predicted items kind by kind.
func compare(gold, pred []item) fileMatch {
	var m fileMatch
	for _, kind := range []string{"direct", "indirect"} {
		var g, p []item
		for _, it := range gold {
			if it.kind == kind {
				g = append(g, it)
			}
		}
		for _, it := range pred {
			if it.kind == kind {
				p = append(p, it)
			}
		}
		gt := make([][]string, len(g))
		for i := range g {
			gt[i] = g[i].toks
		}
		pt := make([][]string, len(p))
		for i := range p {
			pt[i] = p[i].toks
		}
		usedG := make([]bool, len(g))
		usedP := make([]bool, len(p))
		for _, pr := range Match(gt, pt, Threshold(kind)) {
			usedG[pr.Gold], usedP[pr.Pred] = true, true
			m.pairs = append(m.pairs, [2]item{g[pr.Gold], p[pr.Pred]})
		}
		for i, u := range usedG {
			if !u {
				m.fn = append(m.fn, g[i])
			}
		}
		for i, u := range usedP {
			if !u {
				m.fp = append(m.fp, p[i])
			}
		}
	}
	return m
}

// tally accumulates counts under keys split|lang|kind.
type tally struct {
	rows  map[[3]string]*QuoteRow
	files map[[2]string]map[string]bool
}

func newTally() *tally {
	return &tally{rows: map[[3]string]*QuoteRow{}, files: map[[2]string]map[string]bool{}}
}

func (t *tally) row(split, lang, kind string) *QuoteRow {
	k := [3]string{split, lang, kind}
	r := t.rows[k]
	if r == nil {
		r = &QuoteRow{Split: split, Lang: lang, Kind: kind}
		t.rows[k] = r
	}
	return r
}

// add counts one file's comparison under its split and language, and
// under "all" for each.
func (t *tally) add(split, lang, file string, gold, pred []item, m fileMatch) {
	t.addSplit(split, lang, file, gold, pred, m)
	t.addSplit("all", lang, file, gold, pred, m)
}

func (t *tally) addSplit(split, lang, file string, gold, pred []item, m fileMatch) {
	for _, l := range []string{lang, "all"} {
		fk := [2]string{split, l}
		if t.files[fk] == nil {
			t.files[fk] = map[string]bool{}
		}
		t.files[fk][file] = true
		for _, kind := range []string{"direct", "indirect", "all"} {
			r := t.row(split, l, kind)
			for _, it := range gold {
				if kind == "all" || it.kind == kind {
					r.Gold++
				}
			}
			for _, it := range pred {
				if kind == "all" || it.kind == kind {
					r.Pred++
				}
			}
			for _, pr := range m.pairs {
				if kind != "all" && pr[0].kind != kind {
					continue
				}
				r.TP++
				if SpeakerOK(pr[0].speaker, pr[1].speaker, pr[1].unnamed) {
					r.SpeakerOK++
				}
				if CueOK(pr[0].cue, pr[1].cue) {
					r.CueOK++
				}
				if ViaOK(pr[0].via, pr[1].via) {
					r.ViaOK++
				}
			}
		}
	}
}

// finish computes the ratios and returns the rows sorted by split,
// language and kind ("all" last in each). The split "all" is left out when
// only one split was counted: it would repeat that split's rows.
func (t *tally) finish() []QuoteRow {
	splits := map[string]bool{}
	for k := range t.rows {
		splits[k[0]] = true
	}
	out := make([]QuoteRow, 0, len(t.rows))
	for k, r := range t.rows {
		if k[0] == "all" && len(splits) <= 2 {
			continue
		}
		r.Files = len(t.files[[2]string{k[0], k[1]}])
		r.Precision = ratio(r.TP, r.Pred)
		r.Recall = ratio(r.TP, r.Gold)
		r.F1 = f1(r.Precision, r.Recall)
		r.SpeakerAcc = ratio(r.SpeakerOK, r.TP)
		r.CueAcc = ratio(r.CueOK, r.TP)
		r.ViaAcc = ratio(r.ViaOK, r.TP)
		out = append(out, *r)
	}
	rank := func(s string) string {
		if s == "all" {
			return "\xff"
		}
		return s
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Split != b.Split {
			return rank(a.Split) < rank(b.Split)
		}
		if a.Lang != b.Lang {
			return rank(a.Lang) < rank(b.Lang)
		}
		return rank(a.Kind) < rank(b.Kind)
	})
	return out
}

// quotes evaluates the extracted quotations against the gold of the
// selected splits.
func (e *evaluator) quotes(ctx context.Context, gold []GoldQuotes) error {
	t := newTally()
	var detail []string
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, ok := e.files.Get(g.File)
		if !ok {
			continue
		}
		r, _ := e.article(g.File)
		gi := goldItems(g, text)
		pi := predItems(r)
		m := compare(gi, pi)
		lang := g.Lang
		if lang == "" {
			lang = r.art.Lang
		}
		t.add(g.Split, lang, g.File, gi, pi, m)
		if e.showDetail(g.Split) {
			detail = append(detail, verboseLines(g.Split, g.File, m, "pred")...)
		}
	}
	e.rep.Quotes = t.finish()
	fmt.Fprintln(e.w)
	fmt.Fprintln(e.w, "== Quotations (gold vs extracted; speaker/cue/via accuracy over matched pairs)")
	printQuoteRows(e.w, e.rep.Quotes, "gold", "pred")
	printDetail(e.w, detail)
	return nil
}

// agreement compares the check annotator's files with the main gold of
// the same articles.
func (e *evaluator) agreement(ctx context.Context, main, checks []GoldQuotes) error {
	byFile := map[string]GoldQuotes{}
	for _, g := range main {
		byFile[g.File] = g
	}
	t := newTally()
	var detail []string
	n := 0
	for _, c := range checks {
		if err := ctx.Err(); err != nil {
			return err
		}
		g, ok := byFile[c.File]
		if !ok {
			continue
		}
		text, ok := e.files.Get(c.File)
		if !ok {
			continue
		}
		n++
		gi, ci := goldItems(g, text), goldItems(c, text)
		m := compare(gi, ci)
		lang := g.Lang
		if lang == "" {
			lang = c.Lang
		}
		t.add(g.Split, lang, g.File, gi, ci, m)
		if e.showDetail(g.Split) {
			detail = append(detail, verboseLines(g.Split, g.File, m, "annotator "+c.Annotator)...)
		}
	}
	e.rep.Agreement = t.finish()
	fmt.Fprintln(e.w)
	fmt.Fprintf(e.w, "== Inter-annotator agreement (main gold vs check annotations, %d files)\n", n)
	if n == 0 {
		fmt.Fprintln(e.w, "no article has both a main and a check annotation")
		return nil
	}
	printQuoteRows(e.w, e.rep.Agreement, "main", "check")
	printDetail(e.w, detail)
	return nil
}

// showDetail reports whether verbose details are listed for a split.
// Held-out articles are for measuring only: their texts are listed only
// when the held-out split alone was asked for, never in a default run.
func (e *evaluator) showDetail(split string) bool {
	if !e.o.Verbose {
		return false
	}
	if split == SplitHeldout && e.o.Split != SplitHeldout {
		if !e.heldoutNoted {
			e.heldoutNoted = true
			e.warn("verbose details of the held-out split are hidden; ask for --split heldout to list them")
		}
		return false
	}
	return true
}

// verboseLines lists the misses, extras and wrong speakers of one file.
func verboseLines(split, file string, m fileMatch, other string) []string {
	var out []string
	for _, it := range m.fn {
		out = append(out, fmt.Sprintf("FN\t%s\t%s\t%d..%d\t%s\tspeaker=%q\t%s", split, file, it.start, it.end, it.kind, it.speaker, oneLine(it.text)))
	}
	for _, it := range m.fp {
		out = append(out, fmt.Sprintf("FP\t%s\t%s\t%d..%d\t%s\tspeaker=%q\t%s", split, file, it.start, it.end, it.kind, it.speaker, oneLine(it.text)))
	}
	for _, pr := range m.pairs {
		g, p := pr[0], pr[1]
		if !SpeakerOK(g.speaker, p.speaker, p.unnamed) {
			out = append(out, fmt.Sprintf("SPEAKER\t%s\t%s\t%d..%d\t%s\tgold=%q %s=%q\t%s", split, file, g.start, g.end, g.kind, g.speaker, other, p.speaker, oneLine(g.text)))
		}
		if !CueOK(g.cue, p.cue) {
			out = append(out, fmt.Sprintf("CUE\t%s\t%s\t%d..%d\t%s\tgold=%q %s=%q\t%s", split, file, g.start, g.end, g.kind, g.cue, other, p.cue, oneLine(g.text)))
		}
		if !ViaOK(g.via, p.via) {
			out = append(out, fmt.Sprintf("VIA\t%s\t%s\t%d..%d\t%s\tgold=%q %s=%q\t%s", split, file, g.start, g.end, g.kind, g.via, other, p.via, oneLine(g.text)))
		}
	}
	return out
}

func printQuoteRows(w io.Writer, rows []QuoteRow, goldName, predName string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "split\tlang\tkind\tfiles\t%s\t%s\tTP\tP%%\tR%%\tF1%%\tspeaker%%\tcue%%\tvia%%\n", goldName, predName)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Split, r.Lang, r.Kind, r.Files,
			r.Gold, r.Pred, r.TP, pct(r.Precision), pct(r.Recall), pct(r.F1), pct(r.SpeakerAcc), pct(r.CueAcc), pct(r.ViaAcc))
	}
	tw.Flush()
}

func printDetail(w io.Writer, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, "-- details (text read from the articles, not stored)")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
