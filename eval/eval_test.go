package eval

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// plainRead stands in for sources.Read: the file is the text, the language
// is given.
func plainRead(lang string) func(string, []byte) ([]sources.Article, []error) {
	return func(src string, data []byte) ([]sources.Article, []error) {
		return []sources.Article{{Source: src, Text: string(data), Lang: lang}}, nil
	}
}

// span returns the byte span of the n-th (0-based) occurrence of sub in text.
func span(t *testing.T, text, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if i == n {
			return off + j, off + j + len(sub)
		}
		off += j + len(sub)
	}
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const synth = ` date 2025-01-02 A synthetic article
"We are waiting for the answer from Washington," Lavrov said. Officials said the talks would resume in March. The minister told TASS that the embassies would reopen soon.
`

// synthRepo writes a repository with one article and its gold.
func synthRepo(t *testing.T) (repo string, gold GoldQuotes) {
	t.Helper()
	repo = t.TempDir()
	writeFile(t, filepath.Join(repo, "testdata/articles/x.txt"), synth)
	s1, e1 := span(t, synth, "We are waiting for the answer from Washington,", 0)
	s2, e2 := span(t, synth, "the talks would resume in March", 0)
	s3, e3 := span(t, synth, "the embassies would reopen soon", 0)
	gold = GoldQuotes{File: "testdata/articles/x.txt", Lang: "en", Annotator: "A", Statements: []GoldStatement{
		{Kind: "direct", Start: s1, End: e1, Speaker: "Sergey Lavrov", Cue: "said"},
		{Kind: "indirect", Start: s2, End: e2, Speaker: "unnamed", Cue: "said"},
		{Kind: "indirect", Start: s3, End: e3, Speaker: "Sergey Lavrov", Cue: "told", Via: "TASS"},
	}}
	writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/dev/x.json"), gold)
	return repo, gold
}

func stmt(t *testing.T, kind claims.Kind, sub, speaker string, sk claims.SpeakerKind, cue, via string) claims.Statement {
	s, e := span(t, synth, sub, 0)
	return claims.Statement{Kind: kind, Text: sub, Start: s, End: e, Speaker: speaker, SpeakerKind: sk, Cue: cue, Via: via}
}

func findRow(rows []QuoteRow, split, lang, kind string) *QuoteRow {
	for i := range rows {
		if rows[i].Split == split && rows[i].Lang == lang && rows[i].Kind == kind {
			return &rows[i]
		}
	}
	return nil
}

func val(r Ratio) float64 {
	if r == nil {
		return -1
	}
	return *r
}

func TestRunQuotes(t *testing.T) {
	repo, _ := synthRepo(t)
	extract := func(claims.Doc) ([]claims.Statement, []claims.Diagnostic) {
		return []claims.Statement{
			// Matches the direct quotation, speaker by last name: correct.
			stmt(t, claims.Direct, "We are waiting for the answer from Washington,", "Lavrov", claims.SpeakerPerson, "said", ""),
			// Matches the unnamed indirect (overlap 6/8 >= 0.5), speaker kind unnamed: correct.
			stmt(t, claims.Indirect, "Officials said the talks would resume in March", "officials", claims.SpeakerUnnamed, "said", ""),
			// Wrong kind for the third gold statement: a false positive and a miss.
			stmt(t, claims.Direct, "the embassies would reopen soon", "Lavrov", claims.SpeakerPerson, "told", "TASS"),
			// Assertions are not evaluated.
			stmt(t, claims.Assertion, "The minister told TASS", "", "", "", ""),
		}, nil
	}
	var out bytes.Buffer
	rep, err := Run(context.Background(), Pipeline{Read: plainRead("en"), Extract: extract},
		Options{GoldDir: filepath.Join(repo, "testdata/gold"), CorpusDir: filepath.Join(repo, "nocorpus"), Verbose: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                   string
		lang, kind             string
		gold, pred, tp         int
		precision, recall, spk float64
	}{
		{"direct", "en", "direct", 1, 2, 1, 0.5, 1, 1},
		{"indirect", "en", "indirect", 2, 1, 1, 1, 0.5, 1},
		{"all kinds", "en", "all", 3, 3, 2, 2.0 / 3, 2.0 / 3, 1},
		{"all languages", "all", "all", 3, 3, 2, 2.0 / 3, 2.0 / 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := findRow(rep.Quotes, "dev", tt.lang, tt.kind)
			if r == nil {
				t.Fatalf("no row dev/%s/%s in %+v", tt.lang, tt.kind, rep.Quotes)
			}
			if r.Gold != tt.gold || r.Pred != tt.pred || r.TP != tt.tp {
				t.Errorf("gold/pred/tp = %d/%d/%d, want %d/%d/%d", r.Gold, r.Pred, r.TP, tt.gold, tt.pred, tt.tp)
			}
			if !near(val(r.Precision), tt.precision) || !near(val(r.Recall), tt.recall) || !near(val(r.SpeakerAcc), tt.spk) {
				t.Errorf("P/R/speaker = %v/%v/%v, want %v/%v/%v", val(r.Precision), val(r.Recall), val(r.SpeakerAcc), tt.precision, tt.recall, tt.spk)
			}
		})
	}
	text := out.String()
	for _, want := range []string{"== Quotations", "FN\tdev\ttestdata/articles/x.txt", "FP\tdev", "the embassies would reopen soon"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("report is not JSON-serialisable: %v", err)
	}
}

