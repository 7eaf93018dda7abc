package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/store"
)

type driftOptions struct {
	speaker       string
	minSimilarity float64
}

func newDriftCmd(app *App) *cobra.Command {
	o := &driftOptions{}
	cmd := &cobra.Command{
		Use:   "drift",
		Short: "Families of the same quotation across articles, with word diffs between variants",
		Long: `Groups occurrences of the same quotation across articles and over time (the same
words, a fragment of them, or a lightly edited form) into families, oldest
first, and shows a word-level diff between consecutive variants: how the
wording drifted as it was relayed.`,
		Example: `  claimtrail drift
  claimtrail drift --speaker Lavrov --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.minSimilarity <= 0 || o.minSimilarity > 1 {
				return usageErr("--min-similarity %v: want a number in (0,1]", o.minSimilarity)
			}
			return runDrift(cmd.Context(), app, o)
		},
	}
	cmd.Flags().StringVar(&o.speaker, "speaker", "", "only quotations by this speaker (any name form)")
	cmd.Flags().Float64Var(&o.minSimilarity, "min-similarity", 0.5, "how alike two variants must be to join a family")
	return cmd
}

type variantRecord struct {
	Article   int64   `json:"article"`
	Source    string  `json:"source"`
	Outlet    *string `json:"outlet"`
	Published *string `json:"published"`
	Speaker   *string `json:"speaker"`
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
}

type familyRecord struct {
	Family   int               `json:"family"`
	Speaker  *string           `json:"speaker"`
	Variants []variantRecord   `json:"variants"`
	Diffs    [][]claims.DiffOp `json:"diffs"`
}

func runDrift(ctx context.Context, app *App, o *driftOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	rows, err := db.Statements(ctx, store.StatementFilter{Kinds: []claims.Kind{claims.Direct}, SpeakerKeys: speakerKeys(o.speaker)})
	if err != nil {
		return err
	}
	canon, err := app.loadSpeakerCanon(ctx, db)
	if err != nil {
		return err
	}
	canon.rows(rows)
	cands := make([]claims.Candidate, len(rows))
	for i, r := range rows {
		cands[i] = toCandidate(store.Candidate{StatementRow: r})
	}
	fams := claims.Families(cands, o.minSimilarity)
	out := []familyRecord{}
	t := &table{cols: []string{"family", "article", "outlet", "published", "speaker", "variant"}}
	for i, f := range fams {
		fr := familyRecord{Family: i + 1, Diffs: f.Diffs}
		for j, m := range f.Members {
			if fr.Speaker == nil && m.Speaker != "" {
				fr.Speaker = strOrNull(m.Speaker)
			}
			fr.Variants = append(fr.Variants, variantRecord{m.Article, m.Source, strOrNull(m.Outlet),
				dateJSON(m.Published.String()), strOrNull(m.Speaker), m.Text, m.Start, m.End})
			text := m.Text
			if j > 0 && j-1 < len(f.Diffs) {
				text = renderDiff(f.Diffs[j-1])
			}
			t.add(fmt.Sprint(i+1), fmt.Sprint(m.Article), m.Outlet, m.Published.String(), m.Speaker, text)
		}
		out = append(out, fr)
	}
	return app.emit(out, t)
}
