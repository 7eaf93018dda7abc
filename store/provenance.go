package store

import (
	"context"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail/claims"
)

// Candidate is a stored statement of a current version offered to
// provenance matching, with the normalised facts found in it.
type Candidate struct {
	StatementRow
	Facts []claims.Fact
}

// CandidateQuery says which statements may match a pasted statement.
type CandidateQuery struct {
	// Words are searched in statement texts (any of them; FTS5 bm25
	// ranks statements sharing more and rarer words first).
	Words []string
	// FactValues find statements in any language carrying one of these
	// normalised values (dates, counts, places), for translations.
	FactValues []string
	Limit      int // per path; default 300
}

// orQuery turns words into a safe FTS5 query matching any of them.
func orQuery(words []string) string {
	var parts []string
	seen := map[string]bool{}
	for _, w := range words {
		for _, t := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			t = strings.ToLower(t)
			if seen[t] {
				continue
			}
			seen[t] = true
			parts = append(parts, `"`+t+`"`)
		}
	}
	return strings.Join(parts, " OR ")
}

// Candidates returns statements that may match: by shared words (full-text
// index) and by shared normalised fact values, each with its facts.
func (s *Store) Candidates(ctx context.Context, q CandidateQuery) ([]Candidate, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 300
	}
	ids := map[int64]bool{}
	var order []int64
	add := func(id int64) {
		if !ids[id] {
			ids[id] = true
			order = append(order, id)
		}
	}
	if fq := orQuery(q.Words); fq != "" {
		rows, err := s.db.QueryContext(ctx, `SELECT f.rowid FROM statement_fts f
			JOIN statements st ON st.id = f.rowid JOIN versions v ON v.id = st.version_id
			JOIN articles a ON a.id = st.article AND a.version = v.version
			WHERE statement_fts MATCH ? ORDER BY bm25(statement_fts) LIMIT ?`, fq, limit)
		if err != nil {
			return nil, describe(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			add(id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if len(q.FactValues) > 0 {
		args := []any{}
		for _, v := range q.FactValues {
			args = append(args, v)
		}
		args = append(args, limit)
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT f.statement FROM facts f
			JOIN versions v ON v.id = f.version_id JOIN articles a ON a.id = f.article AND a.version = v.version
			WHERE f.statement IS NOT NULL AND f.value IN (`+placeholders(len(q.FactValues))+`) LIMIT ?`, args...)
		if err != nil {
			return nil, describe(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			add(id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	return s.candidatesByID(ctx, order)
}

// candidatesByID loads statements with their facts, in the order given.
func (s *Store) candidatesByID(ctx context.Context, ids []int64) ([]Candidate, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, statementSelect+` WHERE s.id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, describe(err)
	}
	byID := map[int64]*Candidate{}
	for rows.Next() {
		r, err := scanStatement(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		byID[r.ID] = &Candidate{StatementRow: r}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	frows, err := s.db.QueryContext(ctx, `SELECT statement, data FROM facts WHERE statement IN (`+placeholders(len(ids))+`) ORDER BY id`, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer frows.Close()
	for frows.Next() {
		var sid int64
		var data string
		if err := frows.Scan(&sid, &data); err != nil {
			return nil, err
		}
		if c := byID[sid]; c != nil {
			var f claims.Fact
			if err := jsonUnmarshal(data, &f); err == nil {
				c.Facts = append(c.Facts, f)
			}
		}
	}
	out := make([]Candidate, 0, len(ids))
	for _, id := range ids {
		if c := byID[id]; c != nil {
			out = append(out, *c)
		}
	}
	return out, frows.Err()
}
