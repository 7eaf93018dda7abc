package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "ct.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seedInput builds an Input from a real sentence of seed 004 with one
// direct quotation and one fact.
func seedInput(source, text string) Input {
	q := "i nær fremtid"
	i := strings.Index(text, q)
	a := sources.Article{Source: source, Format: sources.FormatText, Text: text, Lang: "nb",
		Published: sources.Date{Year: 2025, Month: 6, Precision: sources.PrecMonth}, Title: "Ny runde",
		Body: sources.Span{End: len(text)}}
	st := claims.Statement{Kind: claims.Direct, Text: q, Start: i, End: i + len(q), Speaker: "Alexander Darchiev",
		SpeakerID: "aleksandr-darchiev", Cue: "sa", Via: "TASS", Partial: true, Lang: "nb"}
	f := claims.Fact{Statement: 0, Attribute: "next_date", Event: "talks", Value: "2025-06-01/2025-08-31",
		Vague: true, Start: i, End: i + len(q), Text: q}
	return Input{Article: a, Statements: []claims.Statement{st}, Facts: []claims.Fact{f}}
}

const seedSentence = "Når det gjelder tidspunktet, sa han at arrangementet vil finne sted «i nær fremtid»."

func TestIngestStatuses(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tests := []struct {
		name        string
		source      string
		text        string
		wantStatus  Status
		wantVersion int
		wantDup     bool
	}{
		{"new article", "a.txt", seedSentence, Added, 1, false},
		{"same bytes same source", "a.txt", seedSentence, Unchanged, 1, false},
		{"changed bytes same source", "a.txt", seedSentence + " Ny setning.", Updated, 2, false},
		{"same text other source", "b.txt", seedSentence + " Ny setning.", Added, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Ingest(ctx, seedInput(tc.source, tc.text), now)
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != tc.wantStatus || r.Version != tc.wantVersion || (r.DuplicateOf != 0) != tc.wantDup {
				t.Errorf("got %+v, want status %s version %d dup %v", r, tc.wantStatus, tc.wantVersion, tc.wantDup)
			}
		})
	}
	n, _ := s.Count(ctx)
	if n != 2 {
		t.Errorf("articles = %d, want 2", n)
	}
	vs, err := s.Versions(ctx, 1)
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions = %d, %v; want 2", len(vs), err)
	}
	all, _ := s.Statements(ctx, StatementFilter{Articles: []int64{1}, AllVersions: true})
	cur, _ := s.Statements(ctx, StatementFilter{Articles: []int64{1}})
	if len(all) != 2 || len(cur) != 1 || cur[0].Version != 2 {
		t.Errorf("statements all=%d current=%d; want 2 and 1 of version 2", len(all), len(cur))
	}
}

func TestStatementRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	in := seedInput("a.txt", seedSentence)
	if _, err := s.Ingest(ctx, in, now); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Statements(ctx, StatementFilter{SpeakerKeys: []string{"Darchiev"}})
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows = %d, %v", len(rows), err)
	}
	got := rows[0]
	if got.Statement != in.Statements[0] {
		t.Errorf("statement changed in the round trip:\n got %+v\nwant %+v", got.Statement, in.Statements[0])
	}
	if seedSentence[got.Start:got.End] != got.Text {
		t.Errorf("offsets do not index the stored text")
	}
	if got.Published.String() != "2025-06" {
		t.Errorf("published = %q", got.Published.String())
	}
	cs, err := s.Claims(ctx)
	if err != nil || len(cs) != 1 || !reflect.DeepEqual(cs[0].Fact, in.Facts[0]) || cs[0].Speaker != "Alexander Darchiev" {
		t.Errorf("claims = %+v, %v", cs, err)
	}
}

func TestSearchIsLiteral(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.Ingest(ctx, seedInput("a.txt", seedSentence), now); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		hits  int
	}{
		{"nær fremtid", 1},
		{"NÆR FREMTID", 1},
		{`"nær" AND fremtid`, 0}, // AND is a word to find, not an operator
		{"fremtid*", 1},
		{"NEAR(nær fremtid)", 0},
		{"'); DROP TABLE articles; --", 0},
		{"arrangementet (fremtid", 1},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.query, 10)
			if err != nil {
				t.Fatalf("search %q: %v", tc.query, err)
			}
			if len(hits) != tc.hits {
				t.Errorf("hits = %d, want %d", len(hits), tc.hits)
			}
		})
	}
	if _, err := s.Search(ctx, " *() ", 10); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("empty query: %v", err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("articles = %d after hostile queries", n)
	}
}

