package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
)

type factsOptions struct {
	articles  []int64
	attribute string
}

func newFactsCmd(app *App) *cobra.Command {
	o := &factsOptions{}
	cmd := &cobra.Command{
		Use:   "facts [ARTICLE...]",
		Short: "Normalised facts (counts, dates, places, events) of stored articles",
		Long: `Lists the normalised facts found in the statements of the given articles (or of
all): the attribute (count, date, next_date, place, deaths ...), the event it is
about, the normalised value (digits, ISO dates, intervals for seasons and vague
phrases) and the byte span of the words it was read from.`,
		Example: `  claimtrail facts 4
  claimtrail facts --attribute date --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				id, err := strconv.ParseInt(a, 10, 64)
				if err != nil {
					return usageErr("article %q: want an article id", a)
				}
				o.articles = append(o.articles, id)
			}
			return runFacts(cmd.Context(), app, o)
		},
	}
	cmd.Flags().StringVar(&o.attribute, "attribute", "", "only this attribute")
	return cmd
}

func runFacts(ctx context.Context, app *App, o *factsOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	rows, err := db.Facts(ctx, o.articles)
	if err != nil {
		return err
	}
	var out []map[string]any
	t := &table{cols: []string{"article", "attribute", "event", "subject", "value", "vague", "start", "end", "text"}}
	for _, r := range rows {
		if o.attribute != "" && r.Attribute != o.attribute {
			continue
		}
		m := map[string]any{"article": r.Article, "source": r.Source, "attribute": r.Attribute, "event": r.Event,
			"subject": r.Subject, "event_key": r.EventKey, "value": r.Value, "vague": r.Vague, "negated": r.Negated,
			"start": r.Start, "end": r.End, "text": r.Text}
		out = append(out, m)
		t.add(fmt.Sprint(r.Article), r.Attribute, r.Event, r.Subject, r.Value, strconv.FormatBool(r.Vague),
			strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Text)
	}
	return app.emit(out, t)
}