func near(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 }

func TestRunGoldErrors(t *testing.T) {
	tests := []struct {
		name    string
		write   func(t *testing.T, repo string)
		wantErr []string
	}{
		{
			name: "malformed JSON",
			write: func(t *testing.T, repo string) {
				writeFile(t, filepath.Join(repo, "testdata/gold/quotes/dev/bad.json"), `{"file": "testdata/articles/x.txt", "statements": [`)
			},
			wantErr: []string{"bad.json", "malformed JSON"},
		},
		{
			name: "span outside the file",
			write: func(t *testing.T, repo string) {
				writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/dev/far.json"), GoldQuotes{File: "testdata/articles/x.txt",
					Statements: []GoldStatement{{Kind: "direct", Start: 10, End: len(synth) + 5}}})
			},
			wantErr: []string{"far.json", "outside testdata/articles/x.txt"},
		},
		{
			name: "span cutting a character",
			write: func(t *testing.T, repo string) {
				writeFile(t, filepath.Join(repo, "testdata/articles/n.txt"), "«Vi er fornøyde», sier hun.")
				writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/dev/cut.json"), GoldQuotes{File: "testdata/articles/n.txt",
					Statements: []GoldStatement{{Kind: "direct", Start: 1, End: 10}}})
			},
			wantErr: []string{"cut.json", "UTF-8"},
		},
		{
			name: "bad kind",
			write: func(t *testing.T, repo string) {
				writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/heldout/kind.json"), GoldQuotes{File: "testdata/articles/x.txt",
					Statements: []GoldStatement{{Kind: "assertion", Start: 1, End: 5}}})
			},
			wantErr: []string{"kind.json", "assertion"},
		},
		{
			name: "file that does not exist",
			write: func(t *testing.T, repo string) {
				writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/dev/gone.json"), GoldQuotes{File: "testdata/articles/gone.txt"})
			},
			wantErr: []string{"gone.json", "not found"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo, _ := synthRepo(t)
			tt.write(t, repo)
			_, err := Run(context.Background(), Pipeline{Read: plainRead("en"), Extract: noExtract},
				Options{GoldDir: filepath.Join(repo, "testdata/gold"), CorpusDir: filepath.Join(repo, "nocorpus")}, &bytes.Buffer{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func noExtract(claims.Doc) ([]claims.Statement, []claims.Diagnostic) { return nil, nil }

// writeCorpus writes a corpus folder with nb/a.txt and news.tar.gz holding
// news/b.txt and news/c.txt.
func writeCorpus(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, text := range files {
		if !strings.HasPrefix(name, "news/") {
			writeFile(t, filepath.Join(dir, name), text)
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(text)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, newsArchive), buf.String())
}

func TestFiles(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus")
	writeCorpus(t, corpus, map[string]string{"nb/a.txt": "– Ja, sier han.", "news/b.txt": "B text", "news/c.txt": "C text"})
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, "testdata/articles/r.txt"), "repo text")

	f := &Files{RepoDir: repo, CorpusDir: corpus}
	if err := f.Load([]string{"nb/a.txt", "news/b.txt", "testdata/articles/r.txt", "news/missing.txt"}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"nb/a.txt": "– Ja, sier han.", "news/b.txt": "B text", "testdata/articles/r.txt": "repo text"} {
		if got, ok := f.Get(name); !ok || string(got) != want {
			t.Errorf("Get(%s) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := f.Get("news/c.txt"); ok {
		t.Error("read a member nobody asked for")
	}
	if !f.NotFound("news/missing.txt") {
		t.Error("a member absent from the archive is not reported")
	}

	absent := &Files{RepoDir: repo, CorpusDir: filepath.Join(repo, "nowhere")}
	if err := absent.Load([]string{"nb/a.txt", "news/b.txt", "testdata/articles/r.txt"}); err != nil {
		t.Fatal(err)
	}
	sk := absent.Skipped()
	if len(sk) != 1 {
		t.Fatalf("skipped = %v, want one reason", sk)
	}
	for why, names := range sk {
		if !strings.Contains(why, "CORPUS not found at") || len(names) != 2 {
			t.Errorf("skipped %q: %v", why, names)
		}
	}
	if _, ok := absent.Get("testdata/articles/r.txt"); !ok {
		t.Error("repo file not read when the corpus is absent")
	}
}

func TestRunCorpus(t *testing.T) {
	repo, _ := synthRepo(t)
	corpus := filepath.Join(t.TempDir(), "corpus")
	nb := "Ministeren sa at samtalene fortsetter.\n– Vi venter, sier han.\n"
	writeCorpus(t, corpus, map[string]string{"nb/a.txt": nb})
	s1, e1 := span(t, nb, "samtalene fortsetter", 0)
	s2, e2 := span(t, nb, "Vi venter", 0)
	writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/heldout/a.json"), GoldQuotes{File: "nb/a.txt", Lang: "nb", Statements: []GoldStatement{
		{Kind: "indirect", Start: s1, End: e1, Cue: "sa"}, {Kind: "direct", Start: s2, End: e2, Cue: "sier"}}})
	// The check annotator agrees on the direct one and misses the indirect one.
	writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/check/a.json"), GoldQuotes{File: "nb/a.txt", Lang: "nb", Annotator: "C", Statements: []GoldStatement{
		{Kind: "direct", Start: s2, End: e2, Cue: "sier"}}})
	writeFile(t, filepath.Join(repo, "testdata/gold/meta.tsv"), "file\toutlet\tlang\tdate\tprecision\ttitle\n"+
		"nb/a.txt\t-\tnb\tunknown\t\t\n"+
		"testdata/articles/x.txt\t\ten\t2025-01-02\tday\tA synthetic article\n")

	read := func(src string, data []byte) ([]sources.Article, []error) {
		a := sources.Article{Source: src, Text: string(data), Lang: "nb"}
		if strings.HasPrefix(string(data), " date 2025-01-02") {
			a.Lang, a.Title = "en", "A synthetic  article"
			a.Published = sources.Date{Year: 2025, Month: 1, Day: 2, Precision: sources.PrecDay}
		}
		return []sources.Article{a}, nil
	}
	opts := Options{GoldDir: filepath.Join(repo, "testdata/gold"), CorpusDir: corpus}
	var out bytes.Buffer
	rep, err := Run(context.Background(), Pipeline{Read: read, Extract: noExtract}, opts, &out)
	if err != nil {
		t.Fatal(err)
	}
	if r := findRow(rep.Quotes, "heldout", "nb", "all"); r == nil || r.Gold != 2 || r.Pred != 0 {
		t.Errorf("heldout nb row = %+v", r)
	}
	ag := findRow(rep.Agreement, "heldout", "nb", "direct")
	if ag == nil || ag.TP != 1 || val(ag.F1) != 1 {
		t.Errorf("agreement direct row = %+v", ag)
	}
	if ag := findRow(rep.Agreement, "heldout", "nb", "indirect"); ag == nil || ag.Gold != 1 || ag.TP != 0 {
		t.Errorf("agreement indirect row = %+v", ag)
	}
	meta := map[string]MetaField{}
	for _, m := range rep.Meta {
		meta[m.Field] = m
	}
	for field, want := range map[string][2]int{"outlet": {1, 1}, "lang": {2, 2}, "date": {2, 2}, "precision": {2, 2}, "title": {1, 1}} {
		if m := meta[field]; m.Asserted != want[0] || m.Correct != want[1] {
			t.Errorf("meta %s = %d/%d, want %d/%d", field, m.Correct, m.Asserted, want[1], want[0])
		}
	}

	// Only the dev split: the heldout file and its check are left out.
	opts.Split = SplitDev
	rep, err = Run(context.Background(), Pipeline{Read: read, Extract: noExtract}, opts, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := findRow(rep.Quotes, "heldout", "nb", "all"); r != nil {
		t.Errorf("heldout evaluated with split dev: %+v", r)
	}

	// Without the corpus the nb file is skipped and said so.
	opts.CorpusDir = filepath.Join(repo, "absent")
	opts.Split = ""
	out.Reset()
	rep, err = Run(context.Background(), Pipeline{Read: read, Extract: noExtract}, opts, &out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "skipped 1 corpus files: CORPUS not found at " + opts.CorpusDir; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
	if r := findRow(rep.Quotes, "dev", "en", "all"); r == nil || r.Gold != 3 {
		t.Errorf("repo files not evaluated without the corpus: %+v", r)
	}
}

func TestSplitOption(t *testing.T) {
	repo, _ := synthRepo(t)
	_, err := Run(context.Background(), Pipeline{Read: plainRead("en"), Extract: noExtract},
		Options{GoldDir: filepath.Join(repo, "testdata/gold"), Split: "train"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "train") {
		t.Errorf("err = %v, want a split error", err)
	}
}

// corpusDir is $CLAIMTRAIL_CORPUS or ../shared/corpus beside the repository.
func corpusDir() string {
	if d := os.Getenv("CLAIMTRAIL_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpus")
}

// TestRepoGold runs the evaluation on the repository's own gold with an
// oracle pipeline that returns the gold itself: every span must be valid
// and every figure perfect, or the gold files or the matching are broken.
// Corpus files are skipped when the corpus is absent.
func TestRepoGold(t *testing.T) {
	goldDir := filepath.Join("..", "testdata", "gold")
	seeds, _ := filepath.Glob(filepath.Join(goldDir, "quotes", "dev", "00[0-4]_*.json"))
	if len(seeds) == 0 {
		t.Fatal("no seed gold files in testdata/gold/quotes/dev")
	}
	gold, err := LoadQuotes(goldDir, SplitDev, SplitHeldout)
	if err != nil {
		t.Fatal(err)
	}
	files := &Files{RepoDir: "..", CorpusDir: corpusDir()}
	var names []string
	for _, g := range gold {
		names = append(names, g.File)
	}
	if err := files.Load(names); err != nil {
		t.Fatal(err)
	}
	byText := map[string][]claims.Statement{}
	seen := map[string]string{}
	for _, g := range gold {
		if prev, dup := seen[g.File]; dup {
			t.Errorf("%s and %s annotate the same file %s", prev, g.Path, g.File)
		}
		seen[g.File] = g.Path
		text, ok := files.Get(g.File)
		if !ok {
			continue
		}
		for _, s := range g.Statements {
			if s.End > len(text) {
				continue // Run reports it
			}
			st := claims.Statement{Kind: claims.Kind(s.Kind), Start: s.Start, End: s.End, Text: string(text[s.Start:s.End]),
				Speaker: s.Speaker, Cue: s.Cue, Via: s.Via}
			if s.Speaker == Unnamed {
				st.SpeakerKind = claims.SpeakerUnnamed
			}
			byText[string(text)] = append(byText[string(text)], st)
		}
	}
	oracle := func(d claims.Doc) ([]claims.Statement, []claims.Diagnostic) { return byText[d.Text], nil }
	var out bytes.Buffer
	rep, err := Run(context.Background(), Pipeline{Read: plainRead("en"), Extract: oracle},
		Options{GoldDir: goldDir, CorpusDir: corpusDir(), RepoDir: ".."}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Quotes) == 0 {
		t.Fatalf("no quotation rows:\n%s", out.String())
	}
	for _, r := range rep.Quotes {
		if r.Gold == 0 {
			continue
		}
		for name, v := range map[string]Ratio{"precision": r.Precision, "recall": r.Recall, "speaker": r.SpeakerAcc, "cue": r.CueAcc, "via": r.ViaAcc} {
			if val(v) != 1 {
				t.Errorf("%s/%s/%s: oracle %s = %v, want 1", r.Split, r.Lang, r.Kind, name, val(v))
			}
		}
	}
	for _, s := range rep.Skipped {
		t.Logf("skipped %d corpus files: %s", len(s.Files), s.Reason)
	}
	if rep.Findings == nil || rep.Findings.Skipped == "" {
		t.Errorf("findings evaluated without a facts stage: %+v", rep.Findings)
	}
}

func TestVerboseHidesHeldout(t *testing.T) {
	repo, gold := synthRepo(t)
	gold.Path = ""
	writeJSON(t, filepath.Join(repo, "testdata/gold/quotes/heldout/x.json"), gold)
	if err := os.Remove(filepath.Join(repo, "testdata/gold/quotes/dev/x.json")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		split    string
		wantText bool
	}{
		{"default run hides held-out texts", "", false},
		{"all hides them too", SplitAll, false},
		{"held-out split asked for", SplitHeldout, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := Run(context.Background(), Pipeline{Read: plainRead("en"), Extract: noExtract},
				Options{GoldDir: filepath.Join(repo, "testdata/gold"), Split: tt.split, Verbose: true}, &out)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(out.String(), "the embassies would reopen soon"); got != tt.wantText {
				t.Errorf("text listed = %v, want %v:\n%s", got, tt.wantText, out.String())
			}
		})
	}
}