func TestSearchGroups(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.Ingest(ctx, seedInput("a.txt", seedSentence), now); err != nil {
		t.Fatal(err)
	}
	if got, want := FTSGroups([][]string{{"Moscow", "Moskva"}, {"talks"}}), `("Moscow" OR "Moskva") AND "talks"`; got != want {
		t.Errorf("FTSGroups = %s, want %s", got, want)
	}
	if got, want := FTSGroups([][]string{{"Saudi Arabia", `NEAR("x`}, {"*"}}), `(("Saudi" AND "Arabia") OR ("NEAR" AND "x"))`; got != want {
		t.Errorf("FTSGroups = %s, want %s", got, want)
	}
	tests := []struct {
		groups [][]string
		hits   int
	}{
		{[][]string{{"Moscow", "fremtid"}}, 1},
		{[][]string{{"Moscow", "Paris"}}, 0},
		{[][]string{{"Moscow", "fremtid"}, {"nær"}}, 1},
		{[][]string{{"Moscow", "fremtid"}, {"Paris"}}, 0},
		{[][]string{{"nær fremtid", "Paris"}}, 1},
		{[][]string{{"'); DROP TABLE articles; --", "NEAR(nær"}}, 0},
	}
	for _, tc := range tests {
		hits, err := s.SearchGroups(ctx, tc.groups, 10)
		if err != nil {
			t.Fatalf("%q: %v", tc.groups, err)
		}
		if len(hits) != tc.hits {
			t.Errorf("%q: hits = %d, want %d", tc.groups, len(hits), tc.hits)
		}
	}
	if _, err := s.SearchGroups(ctx, [][]string{{"*", "()"}}, 10); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("empty groups: %v", err)
	}
}

func TestForgetRemovesEverything(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	s.Ingest(ctx, seedInput("a.txt", seedSentence), now)
	s.Ingest(ctx, seedInput("a.txt", seedSentence+" To."), now)
	if _, err := s.Forget(ctx, "a.txt"); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"articles", "versions", "statements", "facts"} {
		var n int
		s.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after forget", table, n)
		}
	}
	if hits, _ := s.Search(ctx, "fremtid", 10); len(hits) != 0 {
		t.Errorf("search still finds the forgotten article")
	}
	if _, err := s.Forget(ctx, "a.txt"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second forget: %v", err)
	}
	if ok, _ := s.IntegrityCheck(ctx); ok != "ok" {
		t.Errorf("integrity: %s", ok)
	}
}

// ftsIntegrity runs FTS5's own check of the index against the stored texts.
func ftsIntegrity(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("full-text index integrity-check: %v", err)
	}
}

// TestBatchIndexesEachStoredArticle: the full-text rows written at the end
// of a batch match what was stored: refused articles have none, and an
// article stored twice in one batch (a second version) is indexed once,
// with its newer text.
func TestBatchIndexesEachStoredArticle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	bad := seedInput("bad.txt", seedSentence+" Kanelbolle.")
	bad.Statements[0].Kind = "opinion" // violates the CHECK constraint
	v1 := seedInput("a.txt", seedSentence+" Blåbærsyltetøy.")
	v2 := seedInput("a.txt", seedSentence+" Tyttebær.")
	rs, err := s.IngestBatch(ctx, []Input{v1, bad, seedInput("c.txt", "Annen tekst «i nær fremtid»."), v2}, now)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Status != Added || rs[1].Status != Refused || rs[2].Status != Added || rs[3].Status != Updated {
		t.Fatalf("statuses = %v %v %v %v", rs[0].Status, rs[1].Status, rs[2].Status, rs[3].Status)
	}
	ftsIntegrity(t, s)
	for _, tc := range []struct {
		word string
		hits int
	}{{"Tyttebær", 1}, {"Blåbærsyltetøy", 0}, {"Kanelbolle", 0}, {"fremtid", 2}} {
		if hits, err := s.Search(ctx, tc.word, 10); err != nil || len(hits) != tc.hits {
			t.Errorf("search %s: %d hits (%v), want %d", tc.word, len(hits), err, tc.hits)
		}
	}
	// A later batch updates it again: the index follows.
	if _, err := s.IngestBatch(ctx, []Input{seedInput("a.txt", seedSentence+" Multebær.")}, now); err != nil {
		t.Fatal(err)
	}
	ftsIntegrity(t, s)
	if hits, _ := s.Search(ctx, "Tyttebær", 10); len(hits) != 0 {
		t.Errorf("the replaced version is still found")
	}
}

