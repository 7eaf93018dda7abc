package claims

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// mtCorpusDir is the shared corpus: $CLAIMTRAIL_CORPUS, else
// ../shared/corpus next to the repository.
func mtCorpusDir() string {
	if d := os.Getenv("CLAIMTRAIL_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpus")
}

// mtCorpusMembers reads the members of $CORPUS/news.tar.gz whose names
// ("news/isot-true-0331.txt") keep returns true. It skips the test when
// the corpus is absent.
func mtCorpusMembers(t testing.TB, keep func(name string) bool) map[string][]byte {
	t.Helper()
	f, err := os.Open(filepath.Join(mtCorpusDir(), "news.tar.gz"))
	if err != nil {
		t.Skipf("corpus absent (%v); set CLAIMTRAIL_CORPUS", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("corpus: %v", err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !keep(name) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("corpus %s: %v", name, err)
		}
		out[name] = b
	}
	return out
}

// mtCorpusQuotes are the real quotation variants the drift tests use, one
// sentence each, by corpus file and byte offset of the text.
var mtCorpusQuotes = []struct {
	file string
	off  int
	text string
}{
	{"news/isot-true-0331.txt", 1219, "Roy Moore in the U.S. Senate would be a stain on the GOP and on the nation,"},
	{"news/isot-true-0339.txt", 1692, "Roy Moore in the US Senate would be a stain on the GOP and on the nation,"},
	{"news/isot-true-0373.txt", 915, "I had to fire General Flynn because he lied to the Vice President and the FBI."},
	{"news/isot-true-0357.txt", 976, "I had to fire General Flynn because he lied to the Vice President (Mike Pence) and the FBI."},
	{"news/isot-true-0394.txt", 260, "At the end of the day, I am not able to cast aside my fiscal concerns and vote for legislation that I believe, based on the information I currently have, could deepen the debt burden on future generations,"},
	{"news/isot-true-0378.txt", 3967, "I am not able to cast aside my fiscal concerns and vote for legislation that ... could deepen the debt burden on future generations,"},
	{"news/bbc-politics-344.txt", 1558, "At this election, people will have a clear choice between Mr Blair who will waste more and tax more and the Conservative party which will give value for money and tax less,"},
	{"news/bbc-politics-271.txt", 2166, "All this adds up to a bottom line and the bottom line is at this election people will have a clear choice between Mr Blair, who will waste more and tax more, and a Conservative government that will give them value for money and tax less."},
	{"news/isot-true-0618.txt", 3558, "I do believe our taxes need to be overhauled."},
	{"news/isot-true-0619.txt", 2115, "This is going to be difficult and I just don’t know why we had to complicate it by bringing up the ACA,"},
	{"news/isot-true-0145.txt", 974, "The speaker assured the president that those were not accurate reports and that they looked forward to working together for a long time to come,"},
	{"news/isot-true-0150.txt", 288, "The speaker assured the president that those were not accurate reports, and that they look forward to working together for a long time to come,"},
}

// TestCorpusQuoteCitations checks that the sentences the tests use are
// where their comments say, so the citations stay true.
func TestCorpusQuoteCitations(t *testing.T) {
	want := map[string]bool{}
	for _, q := range mtCorpusQuotes {
		want[q.file] = true
	}
	files := mtCorpusMembers(t, func(n string) bool { return want[n] })
	for _, q := range mtCorpusQuotes {
		b, ok := files[q.file]
		if !ok {
			t.Errorf("%s: not in the corpus", q.file)
			continue
		}
		if q.off+len(q.text) > len(b) || string(b[q.off:q.off+len(q.text)]) != q.text {
			t.Errorf("%s @%d: text differs from the citation", q.file, q.off)
		}
	}
}

// TestFamiliesCorpus runs drift the way the drift command does: every
// direct quotation that extraction finds in the isot-true and bbc-politics
// articles of the corpus, grouped into families. The cited variants must
// share a family, and no family may grow into a blob of unrelated
// quotations chained together.
func TestFamiliesCorpus(t *testing.T) {
	files := mtCorpusMembers(t, func(n string) bool {
		return strings.HasPrefix(n, "news/isot-true-") || strings.HasPrefix(n, "news/bbc-politics-")
	})
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var cands []Candidate
	for i, name := range names {
		arts, _ := sources.Read(name, files[name], sources.Options{Lang: "en"})
		if len(arts) == 0 {
			continue
		}
		a := arts[0]
		stmts, _ := Extract(DocOf(a))
		for _, s := range stmts {
			if s.Kind != Direct {
				continue
			}
			cands = append(cands, Candidate{Ref: int64(len(cands) + 1), Article: int64(i + 1), Source: name,
				Lang: "en", Published: a.Published, Speaker: s.Speaker, SpeakerID: s.SpeakerID, Kind: s.Kind,
				Text: s.Text, Start: s.Start, End: s.End})
		}
	}
	refOf := map[string]int64{} // "file@offset" of a cited quotation → the Ref holding it
	for _, q := range mtCorpusQuotes {
		for _, c := range cands {
			if c.Source == q.file && c.Start <= q.off && q.off+len(q.text) <= c.End+1 {
				refOf[q.file+"@"+strconv.Itoa(q.off)] = c.Ref
			}
		}
	}
	start := time.Now()
	fs := Families(cands, 0.6)
	el := time.Since(start)
	family := map[int64]int{}
	largest := 0
	for i, f := range fs {
		largest = max(largest, len(f.Members))
		for _, m := range f.Members {
			family[m.Ref] = i + 1
		}
	}
	t.Logf("%d articles, %d direct quotations, %d families (largest %d) in %v", len(files), len(cands), len(fs), largest, el)
	if testing.Verbose() {
		for _, f := range fs[:min(len(fs), 8)] {
			for k, m := range f.Members {
				t.Logf("  %s %s %.90q", m.Source, m.Published, m.Text)
				if k < len(f.Diffs) {
					t.Logf("    diff %s", mtDiffString(f.Diffs[k]))
				}
			}
			t.Log("  --")
		}
	}
	if largest > 25 {
		t.Errorf("largest family has %d members: single linkage chained unrelated quotations", largest)
	}
	// Pairs of mtCorpusQuotes are variants of one quotation. (8,9) are
	// Collins' "…I just don’t know why we had to complicate it by bringing
	// up the ACA" as two outlets quoted it, the first after an ellipsis.
	same := func(i, j int) (bool, bool) {
		a, okA := refOf[mtCorpusQuotes[i].file+"@"+strconv.Itoa(mtCorpusQuotes[i].off)]
		b, okB := refOf[mtCorpusQuotes[j].file+"@"+strconv.Itoa(mtCorpusQuotes[j].off)]
		if !okA || !okB {
			return false, false
		}
		return family[a] != 0 && family[a] == family[b], true
	}
	found := 0
	for _, p := range [][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}, {10, 11}} {
		ok, extracted := same(p[0], p[1])
		if !extracted {
			t.Logf("%s / %s: extraction did not yield both quotations", mtCorpusQuotes[p[0]].file, mtCorpusQuotes[p[1]].file)
			continue
		}
		found++
		if !ok {
			t.Errorf("%s and %s: variants not in one family", mtCorpusQuotes[p[0]].file, mtCorpusQuotes[p[1]].file)
		}
	}
	if found < 3 {
		t.Errorf("only %d cited variant pairs were extracted; want at least 3", found)
	}
}

