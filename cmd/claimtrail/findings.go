package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
)

type findingsOptions struct {
	which          string // agreements | conflicts
	exitCode       bool
	includeUpdates bool
	attribute      string
	subject        string
	outlet         string
	minSeverity    string
}

var severityRank = map[string]int{"low": 1, "medium": 2, "high": 3}

func newFindingsCmd(app *App, which string) *cobra.Command {
	o := &findingsOptions{which: which}
	cmd := &cobra.Command{Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.minSeverity != "" && severityRank[o.minSeverity] == 0 {
				return usageErr("--min-severity %q: want low, medium or high", o.minSeverity)
			}
			return runFindings(cmd.Context(), app, o)
		},
	}
	if which == "agreements" {
		cmd.Use = "agreements"
		cmd.Short = "Claims that two or more sources state compatibly"
		cmd.Long = `Compares the normalised facts of the stored articles (counts, dates, places,
death tolls ...) about the same event, across outlets and languages, and lists
the values that sources agree on, with the evidence from each.`
		cmd.Example = `  claimtrail agreements
  claimtrail agreements --attribute date --format json`
	} else {
		cmd.Use = "conflicts"
		cmd.Short = "Claims that sources state incompatibly"
		cmd.Long = `Lists claims about the same event whose values are incompatible (a number, a
date outside a stated period, another place), with the evidence from each side
and a severity. --include-updates also lists later claims that revise earlier
ones as events moved on (a death toll that rose), which are not contradictions.
With --exit-code the exit status is 3 when at least one conflict is listed.`
		cmd.Example = `  claimtrail conflicts
  claimtrail conflicts --include-updates --format json
  claimtrail conflicts --exit-code --min-severity medium || echo "sources disagree"`
		cmd.Flags().BoolVar(&o.exitCode, "exit-code", false, "exit with status 3 when a conflict is listed")
		cmd.Flags().BoolVar(&o.includeUpdates, "include-updates", false, "also list updates (revisions as events moved on)")
	}
	f := cmd.Flags()
	f.StringVar(&o.attribute, "attribute", "", "only this attribute (count, date, next_date, place, deaths, ...)")
	f.StringVar(&o.subject, "subject", "", "only findings whose subject contains these words")
	f.StringVar(&o.outlet, "outlet", "", "only findings with a claim from this outlet")
	f.StringVar(&o.minSeverity, "min-severity", "", "only findings at least this severe: low, medium, high")
	return cmd
}

// loadFindings computes findings from the stored facts.
func (app *App) loadFindings(ctx context.Context) ([]claims.Finding, error) {
	db, err := app.openDB(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := db.Claims(ctx)
	if err != nil {
		return nil, err
	}
	return claims.Compare(cs), nil
}

func (o *findingsOptions) keep(f claims.Finding) bool {
	switch o.which {
	case "agreements":
		if f.Kind != "agreement" {
			return false
		}
	default:
		if f.Kind != "conflict" && !(o.includeUpdates && f.Kind == "update") {
			return false
		}
	}
	if o.attribute != "" && !strings.EqualFold(f.Attribute, o.attribute) {
		return false
	}
	if o.subject != "" && !strings.Contains(strings.ToLower(f.Subject), strings.ToLower(o.subject)) {
		return false
	}
	if o.minSeverity != "" && severityRank[f.Severity] < severityRank[o.minSeverity] {
		return false
	}
	if o.outlet != "" {
		found := false
		for _, c := range f.Claims {
			if strings.EqualFold(c.Outlet, o.outlet) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func runFindings(ctx context.Context, app *App, o *findingsOptions) error {
	all, err := app.loadFindings(ctx)
	if err != nil {
		return err
	}
	out := []claims.Finding{}
	t := &table{cols: []string{"kind", "severity", "attribute", "subject", "claims", "explanation"}}
	conflicts := 0
	for _, f := range all {
		if !o.keep(f) {
			continue
		}
		if f.Kind == "conflict" {
			conflicts++
		}
		out = append(out, f)
		var sides []string
		seen := map[string]bool{}
		for _, c := range f.Claims {
			who := c.Outlet
			if who == "" {
				who = filepath.Base(c.Source)
			}
			side := fmt.Sprintf("%s (#%d) %s", who, c.Article, c.Value)
			if !seen[side] {
				seen[side] = true
				sides = append(sides, side)
			}
		}
		t.add(f.Kind, f.Severity, f.Attribute, f.Subject, strings.Join(sides, "; "), f.Explanation)
	}
	if err := app.emit(out, t); err != nil {
		return err
	}
	if o.exitCode && conflicts > 0 {
		return &exitError{code: 3}
	}
	return nil
}
