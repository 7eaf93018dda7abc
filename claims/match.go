package claims

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// Candidate is a stored statement offered as a possible match for a
// provenance query (the store finds candidates with FTS5 and by shared
// facts; this package decides which ones match and how).
type Candidate struct {
	Ref       int64        `json:"ref"` // the statement's id in the store
	Article   int64        `json:"article"`
	Source    string       `json:"source"`
	Outlet    string       `json:"outlet"`
	Lang      string       `json:"lang"`
	Published sources.Date `json:"published"`
	Speaker   string       `json:"speaker"`
	SpeakerID string       `json:"speaker_id"`
	Kind      Kind         `json:"kind"`
	Text      string       `json:"text"`
	Via       string       `json:"via"`
	Start     int          `json:"start"`
	End       int          `json:"end"`
	// FactKeys are the statement's normalised facts as "attribute=value"
	// strings, e.g. "date=2025-02-27", "place=Istanbul", "event=talks",
	// "count:talks=2". Compared case-insensitively; the attribute before
	// any ":" names the kind of fact (date, place, count, event, speaker).
	FactKeys []string `json:"fact_keys,omitempty"`
}

// Relations of a Match (SPEC.md provenance).
const (
	RelVerbatim    = "verbatim"
	RelParaphrase  = "paraphrase"
	RelTranslation = "translation"
	RelSameFacts   = "same_facts"
)

// Match is a candidate that matches a query, with how and how well.
type Match struct {
	Candidate
	Relation string  `json:"relation"` // verbatim|paraphrase|translation|same_facts
	Score    float64 `json:"score"`    // in [0,1]; higher is closer
}

// Query is what the user pasted, with its language and normalised facts
// (computed by the caller with the same fact extraction as the stored
// statements).
type Query struct {
	Text     string
	Lang     string
	FactKeys []string
	// SpeakerID optionally names who the user says spoke; it anchors a
	// cross-language match like a shared event does.
	SpeakerID string
}

// Thresholds of MatchStatements, measured on the news corpus (isot-true and
// reuters files): for random pairs of English sentences the paraphrase
// score never reached 0.5 (20,000 pairs); for each of 3,000 sentences
// against its search-like neighbours (sentences sharing three rarer words)
// pairs scoring 0.38–0.5 were almost all different claims of one topic
// ("the House passed…" / "the Senate voted…"), while pairs of 0.5–0.7 were
// mostly the same fact reworded ("Reuters has not independently confirmed
// the accusations" / "…verified the accusations against him") or stock
// phrases ("did not immediately respond to a request for comment").
// Hand-written paraphrases of real quotations scored 0.62–0.80.
const (
	// VerbatimCoverage is the share of the query's words that must sit in
	// runs of at least two words found word for word in the candidate (or
	// the reverse, for a fragment). 0.9 allows one substituted or dropped
	// word in ten ("the" → "a", a dropped adverb) and no more.
	VerbatimCoverage = 0.9
	// ParaphraseScore is the least paraphrase score (same language).
	ParaphraseScore = 0.5
	// FactShare is the least share of the query's fact keys a translation
	// must have, with at least two keys shared and the speaker or an event
	// shared; a same_facts match needs FactShareSame and a date, number or
	// place among the shared keys.
	FactShare = 0.6
	// AnchorPenalty is the share of a paraphrase score lost when none of
	// the query's names (capitalised words inside a sentence) are in the
	// candidate or its speaker; NumberPenalty the share lost when none of
	// its numbers and date words are (NumberTokens). Both fall in
	// proportion to the share missing.
	AnchorPenalty = 0.4
	NumberPenalty = 0.5
	FactShareSame = 0.5
	// fragmentWords is the least number of words (two of them content
	// words) of a candidate that matches as a verbatim fragment of the
	// query, and fragmentShare the least share of the query it must cover.
	fragmentWords = 3
	fragmentShare = 0.2
)

// mtQuery is a parsed query, with indexes from its word hashes.
type mtQuery struct {
	t       mtText
	stemIdx map[uint64]int32 // unique stem → index into stemW
	stemW   []float64
	stemTot float64
	biIdx   map[uint64]int32 // unique stem bigram → index
	exIdx   map[uint64]int32 // unique exact word → index
	exBiIdx map[uint64]int32 // unique exact bigram → index
	posExBi []int32          // exact bigram index of positions i, i+1
	posEx   []int32          // exact word index of position i
	anchors []int32          // stem indexes of the query's names
	numbers []string         // the query's NumberTokens
	// stemF and exF are 1024-bit filters of the query's stems and words:
	// most candidate words are not in the query, and a bit test is much
	// cheaper than a map lookup.
	stemF, exF [16]uint64
	facts      map[string]string
	strong     map[string]bool
	nContent   int
}

