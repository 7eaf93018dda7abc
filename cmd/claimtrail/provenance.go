package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/sources/langid"
	"github.com/claimtrail/claimtrail/store"
)

// maxStatementRunes bounds what provenance accepts: one statement, not an
// article.
const maxStatementRunes = 10000

type provenanceOptions struct {
	statement string
	lang      string
	limit     int
}

func newProvenanceCmd(app *App) *cobra.Command {
	o := &provenanceOptions{}
	cmd := &cobra.Command{
		Use:   `provenance "STATEMENT"`,
		Short: "Who said a statement first, where, and how it was relayed",
		Long: `Finds where a pasted statement occurs in the stored articles: word for word
(verbatim), reworded (paraphrase), in another language sharing the same facts
and speaker (translation), or stating the same normalised facts (same_facts).
Prints every match with a score in [0,1], the earliest source (comparing
publication dates by their precision: "order_uncertain" when a month-precision
date cannot be ordered against a day inside it) and the relay chain the
articles state (speaker → the medium the words were given to → the outlets
that printed them).`,
		Example: `  claimtrail provenance "mutually beneficial projects"
  claimtrail provenance --format json "The consultations in Istanbul took place on February 27 and April 10"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.statement = strings.TrimSpace(args[0])
			if o.statement == "" {
				return usageErr("provenance: the statement is empty")
			}
			if n := utf8.RuneCountInString(o.statement); n > maxStatementRunes {
				return usageErr("provenance: the statement is %d characters long; paste one statement (at most %d)", n, maxStatementRunes)
			}
			if !utf8.ValidString(o.statement) {
				return usageErr("provenance: the statement is not valid UTF-8 text")
			}
			return runProvenance(cmd.Context(), app, o)
		},
	}
	cmd.Flags().StringVar(&o.lang, "lang", "", "language of the statement (default: detected)")
	cmd.Flags().IntVarP(&o.limit, "limit", "n", 50, "most matches")
	return cmd
}

type matchRecord struct {
	Article        int64   `json:"article"`
	Source         string  `json:"source"`
	Outlet         *string `json:"outlet"`
	Lang           string  `json:"lang"`
	Published      *string `json:"published"`
	Precision      string  `json:"precision"`
	Speaker        *string `json:"speaker"`
	Via            *string `json:"via,omitempty"`
	Text           string  `json:"text"`
	Kind           string  `json:"kind"`
	Relation       string  `json:"relation"`
	Score          float64 `json:"score"`
	Start          int     `json:"start"`
	End            int     `json:"end"`
	CopyOf         *int64  `json:"copy_of,omitempty"`
	OrderUncertain *bool   `json:"order_uncertain,omitempty"`
}

type chainLink struct {
	Speaker string `json:"speaker,omitempty"`
	Medium  string `json:"medium,omitempty"`
	Outlet  string `json:"outlet,omitempty"`
	Article int64  `json:"article"`
}

type provenanceResult struct {
	Query    string        `json:"query"`
	Lang     string        `json:"lang"`
	Matches  []matchRecord `json:"matches"`
	Earliest *matchRecord  `json:"earliest"`
	Chain    []chainLink   `json:"chain"`
}

// factKeys renders normalised facts as the keys matching compares
// (claims.FactKeys), adding for every full date its month and day, so a
// pasted "February 27" (no year, read against today) still meets the
// "27. februar" of a dated article.
func factKeys(fs []claims.Fact) []string {
	keys := claims.FactKeys(fs)
	for _, k := range keys {
		attr, val, ok := strings.Cut(k, "=")
		if ok && strings.Contains(attr, "date") && len(val) == 10 && val[4] == '-' {
			keys = append(keys, "md="+val[5:])
		}
	}
	sort.Strings(keys)
	return keys
}

func toCandidate(c store.Candidate) claims.Candidate {
	return claims.Candidate{Ref: c.ID, Article: c.Article, Source: c.Source, Outlet: c.Outlet, Lang: firstNonEmpty(c.Statement.Lang, c.Lang),
		Published: c.Published, Speaker: c.Speaker, SpeakerID: c.SpeakerID, Kind: c.Kind, Text: c.Text, Via: c.Via,
		Start: c.Start, End: c.End, FactKeys: factKeys(c.Facts)}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func toMatchRecord(m claims.Match) matchRecord {
	return matchRecord{Article: m.Article, Source: m.Source, Outlet: strOrNull(m.Outlet), Lang: m.Lang,
		Published: dateJSON(m.Published.String()), Precision: string(m.Published.PrecisionOrUnknown()),
		Speaker: strOrNull(m.Speaker), Via: strOrNull(m.Via), Text: m.Text, Kind: string(m.Kind),
		Relation: m.Relation, Score: round3(m.Score), Start: m.Start, End: m.End}
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func runProvenance(ctx context.Context, app *App, o *provenanceOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	lang := o.lang
	if lang == "" {
		// The statement is matched against stored articles, so its
		// language is one of theirs (or another, which matches through
		// facts only): detecting among them is as good and much faster
		// for a short statement.
		langs, err := db.Languages(ctx)
		if err != nil {
			return err
		}
		lang = langid.DetectAmong(o.statement, langs)
	}
	// The statement's own facts: dates without a year are read against
	// today, and compared by month and day too (see factKeys).
	doc := claims.Doc{Text: o.statement, Lang: lang, Body: sources.Span{End: len(o.statement)},
		Published: sources.DayDate(app.Now())}
	qstmts := []claims.Statement{{Kind: claims.Assertion, Text: o.statement, Start: 0, End: len(o.statement), Lang: lang}}
	qfacts := claims.ExtractFacts(doc, qstmts)
	qkeys := factKeys(qfacts)

	var values []string
	for _, f := range qfacts {
		if f.Value != "" && !f.Negated && !f.Vague {
			values = append(values, f.Value)
		}
	}
	cands, err := db.Candidates(ctx, store.CandidateQuery{Words: []string{o.statement}, FactValues: values})
	if err != nil {
		return err
	}
	canon, err := app.loadSpeakerCanon(ctx, db)
	if err != nil {
		return err
	}
	cs := make([]claims.Candidate, len(cands))
	for i, c := range cands {
		c.SpeakerID = canon.apply(c.SpeakerID)
		cs[i] = toCandidate(c)
	}
	ms := claims.MatchStatements(claims.Query{Text: o.statement, Lang: lang, FactKeys: qkeys}, cs)
	if o.limit > 0 && len(ms) > o.limit {
		ms = ms[:o.limit]
	}
	res := provenanceResult{Query: o.statement, Lang: lang, Matches: []matchRecord{}, Chain: []chainLink{}}
	copyOf, err := app.copies(ctx, db, ms)
	if err != nil {
		return err
	}
	for _, m := range ms {
		r := toMatchRecord(m)
		if orig, ok := copyOf[m.Article]; ok {
			r.CopyOf = &orig
		}
		res.Matches = append(res.Matches, r)
	}
	if len(ms) > 0 {
		best, uncertain := claims.Earliest(ms)
		e := toMatchRecord(ms[best])
		e.OrderUncertain = &uncertain
		res.Earliest = &e
		res.Chain = relayChain(ms, best)
	}
	t := &table{cols: []string{"article", "outlet", "published", "relation", "score", "speaker", "via", "text"}}
	for _, r := range res.Matches {
		t.add(fmt.Sprint(r.Article), deref(r.Outlet), deref(r.Published), r.Relation, fmt.Sprintf("%.2f", r.Score),
			deref(r.Speaker), deref(r.Via), r.Text)
	}
	if app.Format == "table" && !app.Quiet && res.Earliest != nil {
		defer func() {
			e := res.Earliest
			note := ""
			if *e.OrderUncertain {
				note = " (order uncertain: date precision cannot decide)"
			}
			fmt.Fprintf(app.Stderr, "earliest: article %d (%s, %s)%s\n", e.Article, firstNonEmpty(deref(e.Outlet), e.Source), firstNonEmpty(deref(e.Published), "date unknown"), note)
			var links []string
			for _, l := range res.Chain {
				links = append(links, firstNonEmpty(l.Speaker, l.Medium, l.Outlet))
			}
			if len(links) > 0 {
				fmt.Fprintf(app.Stderr, "chain: %s\n", strings.Join(links, " → "))
			}
		}()
	}
	if app.Format == "table" || app.Format == "csv" || app.Format == "md" {
		return app.emit(res.Matches, t)
	}
	if app.Format == "jsonl" {
		return app.emit(res.Matches, t)
	}
	return app.emit(res, t)
}

// relayChain follows the relay the articles state: the speaker of the
// earliest match, the medium the words were given to (its "via", or the
// first via any match states for the same speaker), then every outlet that
// printed a match, in publication order.
func relayChain(ms []claims.Match, best int) []chainLink {
	var chain []chainLink
	e := ms[best]
	if e.Speaker != "" {
		// The fullest name any match gives the same person.
		name := e.Speaker
		for _, m := range ms {
			if e.SpeakerID != "" && m.SpeakerID == e.SpeakerID && len(m.Speaker) > len(name) {
				name = m.Speaker
			}
		}
		chain = append(chain, chainLink{Speaker: name, Article: e.Article})
	}
	via, viaArticle := e.Via, e.Article
	if via == "" {
		for _, m := range ms {
			if m.Via != "" && (e.SpeakerID == "" || m.SpeakerID == e.SpeakerID) {
				via, viaArticle = m.Via, m.Article
				break
			}
		}
	}
	if via != "" {
		chain = append(chain, chainLink{Medium: via, Article: viaArticle})
	}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return dateKey(ms[order[a]].Published) < dateKey(ms[order[b]].Published)
	})
	seen := map[string]bool{}
	for _, i := range order {
		m := ms[i]
		name := m.Outlet
		if name == "" || seen[name] || strings.EqualFold(name, via) {
			continue
		}
		seen[name] = true
		chain = append(chain, chainLink{Outlet: name, Article: m.Article})
	}
	return chain
}

// dateKey sorts known dates by their first day, unknown last.
func dateKey(d sources.Date) string {
	if first, _, ok := d.Interval(); ok {
		return first.Format("2006-01-02")
	}
	return "9999"
}

// copies maps each matched article that is a copy of another (stored as a
// duplicate, or a near-identical syndicated text) to its origin, the
// earliest-ingested article of its group.
func (app *App) copies(ctx context.Context, db *store.Store, ms []claims.Match) (map[int64]int64, error) {
	out := map[int64]int64{}
	var ids []int64
	seen := map[int64]bool{}
	for _, m := range ms {
		if !seen[m.Article] {
			seen[m.Article] = true
			ids = append(ids, m.Article)
		}
	}
	if len(ids) < 2 {
		return out, nil
	}
	arts, err := db.Articles(ctx, store.ArticleFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	texts := map[int64]string{}
	for _, a := range arts {
		if a.DuplicateOf != 0 {
			out[a.ID] = a.DuplicateOf
			continue
		}
		vs, err := db.Versions(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		texts[a.ID] = vs[len(vs)-1].Text
	}
	for _, group := range claims.NearDuplicates(texts, 0.8) {
		sort.Slice(group, func(i, j int) bool { return group[i] < group[j] })
		for _, id := range group[1:] {
			out[id] = group[0]
		}
	}
	return out, nil
}
