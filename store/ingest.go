package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// Status says what an ingest did with one article.
type Status string

// Statuses of SPEC.md's `ingest --format json`.
const (
	Added     Status = "added"
	Unchanged Status = "unchanged"
	Updated   Status = "updated"
	Refused   Status = "refused"
)

// Input is one article ready to store, with what extraction found in it.
type Input struct {
	Article    sources.Article
	Statements []claims.Statement
	Facts      []claims.Fact
}

// Result is the outcome of storing one Input.
type Result struct {
	Source      string
	Status      Status
	Article     int64
	Version     int
	DuplicateOf int64
	Err         error
}

// TextHash returns the hex SHA-256 of an article's stored text; two articles
// with the same text hash are copies of one another.
func TextHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Ingest stores one article in one transaction.
func (s *Store) Ingest(ctx context.Context, in Input, now time.Time) (Result, error) {
	rs, err := s.IngestBatch(ctx, []Input{in}, now)
	if err != nil {
		return Result{Source: in.Article.Source, Status: Refused, Err: err}, err
	}
	return rs[0], rs[0].Err
}

// IngestBatch stores many articles in one transaction, each inside its own
// savepoint: an article is stored whole or not at all, and one refused
// article does not undo the others. A database failure (disk full, lock
// time-out) rolls the whole batch back and is returned as err.
//
// The same bytes from the same source change nothing; changed bytes from the
// same source become a new version; the same text from another source is a
// new article marked duplicate_of the first.
func (s *Store) IngestBatch(ctx context.Context, ins []Input, now time.Time) ([]Result, error) {
	results := make([]Result, len(ins))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		// Cancellation is checked between articles; the statements of one
		// article run without a cancellable context, which go-sqlite3 would
		// otherwise run each on a goroutine of its own to watch it (a fifth
		// of the writer's time). A cancelled ingest still rolls back whole.
		actx := context.WithoutCancel(ctx)
		for i, in := range ins {
			if err := ctx.Err(); err != nil {
				return err
			}
			if _, err := tx.ExecContext(actx, `SAVEPOINT article`); err != nil {
				return err
			}
			r, err := w.ingest(actx, in, now)
			if err != nil {
				if _, rerr := tx.ExecContext(actx, `ROLLBACK TO article`); rerr != nil {
					return rerr
				}
				r = Result{Source: in.Article.Source, Status: Refused, Err: fmt.Errorf("store %s: %w", in.Article.Source, describe(err))}
				if isFatal(err) {
					return err
				}
			}
			if _, err := tx.ExecContext(actx, `RELEASE article`); err != nil {
				return err
			}
			results[i] = r
		}
		return w.flushFTS(actx)
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// isFatal reports whether err means the database itself failed, so the
// whole batch must stop rather than skip one article.
func isFatal(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrConstraint, sqlite3.ErrMismatch, sqlite3.ErrTooBig, sqlite3.ErrRange:
			return false
		}
		return true
	}
	return false
}