func newMtQuery(q Query) *mtQuery {
	m := &mtQuery{
		stemIdx: map[uint64]int32{}, biIdx: map[uint64]int32{},
		exIdx: map[uint64]int32{}, exBiIdx: map[uint64]int32{},
	}
	mtParse(q.Text, &m.t)
	t := &m.t
	for i := 0; i < t.len(); i++ {
		if t.w[i] == 1 {
			m.nContent++
		}
		if k, ok := m.stemIdx[t.stem[i]]; ok {
			m.stemW[k] = math.Max(m.stemW[k], float64(t.w[i]))
		} else {
			m.stemIdx[t.stem[i]] = int32(len(m.stemW))
			m.stemW = append(m.stemW, float64(t.w[i]))
		}
		k, ok := m.exIdx[t.exact[i]]
		if !ok {
			k = int32(len(m.exIdx))
			m.exIdx[t.exact[i]] = k
		}
		m.posEx = append(m.posEx, k)
		if i+1 < t.len() {
			b := mtPair(t.stem[i], t.stem[i+1])
			if _, ok := m.biIdx[b]; !ok {
				m.biIdx[b] = int32(len(m.biIdx))
			}
			e := mtPair(t.exact[i], t.exact[i+1])
			k, ok := m.exBiIdx[e]
			if !ok {
				k = int32(len(m.exBiIdx))
				m.exBiIdx[e] = k
			}
			m.posExBi = append(m.posExBi, k)
		}
	}
	for i := 0; i < t.len(); i++ {
		mtFilterAdd(&m.stemF, t.stem[i])
		mtFilterAdd(&m.exF, t.exact[i])
	}
	m.numbers = NumberTokens(q.Text, q.Lang)
	seen := map[int32]bool{}
	for i := 0; i < t.len(); i++ {
		if k := m.stemIdx[t.stem[i]]; t.anchor[i] && !seen[k] {
			seen[k] = true
			m.anchors = append(m.anchors, k)
		}
	}
	for _, w := range m.stemW {
		m.stemTot += w
	}
	m.facts, m.strong = factSet(q.FactKeys)
	return m
}

// factSet normalises fact keys (trimmed, lower case) into a set mapping
// each key to its kind, and marks the strong ones: dates, places, counts
// and every value with a digit (what makes two statements about the same
// thing, unlike a shared event word alone).
func factSet(keys []string) (set map[string]string, strong map[string]bool) {
	set = make(map[string]string, len(keys))
	strong = map[string]bool{}
	for _, k := range keys {
		k = strings.ToLower(strings.TrimSpace(k))
		attr, val, ok := strings.Cut(k, "=")
		if !ok || val == "" {
			continue
		}
		kind, _, _ := strings.Cut(attr, ":")
		kind = strings.TrimSpace(kind)
		set[k] = kind
		if strings.HasPrefix(kind, "date") || kind == "place" || kind == "count" ||
			kind == "number" || strings.ContainsAny(val, "0123456789") {
			strong[k] = true
		}
	}
	return set, strong
}

// mtScratch holds per-candidate buffers reused across candidates: marks
// stamped with a generation number instead of cleared.
type mtScratch struct {
	t     mtText
	sp    mtText // the candidate's speaker
	gen   int32
	stem  []int32
	spk   []int32 // query stems found in the candidate's speaker
	bi    []int32
	ex    []int32
	exBi  []int32
	cover []bool
}

func (s *mtScratch) size(q *mtQuery) {
	s.stem = make([]int32, len(q.stemW))
	s.spk = make([]int32, len(q.stemW))
	s.bi = make([]int32, len(q.biIdx))
	s.ex = make([]int32, len(q.exIdx))
	s.exBi = make([]int32, len(q.exBiIdx))
}

