package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/store"
)

func newHistoryCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "history SOURCE",
		Short: "Versions of an article and how its claims changed between them",
		Long: `Lists the stored versions of an article (re-ingesting changed bytes from the
same source makes a new version) and, between consecutive versions, the
statements added, removed and changed, each change with a word-level diff. A
change of a number or date inside a claim is called out.`,
		Example: `  claimtrail history https://example.org/story
  claimtrail history --format json testdata/articles/001_8f8bbc474127e9bb.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runHistory(cmd.Context(), app, args[0])
		},
		ValidArgsFunction: app.completeArticles,
	}
	return cmd
}

type versionRecord struct {
	Version    int    `json:"version"`
	SHA256     string `json:"sha256"`
	IngestedAt string `json:"ingested_at"`
}

type changedRecord struct {
	Before         statementRecord `json:"before"`
	After          statementRecord `json:"after"`
	Diff           []claims.DiffOp `json:"diff"`
	NumbersChanged bool            `json:"numbers_changed"`
}

type changeRecord struct {
	From          int               `json:"from"`
	To            int               `json:"to"`
	ClaimsAdded   []statementRecord `json:"claims_added"`
	ClaimsRemoved []statementRecord `json:"claims_removed"`
	ClaimsChanged []changedRecord   `json:"claims_changed"`
}

type historyResult struct {
	Article  int64           `json:"article"`
	Source   string          `json:"source"`
	Versions []versionRecord `json:"versions"`
	Changes  []changeRecord  `json:"changes"`
}

func runHistory(ctx context.Context, app *App, ref string) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	a, err := db.Article(ctx, ref)
	if err != nil {
		return withHint(err, "claimtrail sources")
	}
	vs, err := db.Versions(ctx, a.ID)
	if err != nil {
		return err
	}
	rows, err := db.Statements(ctx, store.StatementFilter{Articles: []int64{a.ID}, AllVersions: true})
	if err != nil {
		return err
	}
	byVersion := map[int][]claims.Statement{}
	for _, r := range rows {
		byVersion[r.Version] = append(byVersion[r.Version], r.Statement)
	}
	res := historyResult{Article: a.ID, Source: a.Source, Versions: []versionRecord{}, Changes: []changeRecord{}}
	for _, v := range vs {
		res.Versions = append(res.Versions, versionRecord{v.Version, v.SHA256, v.IngestedAt.UTC().Format("2006-01-02T15:04:05Z")})
	}
	t := &table{cols: []string{"from", "to", "change", "kind", "speaker", "text"}}
	for i := 1; i < len(vs); i++ {
		from, to := vs[i-1].Version, vs[i].Version
		added, removed, changed := claims.CompareVersions(byVersion[from], byVersion[to])
		c := changeRecord{From: from, To: to, ClaimsAdded: []statementRecord{}, ClaimsRemoved: []statementRecord{}, ClaimsChanged: []changedRecord{}}
		for _, s := range added {
			c.ClaimsAdded = append(c.ClaimsAdded, toStatementRecord(s))
			t.add(fmt.Sprint(from), fmt.Sprint(to), "added", string(s.Kind), s.Speaker, s.Text)
		}
		for _, s := range removed {
			c.ClaimsRemoved = append(c.ClaimsRemoved, toStatementRecord(s))
			t.add(fmt.Sprint(from), fmt.Sprint(to), "removed", string(s.Kind), s.Speaker, s.Text)
		}
		for _, ch := range changed {
			c.ClaimsChanged = append(c.ClaimsChanged, changedRecord{Before: toStatementRecord(ch.Before),
				After: toStatementRecord(ch.After), Diff: ch.Diff, NumbersChanged: ch.NumbersChanged})
			label := "changed"
			if ch.NumbersChanged {
				label = "changed (number/date)"
			}
			t.add(fmt.Sprint(from), fmt.Sprint(to), label, string(ch.After.Kind), ch.After.Speaker, renderDiff(ch.Diff))
		}
		res.Changes = append(res.Changes, c)
	}
	if app.Format == "json" || app.Format == "jsonl" {
		return app.emit(res, t)
	}
	if len(vs) < 2 && !app.Quiet {
		fmt.Fprintf(app.Stderr, "%s has one version (ingested %s): nothing changed yet\n", a.Source, res.Versions[0].IngestedAt)
	}
	return app.emit(res, t)
}

// renderDiff shows a word diff inline: [-deleted-]{+inserted+}.
func renderDiff(ops []claims.DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case "delete":
			b.WriteString("[-" + op.Text + "-]")
		case "insert":
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}
