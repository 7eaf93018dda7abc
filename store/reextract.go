package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/claimtrail/claimtrail/claims"
)

// Replace swaps the statements and facts of one stored version for new
// ones (after the extraction rules improved), in one transaction; the text
// is kept as it is.
func (s *Store) Replace(ctx context.Context, article int64, version int, stmts []claims.Statement, facts []claims.Fact) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var vid int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM versions WHERE article = ? AND version = ?`, article, version).Scan(&vid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM statements WHERE version_id = ?`, vid); err != nil {
			return err
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		ids, err := w.insertStatements(ctx, vid, article, stmts)
		if err != nil {
			return err
		}
		return w.factW.insert(ctx, vid, article, ids, facts)
	})
}

// FactRow is a stored fact with its article.
type FactRow struct {
	Article int64
	Source  string
	claims.Fact
}

// Facts lists the facts of the current versions, of the given articles or
// of all when none are given.
func (s *Store) Facts(ctx context.Context, articles []int64) ([]FactRow, error) {
	q := `SELECT f.article, a.source, f.data FROM facts f JOIN versions v ON v.id = f.version_id
		JOIN articles a ON a.id = f.article AND a.version = v.version`
	var args []any
	if len(articles) > 0 {
		q += ` WHERE f.article IN (` + placeholders(len(articles)) + `)`
		for _, id := range articles {
			args = append(args, id)
		}
	}
	q += ` ORDER BY f.article, f.start, f.id`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []FactRow
	for rows.Next() {
		var r FactRow
		var data string
		if err := rows.Scan(&r.Article, &r.Source, &data); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &r.Fact); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
