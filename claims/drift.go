package claims

import (
	"slices"
	"sort"
	"strings"
)

// Family groups occurrences of the same quotation across articles (and
// across time from the same speaker): its variants, oldest first, with the
// word diffs between consecutive ones.
type Family struct {
	Members []Candidate `json:"members"` // oldest first by Published (as MatchStatements orders dates), then Ref
	Diffs   [][]DiffOp  `json:"diffs"`   // Diffs[i] turns Members[i] into Members[i+1]
}

// Tuning of Families.
const (
	// familyBucketCap skips stem bigrams shared by more statements than
	// this when looking for pairs ("of the", "we are", "he said"): they
	// cost quadratic work and say nothing about a quotation's identity.
	// Two variants of one quotation share many rarer bigrams.
	familyBucketCap = 200
	// familyFragmentWords is the least length in words of a quotation
	// that joins a family as a fragment of a longer variant when the
	// speakers are not known to agree; with the same SpeakerID, three
	// words are enough ("mutually beneficial projects" inside Lavrov's
	// longer sentence). Shorter fragments are too often stock phrases.
	familyFragmentWords     = 6
	familyFragmentWordsSame = 3
)

// famItem is one statement prepared for Families.
type famItem struct {
	idx     int // into the input
	bag     mtBag
	exBi    []uint64 // sorted unique exact bigrams
	words   int
	content int
}

// Families groups direct quotations (Kind Direct; other kinds are ignored)
// whose texts are near-identical or one a fragment or edit of the other,
// by single linkage: two quotations are linked when Similarity ≥
// minSimilarity (for a quotation under familyFragmentWords words only with
// the same SpeakerID), or when the shorter one's words lie word for word
// (VerbatimCoverage of them, in two-word runs) inside the longer and it is
// long enough (familyFragmentWords words, or familyFragmentWordsSame with
// the same SpeakerID). A fragment (under 0.8 of the longer's words) links
// to its single best container only, so a stock phrase quoted inside two
// different quotations does not chain them into one family. Families whose members all come from one article
// are dropped, as are singletons.
//
// Pairs are found through an inverted index of stem bigrams that skips the
// common ones (familyBucketCap), never by comparing all pairs: the work is
// linear in the input for real text. Families are ordered by size (largest
// first), then by their oldest member's date and Ref.
func Families(cands []Candidate, minSimilarity float64) []Family {
	var items []famItem
	var t mtText
	for i := range cands {
		if cands[i].Kind != Direct {
			continue
		}
		t.reset()
		mtParse(cands[i].Text, &t)
		if t.len() < 2 {
			continue
		}
		it := famItem{idx: i, bag: mtBagOf(&t), words: t.len()}
		for k := 0; k < t.len(); k++ {
			if t.w[k] == 1 {
				it.content++
			}
		}
		it.exBi = make([]uint64, 0, t.len()-1)
		for k := 0; k+1 < t.len(); k++ {
			it.exBi = append(it.exBi, mtPair(t.exact[k], t.exact[k+1]))
		}
		slices.Sort(it.exBi)
		it.exBi = slices.Compact(it.exBi)
		items = append(items, it)
	}
	if len(items) < 2 {
		return nil
	}

	// Inverted index: stem bigram → items holding it, as one sorted array
	// of (bigram, item) postings; each item keeps the runs of its rare
	// bigrams. No map: a few flat arrays for 100,000 statements.
	type posting struct {
		h  uint64
		it int32
	}
	n := 0
	for i := range items {
		n += len(items[i].bag.bigrams)
	}
	post := make([]posting, 0, n)
	for i := range items {
		for _, b := range items[i].bag.bigrams {
			post = append(post, posting{b, int32(i)})
		}
	}
	slices.SortFunc(post, func(x, y posting) int {
		switch {
		case x.h < y.h:
			return -1
		case x.h > y.h:
			return 1
		}
		return int(x.it - y.it)
	})
	// runs[k] is the [start, end) of the postings of one rare bigram;
	// itemRuns lists, per item, the runs it belongs to.
	var runs [][2]int32
	itemRuns := make([][]int32, len(items))
	for a := 0; a < len(post); {
		b := a + 1
		for b < len(post) && post[b].h == post[a].h {
			b++
		}
		if b-a > 1 && b-a <= familyBucketCap {
			for k := a; k < b; k++ {
				itemRuns[post[k].it] = append(itemRuns[post[k].it], int32(len(runs)))
			}
			runs = append(runs, [2]int32{int32(a), int32(b)})
		}
		a = b
	}

	parent := make([]int32, len(items))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b int32) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}

	// For each item, count the rare bigrams it shares with each other
	// item; verify the pairs that share enough.
	counts := make([]int32, len(items))
	var touched []int32
	bestFrag := make([]int32, len(items)) // best container of a fragment, -1 none
	bestCov := make([]float64, len(items))
	bestSim := make([]float64, len(items))
	for i := range bestFrag {
		bestFrag[i] = -1
	}
	for i := range items {
		touched = touched[:0]
		for _, r := range itemRuns[i] {
			for _, p := range post[runs[r][0]:runs[r][1]] {
				j := p.it
				if int(j) <= i {
					continue
				}
				if counts[j] == 0 {
					touched = append(touched, j)
				}
				counts[j]++
			}
		}
		for _, j := range touched {
			n := counts[j]
			counts[j] = 0
			a, b := &items[i], &items[j]
			need := int32(2)
			if min(len(a.bag.bigrams), len(b.bag.bigrams)) <= 2 {
				need = 1
			}
			if n < need {
				continue
			}
			// Fragment: the shorter inside the longer. A clearly shorter
			// fragment links to its best container only, even when it is
			// also similar to others: a stock phrase quoted alone must
			// not chain the longer quotations holding it.
			short, long := int32(i), j
			if items[j].words < items[i].words {
				short, long = j, int32(i)
			}
			cov, contained := famContained(&items[short], &items[long], &cands[items[short].idx], &cands[items[long].idx])
			fragment := contained && float64(items[short].words) < 0.8*float64(items[long].words)
			sim := mtBagSimilarity(&a.bag, &b.bag)
			if !fragment && sim >= minSimilarity && famSpeakerOK(&items[short], &cands[a.idx], &cands[b.idx]) {
				union(int32(i), j)
				continue
			}
			if !contained {
				continue
			}
			// Best container: the highest coverage, then the most similar
			// (the closest in length), then the first in the input.
			bf := bestFrag[short]
			if bf < 0 || cov > bestCov[short] ||
				cov == bestCov[short] && (sim > bestSim[short] ||
					sim == bestSim[short] && items[long].idx < items[bf].idx) {
				bestFrag[short], bestCov[short], bestSim[short] = long, cov, sim
			}
		}
	}
	for i, j := range bestFrag {
		if j >= 0 {
			union(int32(i), j)
		}
	}

	groups := map[int32][]int{}
	for i := range items {
		r := find(int32(i))
		groups[r] = append(groups[r], items[i].idx)
	}
	var out []Family
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		members := make([]Candidate, len(g))
		for k, idx := range g {
			members[k] = cands[idx]
		}
		sort.SliceStable(members, func(x, y int) bool {
			if c := compareDates(members[x].Published, members[y].Published); c != 0 {
				return c < 0
			}
			return members[x].Ref < members[y].Ref
		})
		if !famManyArticles(members) {
			continue
		}
		f := Family{Members: members, Diffs: make([][]DiffOp, len(members)-1)}
		for k := 0; k+1 < len(members); k++ {
			f.Diffs[k] = WordDiff(members[k].Text, members[k+1].Text)
		}
		out = append(out, f)
	}
	sort.Slice(out, func(x, y int) bool {
		a, b := out[x].Members, out[y].Members
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		if c := compareDates(a[0].Published, b[0].Published); c != 0 {
			return c < 0
		}
		return a[0].Ref < b[0].Ref
	})
	return out
}

