package main

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/sources/langid"
)

type evalOptions struct {
	gold    string
	corpus  string
	split   string
	verbose bool
}

func newEvalCmd(app *App) *cobra.Command {
	o := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval [GOLD_DIR]",
		Short: "Measure extraction and findings against hand-written gold annotations",
		Long: `Runs the extraction pipeline in memory over the articles named by the gold
annotations (default testdata/gold) and prints precision, recall and F1 of
quotations per kind, language and split, speaker accuracy, inter-annotator
agreement, metadata accuracy per field and recall of expected findings.
Corpus articles are read from --corpus (default $CORPUS or ../shared/corpus);
when it is absent they are skipped, and the output says so.`,
		Example: `  claimtrail eval
  claimtrail eval --split heldout --corpus ../shared/corpus
  claimtrail eval -v --split dev testdata/gold`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.gold = "testdata/gold"
			if len(args) == 1 {
				o.gold = args[0]
			}
			return runEval(cmd.Context(), app, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.corpus, "corpus", "", "corpus folder (default $CORPUS, else ../shared/corpus)")
	f.StringVar(&o.split, "split", "all", "dev, heldout or all")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "list every miss, false hit and wrong speaker")
	return cmd
}

// pipeline is the in-memory claimtrail pipeline that eval measures: the
// same reader, detector and extractors as ingest.
func pipeline() eval.Pipeline {
	p := eval.Pipeline{
		Read: func(source string, data []byte) ([]sources.Article, []error) {
			return sources.Read(source, data, sources.Options{DetectLang: langid.Detect})
		},
		Extract: claims.Extract,
	}
	p.Facts = claims.ExtractFacts
	p.Compare = claims.Compare
	return p
}

func runEval(ctx context.Context, app *App, o *evalOptions) error {
	corpus := o.corpus
	if corpus == "" {
		corpus = app.Getenv("CORPUS")
	}
	if corpus == "" {
		corpus = filepath.Join("..", "shared", "corpus")
	}
	if _, err := os.Stat(o.gold); err != nil {
		return withHint(usageErr("%s: gold folder not found", o.gold), "run from the repository root, or give GOLD_DIR")
	}
	w := app.Stdout
	asJSON := app.Format == "json" || app.Format == "jsonl"
	if asJSON {
		w = io.Discard
	}
	rep, err := eval.Run(ctx, pipeline(), eval.Options{GoldDir: o.gold, CorpusDir: corpus, Split: o.split, Verbose: o.verbose}, w)
	if err != nil {
		return err
	}
	if asJSON {
		return app.emit(rep, nil)
	}
	return nil
}
