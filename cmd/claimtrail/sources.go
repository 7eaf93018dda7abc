package main

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/store"
)

type sourcesOptions struct {
	outlet, lang, since, until string
}

type sourceRecord struct {
	Article      int64   `json:"article"`
	Source       string  `json:"source"`
	Outlet       *string `json:"outlet"`
	Lang         *string `json:"lang"`
	Published    *string `json:"published"`
	Precision    string  `json:"precision"`
	DateInferred bool    `json:"date_inferred"`
	Title        *string `json:"title"`
	URL          *string `json:"url"`
	Version      int     `json:"version"`
	Quotes       int     `json:"quotes"`
	Assertions   int     `json:"assertions"`
	DuplicateOf  *int64  `json:"duplicate_of"`
	Format       string  `json:"format"`
	IngestedAt   string  `json:"ingested_at"`
	SHA256       string  `json:"sha256"`
}

func toSourceRecord(a store.ArticleRow) sourceRecord {
	r := sourceRecord{Article: a.ID, Source: a.Source, Outlet: strOrNull(a.Outlet), Lang: strOrNull(a.Lang),
		Published: dateJSON(a.Published.String()), Precision: string(a.Published.PrecisionOrUnknown()),
		DateInferred: a.DateInferred, Title: strOrNull(a.Title), URL: strOrNull(a.URL), Version: a.Version,
		Quotes: a.Quotes, Assertions: a.Assertions, Format: a.Format,
		IngestedAt: a.IngestedAt.UTC().Format("2006-01-02T15:04:05Z"), SHA256: a.SHA256}
	if a.DuplicateOf != 0 {
		d := a.DuplicateOf
		r.DuplicateOf = &d
	}
	return r
}

func newSourcesCmd(app *App) *cobra.Command {
	o := &sourcesOptions{}
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List stored articles with outlet, language and publication date",
		Example: `  claimtrail sources
  claimtrail sources --outlet RT --format json
  claimtrail sources --lang nb --since 2025-01`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSources(cmd.Context(), app, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.outlet, "outlet", "", "only this outlet")
	f.StringVar(&o.lang, "lang", "", "only this language (ISO 639-1)")
	f.StringVar(&o.since, "since", "", "published on or after YYYY[-MM[-DD]]")
	f.StringVar(&o.until, "until", "", "published on or before YYYY[-MM[-DD]]")
	return cmd
}

func runSources(ctx context.Context, app *App, o *sourcesOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	rows, err := db.Articles(ctx, store.ArticleFilter{Outlet: o.outlet, Lang: o.lang, Since: o.since, Until: o.until})
	if err != nil {
		return err
	}
	recs := make([]sourceRecord, 0, len(rows))
	t := &table{cols: []string{"article", "source", "outlet", "lang", "published", "precision", "title", "version", "quotes", "assertions"}}
	for _, a := range rows {
		r := toSourceRecord(a)
		recs = append(recs, r)
		pub := a.Published.String()
		if a.DateInferred && pub != "" && app.StdoutTTY {
			pub += " (inferred)"
		}
		t.add(strconv.FormatInt(a.ID, 10), a.Source, a.Outlet, a.Lang, pub, string(a.Published.PrecisionOrUnknown()),
			a.Title, strconv.Itoa(a.Version), strconv.Itoa(a.Quotes), strconv.Itoa(a.Assertions))
	}
	return app.emit(recs, t)
}
