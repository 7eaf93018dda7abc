// Command bench measures claimtrail on the real corpus: full ingest
// throughput for 1,000 and 10,000 articles and the whole corpus, extraction
// alone per core, peak RSS, database size per article, and the latency of
// conflicts, provenance and search on the 10,000-article database.
//
// Run by `make bench` (CORPUS=../shared/corpus, bin/claimtrail built). It
// unpacks the corpus into a temporary folder and removes it afterwards; it
// skips, saying so, when the corpus is absent.
package main

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	corpus := os.Getenv("CORPUS")
	if corpus == "" {
		corpus = filepath.Join("..", "shared", "corpus")
	}
	tarPath := filepath.Join(corpus, "news.tar.gz")
	if _, err := os.Stat(tarPath); err != nil {
		fmt.Printf("bench: skipped: corpus not found at %s (set CORPUS)\n", corpus)
		return nil
	}
	bin, err := filepath.Abs(filepath.Join("bin", "claimtrail"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("%s: build it first (make build)", bin)
	}
	tmp, err := os.MkdirTemp("", "claimtrail-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	fmt.Printf("unpacking %s ...\n", tarPath)
	files, err := unpack(tarPath, filepath.Join(tmp, "all"))
	if err != nil {
		return err
	}
	if nb, _ := filepath.Glob(filepath.Join(corpus, "nb", "ndt-*.txt")); len(nb) > 0 {
		for _, f := range nb {
			dst := filepath.Join(tmp, "all", "nb-"+filepath.Base(f))
			if err := copyFile(f, dst); err != nil {
				return err
			}
			files = append(files, dst)
		}
	}
	sort.Strings(files)
	fmt.Printf("%d articles, %d cores (GOMAXPROCS %d)\n\n", len(files), runtime.NumCPU(), runtime.GOMAXPROCS(0))

	type row struct {
		name              string
		n                 int
		bytes             int64
		secs              float64
		rssMB, dbKBPerArt float64
	}
	var rows []row
	var db10k string
	for _, s := range []struct {
		name string
		n    int
	}{{"1k", 1000}, {"10k", 10000}, {"all", len(files)}} {
		sample := everyNth(files, s.n)
		dir := filepath.Join(tmp, "sample-"+s.name)
		size, err := link(sample, dir)
		if err != nil {
			return err
		}
		db := filepath.Join(tmp, "db-"+s.name+".db")
		secs, rss, err := timed(bin, "--db", db, "--quiet", "ingest", dir)
		if err != nil {
			return err
		}
		dbSize := fileSize(db) + fileSize(db+"-wal")
		rows = append(rows, row{s.name, len(sample), size, secs, rss, float64(dbSize) / 1024 / float64(len(sample))})
		if s.name == "10k" {
			db10k = db
		}
		fmt.Printf("ingested %-4s %6d articles in %6.2f s\n", s.name, len(sample), secs)
	}

	fmt.Println("\n== Full ingest (read, detect, extract, facts, store, FTS index)")
	fmt.Printf("%-6s %8s %10s %12s %8s %10s %12s\n", "sample", "articles", "seconds", "articles/s", "MB/s", "peak RSS", "DB KB/art")
	for _, r := range rows {
		fmt.Printf("%-6s %8d %10.2f %12.0f %8.2f %8.0f MB %12.1f\n", r.name, r.n, r.secs, float64(r.n)/r.secs,
			float64(r.bytes)/1e6/r.secs, r.rssMB, r.dbKBPerArt)
	}
	if len(rows) >= 2 {
		fmt.Printf("10k/1k time ratio: %.1f× (near-linear is ≤ 12×)\n", rows[1].secs/rows[0].secs)
	}

	fmt.Println("\n== Extraction alone, one core (sources.Read without language detection + claims.Extract + facts), 10k sample")
	if err := extractionAlone(everyNth(files, 10000)); err != nil {
		return err
	}

	fmt.Println("\n== Query latency on the 10k database (7 runs each)")
	fmt.Printf("%-40s %10s %10s\n", "query", "median ms", "p95 ms")
	for _, q := range [][]string{
		{"conflicts", "--include-updates"},
		{"agreements"},
		{"provenance", "the company said it expects earnings to rise"},
		{"provenance", "oil prices fell sharply on Monday"},
		{"search", "oil prices"},
		{"quotes", "--speaker", "Reagan"},
	} {
		var ds []float64
		for i := 0; i < 7; i++ {
			args := append([]string{"--db", db10k, "--format", "json"}, q...)
			secs, _, err := timed(bin, args...)
			if err != nil {
				return err
			}
			ds = append(ds, secs*1000)
		}
		sort.Float64s(ds)
		fmt.Printf("%-40s %10.0f %10.0f\n", shorten(strings.Join(q, " "), 40), ds[len(ds)/2], ds[len(ds)-1])
	}
	return nil
}

func extractionAlone(files []string) error {
	var texts [][]byte
	var total int64
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		texts = append(texts, b)
		total += int64(len(b))
	}
	start := time.Now()
	stmts := 0
	for i, b := range texts {
		arts, _ := sources.Read(files[i], b, sources.Options{Lang: "en"})
		for _, a := range arts {
			doc := claims.DocOf(a)
			ss, _ := claims.Extract(doc)
			claims.ExtractFacts(doc, ss)
			stmts += len(ss)
		}
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("%d articles, %d statements in %.2f s: %.0f articles/s per core, %.2f MB/s\n",
		len(texts), stmts, secs, float64(len(texts))/secs, float64(total)/1e6/secs)
	return nil
}

// timed runs a command, returning wall seconds and its peak RSS in MB.
func timed(bin string, args ...string) (float64, float64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	secs := time.Since(start).Seconds()
	if err != nil {
		return 0, 0, fmt.Errorf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, shorten(stderr.String(), 2000))
	}
	var rss float64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) / 1024
	}
	return secs, rss, nil
}

// everyNth keeps n files spread evenly in name order, so a sample keeps
// the corpus's mix of sources.
func everyNth(files []string, n int) []string {
	if n >= len(files) {
		return files
	}
	out := make([]string, 0, n)
	step := float64(len(files)) / float64(n)
	for i := 0; i < n; i++ {
		out = append(out, files[int(float64(i)*step)])
	}
	return out
}

func unpack(tarPath, dir string) ([]string, error) {
	f, err := os.Open(tarPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	var files []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name := filepath.Base(h.Name)
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(name, ".txt") {
			continue
		}
		dst := filepath.Join(dir, name)
		out, err := os.Create(dst)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(out, tr); err != nil {
			out.Close()
			return nil, err
		}
		out.Close()
		files = append(files, dst)
	}
	return files, nil
}

func link(files []string, dir string) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var size int64
	for _, f := range files {
		dst := filepath.Join(dir, filepath.Base(f))
		if err := os.Link(f, dst); err != nil {
			if err := copyFile(f, dst); err != nil {
				return 0, err
			}
		}
		size += fileSize(f)
	}
	return size, nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}