// famContained reports whether the shorter quotation s lies word for word
// inside the longer l (VerbatimCoverage of its exact bigrams), and is long
// enough to count as a fragment, returning the coverage.
func famContained(s, l *famItem, cs, cl *Candidate) (float64, bool) {
	minWords := familyFragmentWords
	if cs.SpeakerID != "" && strings.EqualFold(cs.SpeakerID, cl.SpeakerID) {
		minWords = familyFragmentWordsSame
	}
	if s.words < minWords || s.content < 2 || len(s.exBi) == 0 {
		return 0, false
	}
	cov := float64(mtIntersect(s.exBi, l.exBi)) / float64(len(s.exBi))
	return cov, cov >= VerbatimCoverage
}

// famSpeakerOK reports whether a similarity link may be made: a short
// quotation (under familyFragmentWords words: "a witch hunt", "margins of
// society") recurs across unrelated articles as a stock phrase, so it
// links only when both quotations have the same known speaker.
func famSpeakerOK(short *famItem, a, b *Candidate) bool {
	if short.words >= familyFragmentWords {
		return true
	}
	return a.SpeakerID != "" && strings.EqualFold(a.SpeakerID, b.SpeakerID)
}

// famManyArticles reports whether the members come from at least two
// articles (an unknown Article, 0, counts as its own).
func famManyArticles(ms []Candidate) bool {
	for i := range ms {
		if ms[i].Article == 0 || ms[i].Article != ms[0].Article {
			return true
		}
	}
	return false
}

// Tuning of NearDuplicates.
const (
	ndShingle = 5  // words per shingle
	ndBins    = 63 // one-permutation MinHash bins (21 bands of 3, or 31 of 2)
	// ndBucketAll is the largest LSH bucket whose pairs are all verified;
	// in a larger one (a story copied into many outlets) each member is
	// verified against the bucket's first member and its predecessor.
	ndBucketAll = 48
)

