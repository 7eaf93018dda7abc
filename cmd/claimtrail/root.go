package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "claimtrail",
		Short: "Track claims and their sources across news articles",
		Long: `claimtrail ingests news articles (plain text, HTML pages, JSON Lines), records
each one's outlet, language and publication date, splits it into attributed
quotations, reported speech and assertions with byte offsets, compares the
facts across sources, answers provenance questions and exports citations.

The database is SQLite: --db, else $CLAIMTRAIL_DB, else
$XDG_DATA_HOME/claimtrail/claimtrail.db.`,
		Example: `  claimtrail ingest testdata/articles
  claimtrail sources
  claimtrail quotes --speaker Lavrov
  claimtrail conflicts --include-updates
  claimtrail provenance "mutually beneficial projects"
  claimtrail report --format html -o report.html`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			// report takes its own formats with the same flag.
			if cmd.Name() == "report" {
				return nil
			}
			if !slices.Contains(outputFormats, app.Format) {
				return usageErr("--format %q: want one of %s", app.Format, strings.Join(outputFormats, ", "))
			}
			return nil
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&app.DBPath, "db", "", "database file (default $CLAIMTRAIL_DB or $XDG_DATA_HOME/claimtrail/claimtrail.db)")
	pf.StringVar(&app.Format, "format", "table", "output format: table|json|jsonl|csv|md (report: csl-json|bibtex|ris|claimreview|md|html)")
	pf.BoolVarP(&app.Quiet, "quiet", "q", false, "no progress or summaries on stderr")
	root.RegisterFlagCompletionFunc("format", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if cmd.Name() == "report" {
			return reportFormats(), cobra.ShellCompDirectiveNoFileComp
		}
		return outputFormats, cobra.ShellCompDirectiveNoFileComp
	})
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{code: 2, err: err}
	})

	root.AddCommand(
		newIngestCmd(app),
		newSourcesCmd(app),
		newShowCmd(app),
		newForgetCmd(app),
		newSearchCmd(app),
		newExtractCmd(app),
		newQuotesCmd(app),
		newClaimsCmd(app),
		newReextractCmd(app),
		newFactsCmd(app),
		newFindingsCmd(app, "agreements"),
		newFindingsCmd(app, "conflicts"),
		newProvenanceCmd(app),
		newDriftCmd(app),
		newHistoryCmd(app),
		newReportCmd(app),
		newBackupCmd(app),
		newEvalCmd(app),
	)
	return root
}