// score computes the relation and score of one candidate ("" when it does
// not match).
func (q *mtQuery) score(qq *Query, c *Candidate, s *mtScratch) (string, float64) {
	s.gen++
	g := s.gen
	s.t.reset()
	mtParse(c.Text, &s.t)
	ct := &s.t
	n, m := q.t.len(), ct.len()

	// Lexical evidence: mark which query words, stems and bigrams the
	// candidate has; measure the candidate's own words found in the query.
	var cw, cFound float64
	cCovered := 0 // candidate words inside an exact bigram of the query
	prevIn := false
	stemIn, exIn := false, false // word j in the query
	if m > 0 {
		stemIn, exIn = mtFilterHas(&q.stemF, ct.stem[0]), mtFilterHas(&q.exF, ct.exact[0])
	}
	for j := 0; j < m; j++ {
		cw += float64(ct.w[j])
		if stemIn {
			if k, ok := q.stemIdx[ct.stem[j]]; ok {
				s.stem[k] = g
				cFound += float64(ct.w[j])
			} else {
				stemIn = false
			}
		}
		if exIn {
			if k, ok := q.exIdx[ct.exact[j]]; ok {
				s.ex[k] = g
			} else {
				exIn = false
			}
		}
		in := false
		if j+1 < m {
			stemNext := mtFilterHas(&q.stemF, ct.stem[j+1])
			exNext := mtFilterHas(&q.exF, ct.exact[j+1])
			if stemIn && stemNext {
				if k, ok := q.biIdx[mtPair(ct.stem[j], ct.stem[j+1])]; ok {
					s.bi[k] = g
				}
			}
			if exIn && exNext {
				if k, ok := q.exBiIdx[mtPair(ct.exact[j], ct.exact[j+1])]; ok {
					s.exBi[k] = g
					in = true
				}
			}
			stemIn, exIn = stemNext, exNext
		}
		if in || prevIn {
			cCovered++
		}
		prevIn = in
	}

	if n > 0 && m > 0 {
		// Verbatim: the query (nearly) word for word inside the candidate.
		covered := 0
		if n == 1 {
			if s.ex[q.posEx[0]] == g {
				covered = 1
			}
		} else {
			for i := 0; i < n; i++ {
				if i > 0 && s.exBi[q.posExBi[i-1]] == g || i+1 < n && s.exBi[q.posExBi[i]] == g {
					covered++
				}
			}
		}
		qCover := float64(covered) / float64(n)
		if qCover >= VerbatimCoverage {
			return RelVerbatim, qCover
		}
		// Verbatim fragment: the candidate (a partial quotation) inside
		// the query.
		if m >= fragmentWords && float64(m) >= fragmentShare*float64(n) && m < n {
			content := 0
			for j := 0; j < m; j++ {
				if ct.w[j] == 1 {
					content++
				}
			}
			cCover := float64(cCovered) / float64(m)
			if content >= 2 && cCover >= VerbatimCoverage {
				return RelVerbatim, cCover * (0.5 + 0.5*float64(m)/float64(n))
			}
		}
	}

	// Paraphrase: same language, most of the query's stems and some of
	// its phrasing.
	if n > 0 && m > 0 && sameLang(qq.Lang, c.Lang) {
		found := 0.0
		for k, w := range q.stemW {
			if s.stem[k] == g {
				found += w
			}
		}
		uniCov := found / q.stemTot
		qScore := uniCov
		if len(q.biIdx) > 0 {
			nb := 0
			for k := range s.bi {
				if s.bi[k] == g {
					nb++
				}
			}
			qScore = 0.6*uniCov + 0.4*float64(nb)/float64(len(q.biIdx))
		}
		// A candidate much longer than the query contains more by
		// chance: damp beyond three times the query's length.
		lf := math.Min(1, math.Sqrt(3*float64(n)/float64(m)))
		// A candidate shorter than the query: the harmonic mean with the
		// share of the candidate found in the query.
		cScore := cFound / cw
		h := 0.0
		if qScore+cScore > 0 {
			h = 2 * qScore * cScore / (qScore + cScore)
		}
		sc := math.Max(qScore*lf, h)
		// Names and numbers of the query missing from the candidate (and
		// its speaker) make a sentence of the same template about
		// something else ("rated B-2 by Moody's" vs "rated A-2 by
		// Moody's", "assistance of 104 mln stg" vs "30 mln stg"), not a
		// paraphrase.
		if len(q.numbers) > 0 && sc >= ParaphraseScore {
			miss := mtMissing(q.numbers, NumberTokens(c.Text, c.Lang))
			sc *= 1 - NumberPenalty*float64(miss)/float64(len(q.numbers))
		}
		if len(q.anchors) > 0 && sc >= ParaphraseScore {
			s.sp.reset()
			mtParse(c.Speaker, &s.sp)
			for j := 0; j < s.sp.len(); j++ {
				if k, ok := q.stemIdx[s.sp.stem[j]]; ok {
					s.spk[k] = g
				}
			}
			kept := 0
			for _, k := range q.anchors {
				if s.stem[k] == g || s.spk[k] == g {
					kept++
				}
			}
			sc *= 1 - AnchorPenalty*float64(len(q.anchors)-kept)/float64(len(q.anchors))
		}
		if sc >= ParaphraseScore {
			return RelParaphrase, math.Min(sc, 1)
		}
	}

	// Facts: translation (other language, shared speaker or event) and
	// same_facts.
	if len(q.facts) == 0 || len(c.FactKeys) == 0 {
		return "", 0
	}
	cset, _ := factSet(c.FactKeys)
	shared, strong, event, speaker := 0, false, false, false
	for k, kind := range cset {
		if _, ok := q.facts[k]; !ok {
			continue
		}
		shared++
		strong = strong || q.strong[k]
		event = event || kind == "event"
		speaker = speaker || kind == "speaker"
	}
	if qq.SpeakerID != "" && strings.EqualFold(qq.SpeakerID, c.SpeakerID) {
		speaker = true
	}
	if shared < 2 {
		return "", 0
	}
	share := float64(shared) / float64(len(q.facts))
	dice := 2 * float64(shared) / float64(len(q.facts)+len(cset))
	fs := 0.7*share + 0.3*dice
	if !sameLang(qq.Lang, c.Lang) && share >= FactShare && (event || speaker) {
		return RelTranslation, fs
	}
	if strong && share >= FactShareSame {
		// Shared facts without shared wording are weaker evidence.
		return RelSameFacts, 0.8 * fs
	}
	return "", 0
}

