package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/store"
)

// completeArticles offers stored article ids (with their source as the
// description) for shell completion.
func (app *App) completeArticles(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	db, err := app.openDB(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	rows, err := db.Articles(cmd.Context(), store.ArticleFilter{})
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%d\t%s", r.ID, r.Source))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
