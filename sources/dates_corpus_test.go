package sources

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestInferDateCorpus measures date inference where the truth is known:
// every dated article of the corpus (news.tar.gz and nb/) is read with
// its header line removed, and an inferred date counts as right when the
// true publication day lies inside it (2017-11 is right for 2017-11-08).
// Precision matters more than coverage (a wrong date is worse than none),
// so the test asserts a precision floor and reports coverage. Skips
// without the corpus.
func TestInferDateCorpus(t *testing.T) {
	c := openCorpus(t)
	type stat struct{ n, inferred, right, day int }
	stats := map[string]*stat{}
	measure := func(group string, data []byte) {
		text := string(data)
		nl := strings.IndexByte(text, '\n')
		if nl < 0 {
			return
		}
		h, ok := parseHeader(text[:nl])
		if !ok || !h.date.Known() || h.date.Precision != PrecDay {
			return
		}
		s := stats[group]
		if s == nil {
			s = &stat{}
			stats[group] = s
		}
		s.n++
		arts, errs := Read(group, []byte(text[nl+1:]), Options{})
		if len(errs) != 0 || !arts[0].DateInferred {
			return
		}
		s.inferred++
		if arts[0].Published.Precision == PrecDay {
			s.day++
		}
		lo, hi, _ := arts[0].Published.Interval()
		truth, _, _ := h.date.Interval()
		if !truth.Before(lo) && !truth.After(hi) {
			s.right++
		} else if testing.Verbose() {
			t.Logf("%s: inferred %s, published %s", group, arts[0].Published, h.date)
		}
	}
	c.walkNews(t, func(name string, data []byte) bool {
		group := strings.TrimPrefix(name, "news/")
		if i := strings.IndexAny(group, "-_"); i > 0 {
			group = group[:i]
			if group == "isot" {
				group = strings.Join(strings.SplitN(strings.TrimPrefix(name, "news/"), "-", 3)[:2], "-")
			}
		}
		measure(group, data)
		return true
	}, func(name string) bool { return strings.HasSuffix(name, ".txt") })
	nbFiles, _ := filepath.Glob(filepath.Join(c.dir, "nb", "ndt-*.txt"))
	for _, f := range nbFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		measure("nb", b)
	}
	var total stat
	var groups []string
	for g := range stats {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		s := stats[g]
		t.Logf("%-10s dated %5d, inferred %4d (%.1f%%), right %4d, at day precision %d", g, s.n, s.inferred, 100*float64(s.inferred)/float64(max(1, s.n)), s.right, s.day)
		total.n += s.n
		total.inferred += s.inferred
		total.right += s.right
	}
	precision := float64(total.right) / float64(max(1, total.inferred))
	t.Logf("all: %d dated articles without their header, %d inferred, %d right: precision %.1f%%", total.n, total.inferred, total.right, 100*precision)
	if total.inferred < 20 || precision < 0.85 {
		t.Errorf("inference precision %.3f (%d inferred) below the floor 0.85", precision, total.inferred)
	}
}
