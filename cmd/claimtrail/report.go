package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/report"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/store"
)

type reportOptions struct {
	output   string
	outlet   string
	speaker  string
	lang     string
	since    string
	until    string
	articles []int64
}

func reportFormats() []string { return report.Formats }

func newReportCmd(app *App) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report --format FORMAT -o FILE",
		Short: "Export a citation report: CSL-JSON, BibLaTeX, RIS, ClaimReview, Markdown or HTML",
		Long: `Writes the stored articles (filtered by the flags) with their statements and
findings as citations:

  csl-json     CSL-JSON items for Zotero, pandoc --citeproc
  bibtex       BibLaTeX entries (@article with entrysubtype newspaper, or @online)
  ris          RIS records (TY NEWS or ELEC)
  claimreview  schema.org Claim / ClaimReview JSON-LD (no rating is invented)
  md           a newsroom memo: sources, quotations by speaker, agreements, conflicts
  html         one self-contained page with a timeline of sources and claims

-o - writes to stdout.`,
		Example: `  claimtrail report --format html -o report.html
  claimtrail report --format bibtex --speaker Lavrov -o lavrov.bib
  claimtrail report --format csl-json --since 2025-06 -o - | pandoc --citeproc ...`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(report.Formats, app.Format) {
				return usageErr("report --format %q: want one of %s", app.Format, strings.Join(report.Formats, ", "))
			}
			if o.output == "" {
				return withHint(usageErr("report: no output file"), "claimtrail report --format "+app.Format+" -o FILE (or -o - for stdout)")
			}
			return runReport(cmd.Context(), app, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "file to write (- for stdout)")
	f.StringVar(&o.outlet, "outlet", "", "only articles of this outlet")
	f.StringVar(&o.speaker, "speaker", "", "only statements by this speaker (any name form)")
	f.StringVar(&o.lang, "lang", "", "only articles in this language")
	f.StringVar(&o.since, "since", "", "only articles published on or after YYYY[-MM[-DD]]")
	f.StringVar(&o.until, "until", "", "only articles published on or before YYYY[-MM[-DD]]")
	f.Int64SliceVar(&o.articles, "article", nil, "only these article ids")
	return cmd
}

func (o *reportOptions) describe() string {
	var parts []string
	for _, p := range [][2]string{{"outlet", o.outlet}, {"speaker", o.speaker}, {"lang", o.lang}, {"since", o.since}, {"until", o.until}} {
		if p[1] != "" {
			parts = append(parts, p[0]+"="+p[1])
		}
	}
	if len(o.articles) > 0 {
		parts = append(parts, fmt.Sprintf("articles=%v", o.articles))
	}
	return strings.Join(parts, ", ")
}

func runReport(ctx context.Context, app *App, o *reportOptions) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	in, err := app.reportInput(ctx, db, o)
	if err != nil {
		return err
	}
	if o.output == "-" {
		return report.Write(app.Stdout, app.Format, in)
	}
	// Write beside the target and rename, so a failed export never leaves
	// a half-written file.
	dir := filepath.Dir(o.output)
	tmp, err := os.CreateTemp(dir, ".claimtrail-report-*")
	if err != nil {
		return fmt.Errorf("%s: %w", o.output, cleanPathErr(err))
	}
	defer os.Remove(tmp.Name())
	if err := report.Write(tmp, app.Format, in); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", o.output, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", o.output, err)
	}
	if err := os.Rename(tmp.Name(), o.output); err != nil {
		return fmt.Errorf("%s: %w", o.output, cleanPathErr(err))
	}
	if !app.Quiet {
		fmt.Fprintf(app.Stderr, "wrote %s report of %d articles, %d statements, %d findings to %s\n",
			app.Format, len(in.Articles), len(in.Statements), len(in.Findings), o.output)
	}
	return nil
}

func (app *App) reportInput(ctx context.Context, db *store.Store, o *reportOptions) (report.Input, error) {
	in := report.Input{Generated: app.Now().UTC(), Filters: o.describe()}
	arts, err := db.Articles(ctx, store.ArticleFilter{Outlet: o.outlet, Lang: o.lang, Since: o.since, Until: o.until, IDs: o.articles})
	if err != nil {
		return in, err
	}
	outlets := sources.DefaultOutlets()
	keep := map[int64]bool{}
	var ids []int64
	for _, a := range arts {
		ra := report.Article{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Lang: a.Lang, Title: a.Title,
			Published: a.Published, DateInferred: a.DateInferred, IngestedAt: a.IngestedAt, Version: a.Version}
		if ot, ok := outlets.ByName(a.Outlet); ok && a.Outlet != "" {
			ra.StateAffiliated = ot.StateAffiliated
		}
		in.Articles = append(in.Articles, ra)
		keep[a.ID] = true
		ids = append(ids, a.ID)
	}
	if len(ids) == 0 {
		return in, nil
	}
	rows, err := db.Statements(ctx, store.StatementFilter{SpeakerKeys: speakerKeys(o.speaker), Articles: ids})
	if err != nil {
		return in, err
	}
	for _, r := range rows {
		in.Statements = append(in.Statements, report.Statement{Article: r.Article, Statement: r.Statement})
	}
	findings, err := app.loadFindings(ctx)
	if err != nil {
		return in, err
	}
	for _, f := range findings {
		rf := report.Finding{Kind: f.Kind, Attribute: f.Attribute, Subject: f.Subject, Severity: f.Severity, Explanation: f.Explanation}
		inScope := false
		for _, c := range f.Claims {
			if keep[c.Article] {
				inScope = true
			}
			rf.Claims = append(rf.Claims, report.FindingClaim{Article: c.Article, Source: c.Source, Outlet: c.Outlet,
				Lang: c.Lang, Published: c.Published, Speaker: c.Speaker, Text: c.Text, Value: c.Value,
				Vague: c.Vague, Start: c.Start, End: c.End})
		}
		if inScope {
			in.Findings = append(in.Findings, rf)
		}
	}
	return in, nil
}
