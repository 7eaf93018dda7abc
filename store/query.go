package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// ArticleRow is one stored article with its current version's metadata.
type ArticleRow struct {
	ID           int64
	Source       string
	URL          string
	Outlet       string
	Lang         string
	Published    sources.Date
	DateInferred bool
	Title        string
	Format       string
	DuplicateOf  int64
	Version      int
	CreatedAt    time.Time
	IngestedAt   time.Time // of the current version
	SHA256       string
	Quotes       int // direct + indirect statements of the current version
	Assertions   int
}

// ArticleFilter narrows Articles; zero fields match everything.
type ArticleFilter struct {
	Outlet string // case-insensitive
	Lang   string
	Since  string // YYYY[-MM[-DD]], compared on the published date
	Until  string
	IDs    []int64
}

const articleCols = `a.id, a.source, COALESCE(a.url,''), COALESCE(a.outlet,''), COALESCE(a.lang,''),
	COALESCE(a.published,''), a.precision, a.date_inferred, COALESCE(a.title,''), a.format,
	COALESCE(a.duplicate_of,0), a.version, a.created_at, v.ingested_at, v.sha256,
	(SELECT COUNT(*) FROM statements s WHERE s.version_id = v.id AND s.kind != 'assertion'),
	(SELECT COUNT(*) FROM statements s WHERE s.version_id = v.id AND s.kind = 'assertion')`

const articleFrom = ` FROM articles a JOIN versions v ON v.article = a.id AND v.version = a.version`

func scanArticle(sc interface{ Scan(...any) error }) (ArticleRow, error) {
	var r ArticleRow
	var published, precision, created, ingested string
	err := sc.Scan(&r.ID, &r.Source, &r.URL, &r.Outlet, &r.Lang, &published, &precision, &r.DateInferred,
		&r.Title, &r.Format, &r.DuplicateOf, &r.Version, &created, &ingested, &r.SHA256, &r.Quotes, &r.Assertions)
	if err != nil {
		return r, err
	}
	if published != "" {
		if d, err := sources.ParseDate(published); err == nil {
			r.Published = d
		}
	} else {
		r.Published = sources.Date{Precision: sources.PrecUnknown}
	}
	r.CreatedAt, _ = time.Parse(time.RFC3339, created)
	r.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
	return r, nil
}

// Articles lists stored articles in id order.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]ArticleRow, error) {
	var where []string
	var args []any
	if f.Outlet != "" {
		where = append(where, `a.outlet = ? COLLATE NOCASE`)
		args = append(args, f.Outlet)
	}
	if f.Lang != "" {
		where = append(where, `a.lang = ?`)
		args = append(args, f.Lang)
	}
	if f.Since != "" {
		where = append(where, `a.published >= ?`)
		args = append(args, f.Since)
	}
	if f.Until != "" {
		// "2025-06" as an upper bound includes every day of June.
		where = append(where, `a.published <= ? || '~'`)
		args = append(args, f.Until)
	}
	if len(f.IDs) > 0 {
		where = append(where, `a.id IN (`+placeholders(len(f.IDs))+`)`)
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	q := `SELECT ` + articleCols + articleFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY a.id`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []ArticleRow
	for rows.Next() {
		r, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Article finds one article by its id ("12") or its source as stored.
func (s *Store) Article(ctx context.Context, ref string) (ArticleRow, error) {
	q := `SELECT ` + articleCols + articleFrom + ` WHERE `
	var row *sql.Row
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		row = s.db.QueryRowContext(ctx, q+`a.id = ? OR a.source = ? ORDER BY a.id != ? LIMIT 1`, id, ref, id)
	} else {
		row = s.db.QueryRowContext(ctx, q+`a.source = ?`, ref)
	}
	r, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("article %s: %w", ref, ErrNotFound)
	}
	return r, describe(err)
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	return n, describe(err)
}

// Languages lists the languages of the stored articles, most articles
// first.
func (s *Store) Languages(ctx context.Context) ([]string, error) {
	return s.column(ctx, `SELECT lang FROM articles WHERE lang > '' GROUP BY lang ORDER BY COUNT(*) DESC, lang`)
}

// Version is one stored version of an article.
type Version struct {
	Article     int64
	Version     int
	SHA256      string
	IngestedAt  time.Time
	Text        string
	Body        sources.Span
	TitleSpan   sources.Span
	Boilerplate []sources.Span
}

// Versions returns every version of an article, oldest first.
func (s *Store) Versions(ctx context.Context, article int64) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT article, version, sha256, ingested_at, text, body_start, body_end,
		title_start, title_end, boilerplate FROM versions WHERE article = ? ORDER BY version`, article)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var ingested, bp string
		if err := rows.Scan(&v.Article, &v.Version, &v.SHA256, &ingested, &v.Text, &v.Body.Start, &v.Body.End,
			&v.TitleSpan.Start, &v.TitleSpan.End, &bp); err != nil {
			return nil, err
		}
		v.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
		var spans [][2]int
		if err := json.Unmarshal([]byte(bp), &spans); err == nil {
			for _, sp := range spans {
				v.Boilerplate = append(v.Boilerplate, sources.Span{Start: sp[0], End: sp[1]})
			}
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Forget deletes an article (by id or source) with every version,
// statement and fact derived from it, and its full-text entry. It returns
// the deleted article.
func (s *Store) Forget(ctx context.Context, ref string) (ArticleRow, error) {
	a, err := s.Article(ctx, ref)
	if err != nil {
		return a, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var title, text string
		if err := tx.QueryRowContext(ctx, `SELECT title, text FROM current_text WHERE rowid = ?`, a.ID).Scan(&title, &text); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete',?,?,?)`, a.ID, title, text); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, a.ID)
		return err
	})
	return a, err
}

