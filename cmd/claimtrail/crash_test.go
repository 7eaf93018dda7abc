package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// These tests run the real binary as separate processes: kill -9 in the
// middle of an ingest, and several ingests writing one database at once.
// They build bin/claimtrail once into a temporary folder.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func claimtrailBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "claimtrail-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "claimtrail")
		cmd := exec.Command("go", "build", "-tags=sqlite_fts5", "-o", binPath, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// writeArticles writes n distinct articles made from the sample articles'
// paragraphs (so extraction has real quotations to store) into dir.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	writeArticlesFrom(t, dir, 0, n)
}

// writeArticlesFrom writes articles numbered first..first+n-1.
func writeArticlesFrom(t *testing.T, dir string, first, n int) {
	t.Helper()
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	if len(seeds) == 0 {
		t.Fatal("no sample articles")
	}
	var paras []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for _, l := range lines[1:] {
			if len(l) > 80 {
				paras = append(paras, l)
			}
		}
	}
	os.MkdirAll(dir, 0o755)
	r := rand.New(rand.NewSource(int64(first) + 1))
	for i := first; i < first+n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, " date 2025-%02d-%02d Article %d\n", 1+i%12, 1+i%28, i)
		for k := 0; k < 6; k++ {
			b.WriteString(paras[r.Intn(len(paras))])
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "This is article number %d of the test set.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkConsistent opens the database (nobody else writes it now) and
// checks what a crash must never leave: a file failing integrity_check or
// a full-text index out of step with the texts, an article without its
// current version, or a version whose statements were half written (the
// statement sequence numbers of a version must be 0..n-1 with no gap, and
// the article's text must index every statement).
func checkConsistent(t *testing.T, path string) int {
	t.Helper()
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return 0 // killed before the database was created
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ic string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ic); err != nil || ic != "ok" {
		t.Fatalf("integrity_check = %q, %v", ic, err)
	}
	// FTS5's own check of the full-text index against the stored texts.
	if _, err := db.Exec(`INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)`); err != nil &&
		!strings.Contains(err.Error(), "no such table") {
		t.Fatalf("full-text index integrity-check: %v", err)
	}
	var orphan int
	db.QueryRow(`SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.article = a.id AND v.version = a.version)`).Scan(&orphan)
	if orphan != 0 {
		t.Fatalf("%d articles without their current version", orphan)
	}
	var gaps int
	db.QueryRow(`SELECT COUNT(*) FROM (SELECT version_id, COUNT(*) n, MAX(seq) m FROM statements GROUP BY version_id) WHERE m != n - 1`).Scan(&gaps)
	if gaps != 0 {
		t.Fatalf("%d versions with half-written statements", gaps)
	}
	var bad int
	db.QueryRow(`SELECT COUNT(*) FROM statements s JOIN versions v ON v.id = s.version_id
		WHERE substr(CAST(v.text AS BLOB), s.start + 1, s."end" - s.start) != CAST(s.text AS BLOB)`).Scan(&bad)
	if bad != 0 {
		t.Fatalf("%d statements whose offsets do not index their text", bad)
	}
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n)
	return n
}

// TestKillDuringIngest kills real ingests with SIGKILL at random moments:
// every round ingests a new folder into the same database and is killed
// part-way; after each kill the database must pass the consistency checks,
// and a final re-run of all folders must complete with every article.
func TestKillDuringIngest(t *testing.T) {
	bin := claimtrailBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "ct.db")
	const rounds, each = 8, 1000
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	var folders []string
	midway := 0 // kills that left the round's folder partly ingested
	for round := 0; round < rounds; round++ {
		arts := filepath.Join(dir, fmt.Sprintf("round%d", round))
		writeArticlesFrom(t, arts, round*each, each)
		folders = append(folders, arts)
		cmd := exec.Command(bin, "--db", db, "--quiet", "ingest", "--batch", "16", arts)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(100+r.Intn(600)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		n := checkConsistent(t, db)
		if n < (round+1)*each {
			midway++
		}
		t.Logf("round %d: killed, %d articles stored whole", round, n)
	}
	if midway < rounds/2 {
		t.Fatalf("only %d of %d kills landed during an ingest; the test did not test", midway, rounds)
	}
	args := append([]string{"--db", db, "--quiet", "ingest"}, folders...)
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run after kills: %v\n%s", err, out)
	}
	if n := checkConsistent(t, db); n != rounds*each {
		t.Fatalf("after the re-run: %d articles, want %d", n, rounds*each)
	}
	t.Logf("%d kills during an ingest survived", midway)
}

func TestConcurrentIngestProcesses(t *testing.T) {
	bin := claimtrailBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "ct.db")
	const procs, each = 4, 60
	for p := 0; p < procs; p++ {
		writeArticles(t, filepath.Join(dir, fmt.Sprintf("p%d", p)), each)
	}
	// Each folder's files are distinct sources; their texts repeat across
	// folders (same generator), so some become duplicates: that is fine.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan string, procs+1)
	for p := 0; p < procs; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			var stderr bytes.Buffer
			cmd := exec.CommandContext(ctx, bin, "--db", db, "--quiet", "ingest", "--batch", "8", filepath.Join(dir, fmt.Sprintf("p%d", p)))
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				errs <- fmt.Sprintf("writer %d: %v: %s", p, err, stderr.String())
			}
		}(p)
	}
	// A reader queries while the writers write.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			if out, err := exec.CommandContext(ctx, bin, "--db", db, "--format", "json", "search", "Lavrov").CombinedOutput(); err != nil {
				errs <- fmt.Sprintf("reader: %v: %s", err, out)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := checkConsistent(t, db); n != procs*each {
		t.Fatalf("articles = %d, want %d", n, procs*each)
	}
}