// mtFilterAdd and mtFilterHas keep a 1024-bit one-hash filter.
func mtFilterAdd(f *[16]uint64, h uint64) {
	b := (h ^ h>>32) & 1023
	f[b>>6] |= 1 << (b & 63)
}

func mtFilterHas(f *[16]uint64, h uint64) bool {
	b := (h ^ h>>32) & 1023
	return f[b>>6]&(1<<(b&63)) != 0
}

// mtMissing counts the elements of the sorted multiset q that the sorted
// multiset c lacks.
func mtMissing(q, c []string) int {
	miss, j := 0, 0
	for _, x := range q {
		for j < len(c) && c[j] < x {
			j++
		}
		if j < len(c) && c[j] == x {
			j++
			continue
		}
		miss++
	}
	return miss
}

// sameLang reports whether two language codes name one language; an
// unknown ("") language is taken as the same, so lexical tests still run.
func sameLang(a, b string) bool {
	a, b = langBase(a), langBase(b)
	return a == "" || b == "" || a == b
}

// langBase reduces a language tag to its ISO 639-1 base, with Norwegian
// folded to Bokmål as the language packs do.
func langBase(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	switch s {
	case "no", "nn":
		return "nb"
	}
	return s
}

// relRank orders relations from the most to the least direct evidence.
func relRank(r string) int {
	switch r {
	case RelVerbatim:
		return 0
	case RelParaphrase:
		return 1
	case RelTranslation:
		return 2
	}
	return 3
}

// MatchStatements scores candidates against the query and returns those
// that match, best first: by score, then relation (verbatim, paraphrase,
// translation, same_facts), then earlier publication, then Ref, so equal
// inputs always give equal output.
//
// Relations, tried in this order:
//   - verbatim: at least VerbatimCoverage (0.9) of the query's words lie in
//     two-word runs found word for word in the candidate (any language;
//     case and punctuation ignored). Score: that share. Also a candidate of
//     at least three words (two content words) covering at least a fifth of
//     the query and itself found word for word in it (a partial quotation,
//     "mutually beneficial projects"); score: its coverage scaled by its
//     share of the query, from 0.5 up.
//   - paraphrase: same language, score ≥ ParaphraseScore (0.5). The score
//     is the larger of (a) 0.6 × the weighted share of the query's word
//     stems found in the candidate + 0.4 × the share of its stem bigrams,
//     damped by √(3·query words / candidate words) when the candidate is
//     more than three times longer, and (b) the harmonic mean of (a)
//     undamped and the share of the candidate's own words found in the
//     query (for a candidate shorter than the query). The score then loses
//     up to NumberPenalty (0.5) in proportion to the query's numbers and
//     date words missing from the candidate (NumberTokens: "two" = "2")
//     and up to AnchorPenalty (0.4) for its names missing from the
//     candidate and its speaker: the same sentence template about other
//     figures or other people is not a paraphrase.
//   - translation: other language, at least two fact keys shared, at least
//     FactShare (0.6) of the query's keys, and a shared event key or the
//     same speaker (by SpeakerID or a shared speaker key). Numbers, dates
//     and places survive translation, the words do not; the event or the
//     speaker keeps two statements of the same dates about different
//     things apart.
//   - same_facts: at least two shared keys, one of them a date, number or
//     place, and FactShareSame (0.5) of the query's keys.
//
// Fact scores are 0.7 × share of the query's keys + 0.3 × Dice of the key
// sets (times 0.8 for same_facts).
func MatchStatements(q Query, cands []Candidate) []Match {
	mq := newMtQuery(q)
	var s mtScratch
	s.size(mq)
	var out []Match
	for i := range cands {
		rel, sc := mq.score(&q, &cands[i], &s)
		if rel == "" {
			continue
		}
		out = append(out, Match{Candidate: cands[i], Relation: rel, Score: sc})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if ra, rb := relRank(a.Relation), relRank(b.Relation); ra != rb {
			return ra < rb
		}
		if c := compareDates(a.Published, b.Published); c != 0 {
			return c < 0
		}
		return a.Ref < b.Ref
	})
	return out
}