// Hit is one full-text search result.
type Hit struct {
	Article int64
	Source  string
	Outlet  string
	Title   string
	Snippet string
	Rank    float64
}

// FTSQuery turns words typed by a user into a safe FTS5 query: every word
// becomes a quoted phrase (so FTS5 operators, quotes, NEAR, *, parentheses
// and SQL are searched for literally), all words required. It returns ""
// when the input holds no searchable word.
func FTSQuery(input string) string {
	var groups [][]string
	for _, w := range claims.SearchWords(input) {
		groups = append(groups, []string{w})
	}
	return FTSGroups(groups)
}

// FTSGroups builds a safe FTS5 query that requires every group, where a
// group matches any of its alternatives (each one or more words, all
// required, searched literally): [[Moscow Moskva] [talks]] is
// ("Moscow" OR "Moskva") AND "talks". The index keeps no positions
// (detail=column), so a several-word alternative is its words, not a phrase.
func FTSGroups(groups [][]string) string {
	var parts []string
	for _, g := range groups {
		var alts []string
		for _, a := range g {
			ws := claims.SearchWords(a)
			if len(ws) == 0 {
				continue
			}
			for i, w := range ws {
				ws[i] = `"` + w + `"`
			}
			alt := strings.Join(ws, " AND ")
			if len(ws) > 1 && len(g) > 1 {
				alt = "(" + alt + ")"
			}
			alts = append(alts, alt)
		}
		switch len(alts) {
		case 0:
		case 1:
			parts = append(parts, alts[0])
		default:
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	return strings.Join(parts, " AND ")
}

// ErrEmptyQuery means a search had no word to look for.
var ErrEmptyQuery = errors.New("nothing to search for: give at least one word")

// Search finds articles whose current text or title contains all the words,
// best first (bm25), with a snippet around the matches marked by [ and ].
func (s *Store) Search(ctx context.Context, words string, limit int) ([]Hit, error) {
	return s.search(ctx, FTSQuery(words), limit)
}

// SearchGroups is Search where each group of words matches any of its
// alternatives (see FTSGroups), e.g. the names of one place in several
// languages.
func (s *Store) SearchGroups(ctx context.Context, groups [][]string, limit int) ([]Hit, error) {
	return s.search(ctx, FTSGroups(groups), limit)
}

func (s *Store) search(ctx context.Context, q string, limit int) ([]Hit, error) {
	if q == "" {
		return nil, ErrEmptyQuery
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.source, COALESCE(a.outlet,''), COALESCE(a.title,''),
		snippet(article_fts, 1, '[', ']', '…', 12), bm25(article_fts)
		FROM article_fts JOIN articles a ON a.id = article_fts.rowid
		WHERE article_fts MATCH ? ORDER BY bm25(article_fts) LIMIT ?`, q, limit)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Article, &h.Source, &h.Outlet, &h.Title, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
