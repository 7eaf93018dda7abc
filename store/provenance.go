package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

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
	// Words are searched in article texts (any of them; FTS5 bm25 ranks
	// articles sharing more and rarer words first); the statements of the
	// best articles are candidates.
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

// Candidates returns statements that may match: every statement of the
// articles that share the most (and rarest) words with the query (the
// article full-text index, bm25), and statements carrying one of the
// query's normalised fact values in any language; each with its facts.
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
	terms, err := s.rareTerms(ctx, q.Words)
	if err != nil {
		return nil, err
	}
	if fq := orQuery(terms); fq != "" {
		rows, err := s.db.QueryContext(ctx, `SELECT st.id FROM
			(SELECT rowid AS article FROM article_fts WHERE article_fts MATCH ? ORDER BY bm25(article_fts) LIMIT ?) m
			JOIN articles a ON a.id = m.article
			JOIN versions v ON v.article = a.id AND v.version = a.version
			JOIN statements st ON st.version_id = v.id
			ORDER BY st.id`, fq, articleLimit(limit))
		if err != nil {
			return nil, describe(err)
		}
		if err := collectIDs(rows, add); err != nil {
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
		if err := collectIDs(rows, add); err != nil {
			return nil, err
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	return s.candidatesByID(ctx, order)
}

// articleLimit is how many best-matching articles give their statements.
func articleLimit(limit int) int {
	if n := limit / 3; n > 20 {
		return n
	}
	return 20
}

func collectIDs(rows interface {
	Next() bool
	Scan(...any) error
	Close() error
	Err() error
}, add func(int64)) error {
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		add(id)
	}
	return rows.Err()
}

// rareTerms keeps the query words that are worth searching: each word's
// document frequency comes from the index vocabulary, and words found in
// more than a fifth of the articles (the, og, said) are left out unless
// nothing rarer remains, in which case the three rarest are kept.
func (s *Store) rareTerms(ctx context.Context, words []string) ([]string, error) {
	var terms []string
	seen := map[string]bool{}
	for _, w := range words {
		for _, t := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			t = strings.ToLower(t)
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	}
	if len(terms) == 0 {
		return nil, nil
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&total); err != nil {
		return nil, describe(err)
	}
	type tf struct {
		term string
		df   int
	}
	var tfs []tf
	for _, t := range terms {
		var df int
		err := s.db.QueryRowContext(ctx, `SELECT doc FROM article_vocab WHERE term = ?`, foldTerm(t)).Scan(&df)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, describe(err)
		}
		if df > 0 {
			tfs = append(tfs, tf{t, df})
		}
	}
	sort.SliceStable(tfs, func(i, j int) bool { return tfs[i].df < tfs[j].df })
	var out []string
	for _, x := range tfs {
		if total < 50 || x.df*5 <= total {
			out = append(out, x.term)
		}
	}
	if len(out) == 0 {
		for i := 0; i < len(tfs) && i < 3; i++ {
			out = append(out, tfs[i].term)
		}
	}
	if len(out) > 24 {
		out = out[:24]
	}
	return out, nil
}

// foldTerm folds a word as the index tokenizer does (lower case, Latin
// diacritics removed) so it can be looked up in the vocabulary.
func foldTerm(t string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(t)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
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
