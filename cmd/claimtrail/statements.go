package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/sources/langid"
	"github.com/claimtrail/claimtrail/store"
)

// statementRecord is a statement as SPEC.md prints it.
type statementRecord struct {
	Doc         string  `json:"doc,omitempty"`
	Article     *int64  `json:"article,omitempty"`
	Source      string  `json:"source,omitempty"`
	Outlet      *string `json:"outlet,omitempty"`
	Published   *string `json:"published,omitempty"`
	Kind        string  `json:"kind"`
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	SpeakerID   *string `json:"speaker_id"`
	SpeakerKind *string `json:"speaker_kind"`
	Cue         *string `json:"cue"`
	Via         *string `json:"via"`
	Lang        string  `json:"lang"`
	Partial     bool    `json:"partial"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Rule        string  `json:"rule"`
	Confidence  float64 `json:"confidence"`
}

func toStatementRecord(st claims.Statement) statementRecord {
	return statementRecord{Kind: string(st.Kind), Text: st.Text, Speaker: strOrNull(st.Speaker),
		SpeakerID: strOrNull(st.SpeakerID), SpeakerKind: strOrNull(string(st.SpeakerKind)), Cue: strOrNull(st.Cue),
		Via: strOrNull(st.Via), Lang: st.Lang, Partial: st.Partial, Start: st.Start, End: st.End,
		Rule: st.Rule, Confidence: st.Confidence}
}

func storedStatementRecord(r store.StatementRow) statementRecord {
	rec := toStatementRecord(r.Statement)
	id := r.Article
	rec.Article, rec.Source, rec.Outlet, rec.Published = &id, r.Source, strOrNull(r.Outlet), dateJSON(r.Published.String())
	if rec.Lang == "" {
		rec.Lang = r.Lang
	}
	return rec
}

func statementTable(withDoc bool) *table {
	if withDoc {
		return &table{cols: []string{"doc", "kind", "speaker", "cue", "via", "start", "end", "text"}}
	}
	return &table{cols: []string{"article", "outlet", "published", "kind", "speaker", "cue", "via", "start", "end", "text"}}
}

func addStatementRow(t *table, r statementRecord) {
	if r.Doc != "" {
		t.add(r.Doc, r.Kind, deref(r.Speaker), deref(r.Cue), deref(r.Via), strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Text)
		return
	}
	t.add(idStr(r.Article), deref(r.Outlet), deref(r.Published), r.Kind, deref(r.Speaker), deref(r.Cue), deref(r.Via),
		strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Text)
}

type extractOptions struct {
	files       []string
	lang        string
	kinds       []string
	diagnostics bool
}

func newExtractCmd(app *App) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Extract statements from files without a database",
		Long: `Reads each file as ingest would and prints its statements: direct quotations,
reported speech and assertions, with speaker, cue, the medium they were relayed
through (via) and byte offsets into the article's stored text. Nothing is stored.`,
		Example: `  claimtrail extract --format jsonl testdata/articles/*.txt
  claimtrail extract --kind direct,indirect article.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			return runExtract(cmd.Context(), app, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.lang, "lang", "", "language of the files (overrides detection)")
	f.StringSliceVar(&o.kinds, "kind", nil, "only these kinds: direct, indirect, assertion")
	f.BoolVar(&o.diagnostics, "diagnostics", false, "also print extraction diagnostics (unbalanced quotation marks) on stderr")
	return cmd
}

func kindFilter(kinds []string) ([]claims.Kind, error) {
	var out []claims.Kind
	for _, k := range kinds {
		switch claims.Kind(k) {
		case claims.Direct, claims.Indirect, claims.Assertion:
			out = append(out, claims.Kind(k))
		default:
			return nil, usageErr("--kind %q: want direct, indirect or assertion", k)
		}
	}
	return out, nil
}

func hasKind(ks []claims.Kind, k claims.Kind) bool {
	if len(ks) == 0 {
		return true
	}
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func runExtract(ctx context.Context, app *App, o *extractOptions) error {
	kinds, err := kindFilter(o.kinds)
	if err != nil {
		return err
	}
	opts := sources.Options{Lang: o.lang, DetectLang: langid.Detect}
	var recs []statementRecord
	t := statementTable(true)
	failed := false
	for _, name := range o.files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(app.Stderr, "claimtrail: %s: %v\n", name, cleanPathErr(err))
			failed = true
			continue
		}
		arts, errs := sources.Read(name, data, opts)
		for _, e := range errs {
			fmt.Fprintf(app.Stderr, "claimtrail: %v\n", e)
			failed = true
		}
		for _, a := range arts {
			stmts, diags := claims.Extract(claims.DocOf(a))
			if o.diagnostics {
				for _, d := range diags {
					fmt.Fprintf(app.Stderr, "%s:%d-%d: %s\n", a.Source, d.Start, d.End, d.Message)
				}
			}
			for _, st := range stmts {
				if !hasKind(kinds, st.Kind) {
					continue
				}
				r := toStatementRecord(st)
				r.Doc = a.Source
				if r.Lang == "" {
					r.Lang = a.Lang
				}
				recs = append(recs, r)
				addStatementRow(t, r)
			}
		}
	}
	if err := app.emit(recs, t); err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

type quotesOptions struct {
	speaker, outlet, lang, via string
	article                    []int64
	kinds                      []string
	limit                      int
	claimsOnly                 bool
}

func newQuotesCmd(app *App) *cobra.Command {
	o := &quotesOptions{}
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List stored quotations and reported speech",
		Long: `Lists direct quotations and reported speech of the stored articles. --speaker
matches any of a person's name forms: "Lavrov", "Sergey Lavrov" and
"Sergej Lavrov" find the same statements.`,
		Example: `  claimtrail quotes --speaker Lavrov
  claimtrail quotes --via TASS --format json
  claimtrail quotes --lang nb --outlet NRK`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatements(cmd.Context(), app, o, []claims.Kind{claims.Direct, claims.Indirect})
		},
	}
	o.flags(cmd)
	cmd.Flags().StringSliceVar(&o.kinds, "kind", nil, "only these kinds: direct, indirect")
	return cmd
}

func newClaimsCmd(app *App) *cobra.Command {
	o := &quotesOptions{}
	cmd := &cobra.Command{
		Use:   "claims",
		Short: "List every stored statement: quotations, reported speech and assertions",
		Example: `  claimtrail claims --article 2
  claimtrail claims --kind assertion --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatements(cmd.Context(), app, o, nil)
		},
	}
	o.flags(cmd)
	cmd.Flags().StringSliceVar(&o.kinds, "kind", nil, "only these kinds: direct, indirect, assertion")
	return cmd
}

