package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/store"
)

func newReextractCmd(app *App) *cobra.Command {
	var ids []int64
	cmd := &cobra.Command{
		Use:   "reextract",
		Short: "Re-run extraction on stored articles after the rules improved",
		Long: `Runs statement and fact extraction again on the stored text of every article
(or of --article ids), every version, and replaces what was stored. The text
and its offsets are kept as they are.`,
		Example: `  claimtrail reextract
  claimtrail reextract --article 3 --article 4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReextract(cmd.Context(), app, ids)
		},
	}
	cmd.Flags().Int64SliceVar(&ids, "article", nil, "only these article ids")
	return cmd
}

func runReextract(ctx context.Context, app *App, ids []int64) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	arts, err := db.Articles(ctx, store.ArticleFilter{IDs: ids})
	if err != nil {
		return err
	}
	n := 0
	for _, a := range arts {
		vs, err := db.Versions(ctx, a.ID)
		if err != nil {
			return err
		}
		for _, v := range vs {
			art := articleFromVersion(a, v)
			in := extractInput(art)
			if err := db.Replace(ctx, a.ID, v.Version, in.Statements, in.Facts); err != nil {
				return fmt.Errorf("reextract article %d version %d: %w", a.ID, v.Version, err)
			}
			n++
		}
	}
	if !app.Quiet {
		fmt.Fprintf(app.Stderr, "re-extracted %d versions of %d articles\n", n, len(arts))
	}
	return nil
}

// articleFromVersion rebuilds the extraction input of a stored version.
func articleFromVersion(a store.ArticleRow, v store.Version) sources.Article {
	return sources.Article{Source: a.Source, Text: v.Text, Body: v.Body, TitleSpan: v.TitleSpan, Title: a.Title,
		URL: a.URL, Outlet: a.Outlet, Lang: a.Lang, Published: a.Published, DateInferred: a.DateInferred,
		Boilerplate: v.Boilerplate, Hash: v.SHA256, Format: sources.Format(a.Format)}
}