// compareDates orders publication dates for sorting: known before unknown,
// then by the last day the date may stand for, then by the first (so a
// day sorts before the month holding it), equal otherwise.
func compareDates(a, b sources.Date) int {
	af, al, aok := a.Interval()
	bf, bl, bok := b.Interval()
	switch {
	case aok && !bok:
		return -1
	case !aok && bok:
		return 1
	case !aok && !bok:
		return 0
	}
	if c := al.Compare(bl); c != 0 {
		return c
	}
	return af.Compare(bf)
}

// Earliest picks the match published first, comparing dates by their
// precision honestly. Each date stands for the interval of days it may
// mean (a day, a month, a year); one match is certainly earlier than
// another only when its interval ends before the other's begins. The
// winner is the match whose interval ends first (the one that was surely
// out soonest: a day inside a month beats the month, 2025-05-31 beats
// 2025-06), ties going to the earlier start, then the lower Ref. Unknown
// dates never win over known ones.
//
// orderUncertain is true when the dates cannot decide: another match from
// a different article has a date whose interval overlaps the winner's
// (2025-06 vs 2025-06-10; the same day, as dates carry no time), or no
// match has a known date and there are at least two articles. best is -1
// when ms is empty.
func Earliest(ms []Match) (best int, orderUncertain bool) {
	best = -1
	for i := range ms {
		if best < 0 {
			best = i
			continue
		}
		c := compareDates(ms[i].Published, ms[best].Published)
		if c < 0 || c == 0 && ms[i].Ref < ms[best].Ref {
			best = i
		}
	}
	if best < 0 {
		return -1, false
	}
	bf, bl, bok := ms[best].Published.Interval()
	for i := range ms {
		if i == best || sameArticle(&ms[i].Candidate, &ms[best].Candidate) {
			continue
		}
		if !bok {
			return best, true
		}
		f, _, ok := ms[i].Published.Interval()
		if !ok {
			continue // a known date stays ahead of an unknown one
		}
		if !f.After(bl) && !bf.After(lastOf(&ms[i])) {
			return best, true
		}
	}
	return best, false
}

// lastOf returns the last day a match's date may stand for.
func lastOf(m *Match) time.Time {
	_, l, _ := m.Published.Interval()
	return l
}

// sameArticle reports whether two candidates come from one article (an
// Article of 0 is unknown and never the same as another).
func sameArticle(a, b *Candidate) bool {
	return a.Article != 0 && a.Article == b.Article
}

// FactKeys turns extracted facts into the keys that Query and Candidate
// compare: "attribute=value" for each fact stated (not negated, not merely
// implied by another), with a count keyed by its event
// ("count:talks=2"), plus "event=<concept>" and "place=<place>" for the
// event and place each fact is about. Keys are lower-case, sorted and
// unique; the same facts in two languages give the same keys, because the
// facts stage normalises dates, numbers, places and event concepts.
func FactKeys(facts []Fact) []string {
	seen := map[string]bool{}
	add := func(attr, val string) {
		val = strings.ToLower(strings.TrimSpace(val))
		if attr == "" || val == "" {
			return
		}
		seen[strings.ToLower(attr)+"="+val] = true
	}
	for i := range facts {
		f := &facts[i]
		if f.Negated || f.Derived {
			continue
		}
		attr := f.Attribute
		if attr == "count" && f.Event != "" {
			attr = "count:" + f.Event
		}
		add(attr, f.Value)
		add("event", f.Event)
		add("place", f.Place)
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