func (o *quotesOptions) flags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.speaker, "speaker", "", "only statements by this person or organisation (any name form)")
	f.StringVar(&o.outlet, "outlet", "", "only articles of this outlet")
	f.StringVar(&o.lang, "lang", "", "only this language")
	f.StringVar(&o.via, "via", "", "only statements relayed through this medium (e.g. TASS)")
	f.Int64SliceVar(&o.article, "article", nil, "only these article ids")
	f.IntVarP(&o.limit, "limit", "n", 0, "most statements (0 = all)")
}

// speakerKeys returns the forms --speaker matches: the words as typed and
// their normalised speaker id (transliteration variants folded).
func speakerKeys(name string) []string {
	if name == "" {
		return nil
	}
	keys := []string{name}
	if id := claims.SpeakerID(name); id != "" && id != name {
		keys = append(keys, id)
	}
	return keys
}

func runStatements(ctx context.Context, app *App, o *quotesOptions, base []claims.Kind) error {
	kinds, err := kindFilter(o.kinds)
	if err != nil {
		return err
	}
	if len(kinds) == 0 {
		kinds = base
	}
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	rows, err := db.Statements(ctx, store.StatementFilter{Kinds: kinds, SpeakerKeys: speakerKeys(o.speaker),
		Outlet: o.outlet, Lang: o.lang, Via: o.via, Articles: o.article, Limit: o.limit})
	if err != nil {
		return err
	}
	canon, err := app.loadSpeakerCanon(ctx, db)
	if err != nil {
		return err
	}
	canon.rows(rows)
	recs := make([]statementRecord, 0, len(rows))
	t := statementTable(false)
	for _, r := range rows {
		rec := storedStatementRecord(r)
		recs = append(recs, rec)
		addStatementRow(t, rec)
	}
	return app.emit(recs, t)
}