// writer holds the prepared statements of one ingest transaction.
type writer struct {
	tx                                        *sql.Tx
	findSource, findDup, insArticle, insVer   *sql.Stmt
	insStmt, insFTS, delFTS, updArticle, curV *sql.Stmt
	factW                                     *factWriter

	// The full-text rows of the batch are written after its last article:
	// FTS5 flushes its pending index at every savepoint, and one small
	// index segment per article cost a third of ingest time. They are in
	// the same transaction, so an article and its index row still commit
	// together or not at all.
	pendingFTS []ftsRow      // rows of the batch's stored articles
	pendingAt  map[int64]int // article id -> index in pendingFTS
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx}
	prep := []struct {
		dst **sql.Stmt
		q   string
	}{
		{&w.findSource, `SELECT id, version FROM articles WHERE source = ?`},
		{&w.curV, `SELECT v.id, v.sha256, v.text, COALESCE(a.title, '') FROM versions v JOIN articles a ON a.id = v.article WHERE v.article = ? AND v.version = ?`},
		{&w.findDup, `SELECT v.article FROM versions v JOIN articles a ON a.id = v.article AND a.version = v.version WHERE v.text_sha256 = ? AND a.duplicate_of IS NULL ORDER BY v.article LIMIT 1`},
		{&w.insArticle, `INSERT INTO articles(source, url, outlet, lang, published, precision, date_inferred, title, format, duplicate_of, version, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,1,?)`},
		{&w.updArticle, `UPDATE articles SET url=?, outlet=?, lang=?, published=?, precision=?, date_inferred=?, title=?, format=?, version=? WHERE id=?`},
		{&w.insVer, `INSERT INTO versions(article, version, sha256, text_sha256, text, body_start, body_end, title_start, title_end, boilerplate, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.insStmt, `INSERT INTO statements(version_id, article, seq, kind, text, speaker, speaker_id, speaker_kind, cue, cue_start, cue_end, via, partial, lang, start, "end", rule, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.insFTS, `INSERT INTO article_fts(rowid, title, text) VALUES (?,?,?)`},
		{&w.delFTS, `INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete',?,?,?)`},
	}
	for _, p := range prep {
		st, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.dst = st
	}
	fw, err := newFactWriter(ctx, tx)
	if err != nil {
		w.close()
		return nil, err
	}
	w.factW = fw
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.findSource, w.findDup, w.insArticle, w.insVer, w.insStmt, w.insFTS, w.delFTS, w.updArticle, w.curV} {
		if st != nil {
			st.Close()
		}
	}
	if w.factW != nil {
		w.factW.close()
	}
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (w *writer) ingest(ctx context.Context, in Input, now time.Time) (Result, error) {
	a := in.Article
	if a.Source == "" {
		return Result{}, errors.New("article has no source")
	}
	hash := a.Hash
	if hash == "" {
		hash = TextHash(a.Text)
	}
	textHash := TextHash(a.Text)
	stamp := now.UTC().Format(time.RFC3339)
	res := Result{Source: a.Source}

	var id int64
	var version int
	err := w.findSource.QueryRowContext(ctx, a.Source).Scan(&id, &version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		var dup int64
		if err := w.findDup.QueryRowContext(ctx, textHash).Scan(&dup); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return res, err
		}
		r, err := w.insArticle.ExecContext(ctx, a.Source, nullStr(a.URL), nullStr(a.Outlet), nullStr(a.Lang),
			nullStr(a.Published.String()), string(a.Published.PrecisionOrUnknown()), a.DateInferred,
			nullStr(a.Title), string(a.Format), nullID(dup), stamp)
		if err != nil {
			return res, err
		}
		if id, err = r.LastInsertId(); err != nil {
			return res, err
		}
		res.Status, res.Version, res.DuplicateOf = Added, 1, dup
		version = 1
	case err != nil:
		return res, err
	default:
		var oldVID int64
		var oldHash, oldText, oldTitle string
		if err := w.curV.QueryRowContext(ctx, id, version).Scan(&oldVID, &oldHash, &oldText, &oldTitle); err != nil {
			return res, fmt.Errorf("read current version: %w", err)
		}
		if oldHash == hash {
			return Result{Source: a.Source, Status: Unchanged, Article: id, Version: version}, nil
		}
		// An article first stored in this batch has no index row yet.
		if _, queued := w.pendingAt[id]; !queued {
			if _, err := w.delFTS.ExecContext(ctx, id, oldTitle, oldText); err != nil {
				return res, err
			}
		}
		version++
		if _, err := w.updArticle.ExecContext(ctx, nullStr(a.URL), nullStr(a.Outlet), nullStr(a.Lang),
			nullStr(a.Published.String()), string(a.Published.PrecisionOrUnknown()), a.DateInferred,
			nullStr(a.Title), string(a.Format), version, id); err != nil {
			return res, err
		}
		res.Status, res.Version = Updated, version
	}
	res.Article = id

	bp, _ := json.Marshal(spansJSON(a.Boilerplate))
	body := a.Body
	if body.Start == 0 && body.End == 0 {
		body.End = len(a.Text)
	}
	r, err := w.insVer.ExecContext(ctx, id, version, hash, textHash, a.Text, body.Start, body.End,
		a.TitleSpan.Start, a.TitleSpan.End, string(bp), stamp)
	if err != nil {
		return res, err
	}
	vid, err := r.LastInsertId()
	if err != nil {
		return res, err
	}
	stmtIDs, err := w.insertStatements(ctx, vid, id, in.Statements)
	if err != nil {
		return res, err
	}
	if err := w.factW.insert(ctx, vid, id, stmtIDs, in.Facts); err != nil {
		return res, err
	}
	// Last, so that an article refused above never queues a row.
	w.queueFTS(ftsRow{id: id, title: a.Title, text: a.Text})
	return res, nil
}

// ftsRow is one article's row of the full-text index.
type ftsRow struct {
	id          int64
	title, text string
}

// queueFTS keeps the index row of a stored article for flushFTS; a later
// version of the same article in the batch replaces it.
func (w *writer) queueFTS(r ftsRow) {
	if w.pendingAt == nil {
		w.pendingAt = map[int64]int{}
	}
	if i, ok := w.pendingAt[r.id]; ok {
		w.pendingFTS[i] = r
		return
	}
	w.pendingAt[r.id] = len(w.pendingFTS)
	w.pendingFTS = append(w.pendingFTS, r)
}

// flushFTS writes the queued index rows. An error here is the database's
// (the rows are plain text), so the whole batch rolls back.
func (w *writer) flushFTS(ctx context.Context) error {
	for _, r := range w.pendingFTS {
		if _, err := w.insFTS.ExecContext(ctx, r.id, r.title, r.text); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
	}
	w.pendingFTS, w.pendingAt = nil, nil
	return nil
}

func (w *writer) insertStatements(ctx context.Context, vid, article int64, stmts []claims.Statement) ([]int64, error) {
	ids := make([]int64, len(stmts))
	for i, st := range stmts {
		r, err := w.insStmt.ExecContext(ctx, vid, article, i, string(st.Kind), st.Text, nullStr(st.Speaker),
			nullStr(st.SpeakerID), nullStr(string(st.SpeakerKind)), nullStr(st.Cue), st.CueStart, st.CueEnd,
			nullStr(st.Via), st.Partial, nullStr(st.Lang), st.Start, st.End, nullStr(st.Rule), st.Confidence)
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", i, err)
		}
		if ids[i], err = r.LastInsertId(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func spansJSON(ss []sources.Span) [][2]int {
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}
