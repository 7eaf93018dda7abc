package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
)

type showOptions struct {
	ref  string
	text bool
}

func newShowCmd(app *App) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ARTICLE",
		Short: "Show one article's metadata, or with --text its stored text",
		Long: `ARTICLE is an article id or its source as stored. With --text the stored text is
printed exactly as kept: every byte offset claimtrail reports indexes it.`,
		Example: `  claimtrail show 3
  claimtrail show --text testdata/articles/004_1c6c789afd2de84b.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ref = args[0]
			return runShow(cmd.Context(), app, o)
		},
		ValidArgsFunction: app.completeArticles,
	}
	cmd.Flags().BoolVar(&o.text, "text", false, "print the stored text")
	return cmd
}

func runShow(ctx context.Context, app *App, o *showOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	a, err := db.Article(ctx, o.ref)
	if err != nil {
		return withHint(err, "claimtrail sources")
	}
	if o.text {
		vs, err := db.Versions(ctx, a.ID)
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(app.Stdout, vs[len(vs)-1].Text)
		return err
	}
	r := toSourceRecord(a)
	t := &table{cols: []string{"field", "value"}}
	t.add("article", strconv.FormatInt(a.ID, 10))
	t.add("source", a.Source)
	t.add("title", a.Title)
	t.add("outlet", a.Outlet)
	t.add("lang", a.Lang)
	pub := a.Published.String()
	if a.DateInferred {
		pub += " (inferred from the text)"
	}
	t.add("published", pub)
	t.add("precision", string(a.Published.PrecisionOrUnknown()))
	t.add("url", a.URL)
	t.add("format", a.Format)
	t.add("version", strconv.Itoa(a.Version))
	t.add("ingested_at", r.IngestedAt)
	t.add("sha256", a.SHA256)
	t.add("quotes", strconv.Itoa(a.Quotes))
	t.add("assertions", strconv.Itoa(a.Assertions))
	if a.DuplicateOf != 0 {
		t.add("duplicate_of", strconv.FormatInt(a.DuplicateOf, 10))
	}
	return app.emit(r, t)
}