// TestNearDuplicatesCorpus groups the BBC and isot articles of the corpus.
// The BBC set holds byte-identical copies under two names
// (bbc-politics-218 and -253) and edited versions of one story (another
// headline, a paragraph added or cut); they must be grouped. A follow-up
// story that retells the same events in new words (bbc-politics-252 after
// -253, shingle resemblance about 0.2) is not a copy, and no group may
// swallow unrelated stories.
func TestNearDuplicatesCorpus(t *testing.T) {
	files := mtCorpusMembers(t, func(n string) bool {
		return strings.HasPrefix(n, "news/bbc-") || strings.HasPrefix(n, "news/isot-")
	})
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	texts := make(map[int64]string, len(names))
	idOf := map[string]int64{}
	for i, n := range names {
		texts[int64(i+1)] = string(files[n])
		idOf[n] = int64(i + 1)
	}
	start := time.Now()
	groups := NearDuplicates(texts, 0.5)
	el := time.Since(start)
	groupOf := map[int64]int{}
	largest, grouped := 0, 0
	for g, ids := range groups {
		largest = max(largest, len(ids))
		grouped += len(ids)
		for _, id := range ids {
			groupOf[id] = g + 1
		}
	}
	t.Logf("%d articles: %d groups holding %d articles (largest %d) in %v", len(texts), len(groups), grouped, largest, el)
	together := func(a, b string) bool {
		x, y := idOf["news/"+a+".txt"], idOf["news/"+b+".txt"]
		return x != 0 && groupOf[x] != 0 && groupOf[x] == groupOf[y]
	}
	if !together("bbc-politics-218", "bbc-politics-253") {
		t.Errorf("identical copies bbc-politics-218 and -253 not grouped")
	}
	for _, p := range [][2]string{
		{"bbc-politics-212", "bbc-politics-329"}, // another headline
		{"isot-true-0072", "isot-true-0110"},     // paragraphs added
		{"bbc-business-254", "bbc-business-447"},
		{"bbc-politics-077", "bbc-politics-354"},
	} {
		if !together(p[0], p[1]) {
			t.Errorf("edited versions %s and %s not grouped", p[0], p[1])
		}
	}
	for _, p := range [][2]string{
		{"bbc-politics-252", "bbc-politics-253"}, // follow-up story
		{"bbc-politics-251", "bbc-politics-252"},
	} {
		if together(p[0], p[1]) {
			t.Errorf("different stories %s and %s grouped", p[0], p[1])
		}
	}
	if largest > 12 {
		t.Errorf("a group of %d articles: unrelated stories chained", largest)
	}
}