// NearDuplicates groups whole articles that are syndicated or lightly
// edited copies of each other, so that provenance can show one origin and
// its copies instead of many independent sources. Input: article id →
// text. Two articles are linked when the Jaccard resemblance of their sets
// of five-word shingles (case and punctuation ignored) is at least
// threshold (0.5 is a good default: a wire story with a changed headline,
// a dropped paragraph or an added credit line stays above it); groups are
// the connected components of these links, each of at least two articles,
// ids ascending, groups ordered by their first id.
//
// Candidates come from MinHash locality-sensitive hashing (one-permutation
// MinHash with 63 bins, bands of three rows, or two below threshold 0.5),
// so the work grows linearly with the input; every candidate pair is then
// verified with the exact Jaccard of the shingle sets, so no group rests
// on an estimate. A text shorter than five words is one shingle.
func NearDuplicates(texts map[int64]string, threshold float64) [][]int64 {
	ids := make([]int64, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	type doc struct {
		sh  []uint64 // sorted unique shingle hashes
		sig [ndBins]uint64
	}
	docs := make([]doc, len(ids))
	var t mtText
	for i, id := range ids {
		t.reset()
		mtParse(texts[id], &t)
		docs[i].sh = ndShingles(&t)
		docs[i].sig = ndSignature(docs[i].sh)
	}
	rows := 3
	if threshold < 0.5 {
		rows = 2
	}
	bands := ndBins / rows

	parent := make([]int, len(ids))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	checked := map[[2]int]bool{}
	verify := func(a, b int) {
		if a > b {
			a, b = b, a
		}
		if a == b || checked[[2]int{a, b}] {
			return
		}
		checked[[2]int{a, b}] = true
		if find(a) == find(b) {
			return
		}
		x, y := docs[a].sh, docs[b].sh
		inter := mtIntersect(x, y)
		if j := float64(inter) / float64(len(x)+len(y)-inter); j >= threshold {
			ra, rb := find(a), find(b)
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	buckets := map[uint64][]int{}
	for band := 0; band < bands; band++ {
		clear(buckets)
		for i := range docs {
			if len(docs[i].sh) == 0 {
				continue
			}
			h := uint64(band + 1)
			for r := 0; r < rows; r++ {
				h = mtPair(h, docs[i].sig[band*rows+r])
			}
			buckets[h] = append(buckets[h], i)
		}
		keys := make([]uint64, 0, len(buckets))
		for k, b := range buckets {
			if len(b) > 1 {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys) // deterministic order of verification
		for _, k := range keys {
			b := buckets[k]
			if len(b) <= ndBucketAll {
				for x := 0; x < len(b); x++ {
					for y := x + 1; y < len(b); y++ {
						verify(b[x], b[y])
					}
				}
				continue
			}
			for x := 1; x < len(b); x++ {
				verify(b[0], b[x])
				verify(b[x-1], b[x])
			}
		}
	}
	groups := map[int][]int64{}
	for i := range ids {
		r := find(i)
		groups[r] = append(groups[r], ids[i])
	}
	var out [][]int64
	for _, g := range groups {
		if len(g) > 1 {
			out = append(out, g) // ids ascending: i ascends
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// ndShingles returns the sorted unique hashes of the five-word shingles of
// a parsed text (one shingle of all words when shorter).
func ndShingles(t *mtText) []uint64 {
	n := t.len()
	if n == 0 {
		return nil
	}
	if n < ndShingle {
		h := uint64(mtFNVOffset)
		for _, w := range t.exact {
			h = mtPair(h, w)
		}
		return []uint64{h}
	}
	out := make([]uint64, 0, n-ndShingle+1)
	for i := 0; i+ndShingle <= n; i++ {
		h := uint64(mtFNVOffset)
		for _, w := range t.exact[i : i+ndShingle] {
			h = mtPair(h, w)
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ndSignature computes a one-permutation MinHash signature: each shingle
// goes to one bin by its hash, each bin keeps its least value; an empty bin
// borrows the value of the next non-empty bin to its right (rotation
// densification, Shrivastava & Li 2014), marked with the distance so that
// borrowed values only match borrowed values.
func ndSignature(sh []uint64) (sig [ndBins]uint64) {
	const empty = ^uint64(0)
	for i := range sig {
		sig[i] = empty
	}
	for _, h := range sh {
		x := h * 0x9E3779B97F4A7C15
		x ^= x >> 31
		b := x % ndBins
		if v := x / ndBins; v < sig[b] {
			sig[b] = v
		}
	}
	if len(sh) == 0 {
		return sig
	}
	var dense [ndBins]uint64
	for i := range sig {
		if sig[i] != empty {
			dense[i] = sig[i]
			continue
		}
		for d := 1; d < ndBins; d++ {
			if v := sig[(i+d)%ndBins]; v != empty {
				dense[i] = mtPair(v, uint64(d))
				break
			}
		}
	}
	return dense
}
