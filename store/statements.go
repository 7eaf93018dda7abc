package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// statementSelect reads a StatementRow (see scanStatement).
const statementSelect = `SELECT s.id, s.article, v.version, a.source, COALESCE(a.outlet,''), COALESCE(a.lang,''),
		COALESCE(a.published,''), a.precision,
		s.kind, s.text, COALESCE(s.speaker,''), COALESCE(s.speaker_id,''), COALESCE(s.speaker_kind,''),
		COALESCE(s.cue,''), s.cue_start, s.cue_end, COALESCE(s.via,''), s.partial, COALESCE(s.lang,''),
		s.start, s."end", COALESCE(s.rule,''), s.confidence
		FROM statements s JOIN versions v ON v.id = s.version_id JOIN articles a ON a.id = s.article`

// StatementRow is a stored statement with its article's context.
type StatementRow struct {
	ID        int64
	Article   int64
	Version   int
	Source    string
	Outlet    string
	Lang      string // the article's language
	Published sources.Date
	claims.Statement
}

// StatementFilter narrows Statements; zero fields match everything.
type StatementFilter struct {
	Kinds []claims.Kind
	// SpeakerKeys match a statement when its speaker_id or speaker contains
	// any of them (case-insensitive): pass the user's words and their
	// claims.SpeakerID form so "Lavrov" finds "Sergey Lavrov" and
	// "Sergej Lavrov" alike.
	SpeakerKeys []string
	Outlet      string
	Lang        string
	Via         string
	Articles    []int64
	// AllVersions includes statements of earlier versions; by default only
	// the current version of each article counts.
	AllVersions bool
	Limit       int
}

// Statements lists stored statements ordered by article and position.
func (s *Store) Statements(ctx context.Context, f StatementFilter) ([]StatementRow, error) {
	var where []string
	var args []any
	if !f.AllVersions {
		where = append(where, `v.version = a.version`)
	}
	if len(f.Kinds) > 0 {
		where = append(where, `s.kind IN (`+placeholders(len(f.Kinds))+`)`)
		for _, k := range f.Kinds {
			args = append(args, string(k))
		}
	}
	if len(f.SpeakerKeys) > 0 {
		var ors []string
		for _, k := range f.SpeakerKeys {
			if k == "" {
				continue
			}
			ors = append(ors, `instr(lower(COALESCE(s.speaker_id,'')), lower(?)) > 0 OR instr(lower(COALESCE(s.speaker,'')), lower(?)) > 0`)
			args = append(args, k, k)
		}
		if len(ors) > 0 {
			where = append(where, `(`+strings.Join(ors, ` OR `)+`)`)
		}
	}
	if f.Outlet != "" {
		where = append(where, `a.outlet = ? COLLATE NOCASE`)
		args = append(args, f.Outlet)
	}
	if f.Lang != "" {
		where = append(where, `COALESCE(s.lang, a.lang) = ?`)
		args = append(args, f.Lang)
	}
	if f.Via != "" {
		where = append(where, `instr(lower(COALESCE(s.via,'')), lower(?)) > 0`)
		args = append(args, f.Via)
	}
	if len(f.Articles) > 0 {
		where = append(where, `s.article IN (`+placeholders(len(f.Articles))+`)`)
		for _, id := range f.Articles {
			args = append(args, id)
		}
	}
	q := statementSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY s.article, v.version, s.seq`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []StatementRow
	for rows.Next() {
		r, err := scanStatement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanStatement(rows *sql.Rows) (StatementRow, error) {
	var r StatementRow
	var published, precision, kind, speakerKind string
	err := rows.Scan(&r.ID, &r.Article, &r.Version, &r.Source, &r.Outlet, &r.Lang, &published, &precision,
		&kind, &r.Text, &r.Speaker, &r.SpeakerID, &speakerKind, &r.Cue, &r.CueStart, &r.CueEnd, &r.Via,
		&r.Partial, &r.Statement.Lang, &r.Start, &r.End, &r.Rule, &r.Confidence)
	if err != nil {
		return r, err
	}
	r.Kind, r.SpeakerKind = claims.Kind(kind), claims.SpeakerKind(speakerKind)
	r.Published = parseStored(published)
	return r, nil
}

func parseStored(published string) sources.Date {
	if published == "" {
		return sources.Date{Precision: sources.PrecUnknown}
	}
	d, err := sources.ParseDate(published)
	if err != nil {
		return sources.Date{Precision: sources.PrecUnknown}
	}
	return d
}

func jsonUnmarshal(data string, v any) error { return json.Unmarshal([]byte(data), v) }

// Claims returns every stored fact of the current versions with its
// article and statement context, for the findings engine.
func (s *Store) Claims(ctx context.Context) ([]claims.Claim, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.article, a.source, COALESCE(a.outlet,''), COALESCE(a.lang,''),
		COALESCE(a.published,''), COALESCE(st.speaker,''), COALESCE(st.text,''), COALESCE(st.start,0), COALESCE(st."end",0), f.data
		FROM facts f JOIN versions v ON v.id = f.version_id JOIN articles a ON a.id = f.article AND a.version = v.version
		LEFT JOIN statements st ON st.id = f.statement
		ORDER BY f.article, f.id`)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []claims.Claim
	for rows.Next() {
		var c claims.Claim
		var published, data string
		if err := rows.Scan(&c.Article, &c.Source, &c.Outlet, &c.Lang, &published, &c.Speaker, &c.StatementText,
			&c.StatementStart, &c.StatementEnd, &data); err != nil {
			return nil, err
		}
		c.Published = parseStored(published)
		if err := json.Unmarshal([]byte(data), &c.Fact); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SpeakerIDs lists the distinct speaker ids of stored statements (all
// versions: an index-only scan, fast on large databases).
func (s *Store) SpeakerIDs(ctx context.Context) ([]string, error) {
	return s.column(ctx, `SELECT DISTINCT speaker_id FROM statements WHERE speaker_id > '' ORDER BY speaker_id`)
}

// column runs a query that selects one text column and returns its values.
func (s *Store) column(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