func TestBatchRefusesOneArticleOnly(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	bad := seedInput("bad.txt", seedSentence)
	bad.Statements[0].Kind = "opinion" // violates the CHECK constraint
	rs, err := s.IngestBatch(ctx, []Input{seedInput("a.txt", seedSentence), bad, seedInput("c.txt", "Annen tekst «i nær fremtid».")}, now)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Status != Added || rs[1].Status != Refused || rs[2].Status != Added {
		t.Fatalf("statuses = %v %v %v", rs[0].Status, rs[1].Status, rs[2].Status)
	}
	if _, err := s.Article(ctx, "bad.txt"); !errors.Is(err, ErrNotFound) {
		t.Errorf("refused article half-stored: %v", err)
	}
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM versions`).Scan(&n)
	if n != 2 {
		t.Errorf("versions = %d, want 2", n)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ct.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`INSERT INTO schema_migrations(version, name, applied_at) VALUES (9999, '9999_future.sql', 'x')`)
	s.Close()
	if _, err := Open(ctx, path); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("open newer database: %v", err)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, []byte(strings.Repeat("this is a text file, not SQLite\n", 200)), 0o644)
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "not a claimtrail database") {
		t.Fatalf("err = %v", err)
	}
}

func TestMigrationsRecorded(t *testing.T) {
	s := openTest(t)
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	ms, _ := migrations()
	if n != len(ms) || n < 3 {
		t.Errorf("recorded %d migrations, have %d", n, len(ms))
	}
}

// TestFailedMigrationLeavesNothing: a migration that fails half-way (its
// first statement ran, its second failed) leaves neither its tables nor its
// record, and the database still opens and works.
func TestFailedMigrationLeavesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ct.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Ingest(ctx, seedInput("a.txt", seedSentence), now)
	ms, _ := migrations()
	bad := migration{version: 9000, name: "9000_bad.sql",
		sql: "CREATE TABLE half_done(x INTEGER);\nINSERT INTO half_done VALUES (1);\nINSERT INTO no_such_table VALUES (1);"}
	err = s.applyMigrations(ctx, append(ms, bad))
	if err == nil || !strings.Contains(err.Error(), "9000_bad.sql") {
		t.Fatalf("failing migration: err = %v", err)
	}
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'`).Scan(&n)
	if n != 0 {
		t.Error("table of the failed migration was left behind")
	}
	s.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations WHERE version = 9000`).Scan(&n)
	if n != 0 {
		t.Error("failed migration was recorded")
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after failed migration: %v", err)
	}
	defer s.Close()
	if c, _ := s.Count(ctx); c != 1 {
		t.Errorf("database holds %d articles after the failed migration, want 1", c)
	}
}

func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	s.Ingest(ctx, seedInput("a.txt", seedSentence), now)
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dst); err == nil {
		t.Error("backup over an existing file was not refused")
	}
	c, err := Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, _ := c.Count(ctx); n != 1 {
		t.Errorf("backup holds %d articles", n)
	}
}

// TestConcurrentOpenNewDatabase: several processes that open (create and
// migrate) one new database at the same moment all succeed.
func TestConcurrentOpenNewDatabase(t *testing.T) {
	ctx := context.Background()
	for round := 0; round < 10; round++ {
		path := filepath.Join(t.TempDir(), "ct.db")
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(ctx, path)
				if err != nil {
					errs <- err
					return
				}
				_, err = s.Count(ctx)
				s.Close()
				if err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: %v", round, err)
		}
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ct.db")
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s, err := Open(ctx, path)
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			for i := 0; i < each; i++ {
				src := fmt.Sprintf("w%d-%d.txt", w, i)
				if _, err := s.Ingest(ctx, seedInput(src, fmt.Sprintf("%s %d %d", seedSentence, w, i)), now); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	s, _ := Open(ctx, path)
	defer s.Close()
	if n, _ := s.Count(ctx); n != writers*each {
		t.Errorf("articles = %d, want %d", n, writers*each)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lavrov Rubio", `"Lavrov" AND "Rubio"`},
		{`"quoted" NEAR(x)`, `"quoted" AND "NEAR" AND "x"`},
		{"***", ""},
		{"nær-fremtid", `"nær" AND "fremtid"`},
	}
	for _, tc := range tests {
		if got := FTSQuery(tc.in); got != tc.want {
			t.Errorf("FTSQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
