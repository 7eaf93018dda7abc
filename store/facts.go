package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/claimtrail/claimtrail/claims"
)

// factWriter inserts the facts of one version.
type factWriter struct{ ins *sql.Stmt }

func newFactWriter(ctx context.Context, tx *sql.Tx) (*factWriter, error) {
	st, err := tx.PrepareContext(ctx, `INSERT INTO facts(version_id, article, statement, attribute, event, event_key, value, vague, negated, start, "end", data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	return &factWriter{ins: st}, nil
}

func (f *factWriter) close() { f.ins.Close() }

// insert stores facts; stmtIDs maps a fact's statement index to its row id.
func (f *factWriter) insert(ctx context.Context, vid, article int64, stmtIDs []int64, facts []claims.Fact) error {
	for i, fc := range facts {
		var stmt any
		if fc.Statement >= 0 && fc.Statement < len(stmtIDs) {
			stmt = stmtIDs[fc.Statement]
		}
		data, err := json.Marshal(fc)
		if err != nil {
			return fmt.Errorf("fact %d: %w", i, err)
		}
		if _, err := f.ins.ExecContext(ctx, vid, article, stmt, fc.Attribute, nullStr(fc.Event), nullStr(fc.EventKey),
			fc.Value, fc.Vague, fc.Negated, fc.Start, fc.End, string(data)); err != nil {
			return fmt.Errorf("fact %d: %w", i, err)
		}
	}
	return nil
}
