package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/store"
)

type searchOptions struct {
	words   string
	limit   int
	literal bool
}

func newSearchCmd(app *App) *cobra.Command {
	o := &searchOptions{}
	cmd := &cobra.Command{
		Use:   "search WORDS...",
		Short: "Full-text search over stored articles, ranked, with snippets",
		Long: `Finds articles whose title or text contains all the words, best match first.
Case and accents are ignored ("cafe" finds "café", "alesund" finds "Ålesund");
ø and æ are letters of their own. Words are searched literally: quotes, *,
NEAR, AND/OR and parentheses are not operators.

A place name also finds its names in the other languages of the gazetteer:
"Moscow" finds "Moskva" and "Москва", "Saudi Arabia" finds "Saudi-Arabia".
--literal turns that off.`,
		Example: `  claimtrail search Lavrov Rubio
  claimtrail search "nær fremtid" --format json
  claimtrail search Moscow talks        # also finds "Moskva"
  claimtrail search --literal Moskva`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.words = strings.Join(args, " ")
			return runSearch(cmd.Context(), app, o)
		},
	}
	cmd.Flags().IntVarP(&o.limit, "limit", "n", 20, "most results")
	cmd.Flags().BoolVar(&o.literal, "literal", false, "only the words as typed, not the other-language names of places")
	return cmd
}

func runSearch(ctx context.Context, app *App, o *searchOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	var hits []store.Hit
	if o.literal {
		hits, err = db.Search(ctx, o.words, o.limit)
	} else {
		hits, err = db.SearchGroups(ctx, claims.PlaceVariants(o.words), o.limit)
	}
	if errors.Is(err, store.ErrEmptyQuery) {
		return usageErr("search %q: %v", o.words, err)
	}
	if err != nil {
		return err
	}
	type rec struct {
		Article int64   `json:"article"`
		Source  string  `json:"source"`
		Outlet  *string `json:"outlet"`
		Title   string  `json:"title"`
		Snippet string  `json:"snippet"`
		Score   float64 `json:"score"`
	}
	recs := make([]rec, 0, len(hits))
	t := &table{cols: []string{"article", "source", "outlet", "snippet"}}
	for _, h := range hits {
		recs = append(recs, rec{h.Article, h.Source, strOrNull(h.Outlet), h.Title, h.Snippet, -h.Rank})
		t.add(fmt.Sprint(h.Article), h.Source, h.Outlet, h.Snippet)
	}
	return app.emit(recs, t)
}
