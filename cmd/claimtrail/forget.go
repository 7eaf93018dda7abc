package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newForgetCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "forget ARTICLE|SOURCE...",
		Short: "Delete articles with every version, statement and fact derived from them",
		Example: `  claimtrail forget 3
  claimtrail forget testdata/articles/002_31c6f96ba839029e.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runForget(cmd.Context(), app, args)
		},
		ValidArgsFunction: app.completeArticles,
	}
}

func runForget(ctx context.Context, app *App, refs []string) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	type rec struct {
		Article int64  `json:"article"`
		Source  string `json:"source"`
		Status  string `json:"status"`
	}
	var recs []rec
	t := &table{cols: []string{"article", "source", "status"}}
	for _, ref := range refs {
		a, err := db.Forget(ctx, ref)
		if err != nil {
			return withHint(err, "claimtrail sources")
		}
		recs = append(recs, rec{a.ID, a.Source, "forgotten"})
		t.add(fmt.Sprint(a.ID), a.Source, "forgotten")
	}
	return app.emit(recs, t)
}
