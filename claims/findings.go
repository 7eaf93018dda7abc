package claims

import (
	"encoding/json"
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// Claim is a fact with its article context, as the store returns it.
type Claim struct {
	Article        int64
	Source         string
	Outlet         string
	Lang           string
	Published      sources.Date
	Speaker        string
	StatementText  string
	StatementStart int
	StatementEnd   int
	Fact           Fact
}

// Finding is an agreement, a conflict or an update between claims of
// different articles about the same attribute of the same event (SPEC.md
// "Findings").
type Finding struct {
	Kind        string         `json:"kind"` // agreement, conflict, update
	Attribute   string         `json:"attribute"`
	Subject     string         `json:"subject"`
	Severity    string         `json:"severity"` // high, medium, low
	Explanation string         `json:"explanation"`
	Claims      []FindingClaim `json:"claims"`
}

// Finding kinds.
const (
	KindAgreement = "agreement"
	KindConflict  = "conflict"
	KindUpdate    = "update"
)

// FindingClaim is one claim inside a finding. Text, Start and End are the
// statement that holds the fact (the fact's own words when no statement
// does); FactText/FactStart/FactEnd are the fact's words. Outlet,
// Published and Speaker are null in JSON when unknown.
type FindingClaim struct {
	Article   int64
	Source    string
	Outlet    string
	Lang      string
	Published string
	Speaker   string
	Text      string
	Value     string
	Vague     bool
	Negated   bool
	Start     int
	End       int
	FactText  string
	FactStart int
	FactEnd   int
}

type findingClaimJSON struct {
	Article   int64   `json:"article"`
	Source    string  `json:"source"`
	Outlet    *string `json:"outlet"`
	Lang      string  `json:"lang"`
	Published *string `json:"published"`
	Speaker   *string `json:"speaker"`
	Text      string  `json:"text"`
	Value     string  `json:"value"`
	Vague     bool    `json:"vague,omitempty"`
	Negated   bool    `json:"negated,omitempty"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	FactText  string  `json:"fact_text"`
	FactStart int     `json:"fact_start"`
	FactEnd   int     `json:"fact_end"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func strVal(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// MarshalJSON writes snake_case keys with null for an unknown outlet,
// publication date or speaker.
func (c FindingClaim) MarshalJSON() ([]byte, error) {
	return json.Marshal(findingClaimJSON{Article: c.Article, Source: c.Source, Outlet: strPtr(c.Outlet), Lang: c.Lang,
		Published: strPtr(c.Published), Speaker: strPtr(c.Speaker), Text: c.Text, Value: c.Value, Vague: c.Vague,
		Negated: c.Negated, Start: c.Start, End: c.End, FactText: c.FactText, FactStart: c.FactStart, FactEnd: c.FactEnd})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *FindingClaim) UnmarshalJSON(b []byte) error {
	var j findingClaimJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("finding claim: %w", err)
	}
	*c = FindingClaim{Article: j.Article, Source: j.Source, Outlet: strVal(j.Outlet), Lang: j.Lang,
		Published: strVal(j.Published), Speaker: strVal(j.Speaker), Text: j.Text, Value: j.Value, Vague: j.Vague,
		Negated: j.Negated, Start: j.Start, End: j.End, FactText: j.FactText, FactStart: j.FactStart, FactEnd: j.FactEnd}
	return nil
}

// fxItem is a claim prepared for comparison: its values as intervals.
type fxItem struct {
	c       *Claim
	f       *Fact
	lo, hi  float64 // numbers; dates as day numbers
	kind    byte    // 'n' number, 'd' date, 'p' place
	pubLo   int     // publication as day numbers
	pubHi   int
	pubOK   bool
	whenLo  int
	whenHi  int
	whenOK  bool
	ordLo   int
	ordHi   int
	country string
	exact   bool // a single number or day, not derived, not vague
	unsure  bool // its article gives another, incompatible value for the same: no contradiction is told from it
	group   bool // a total over several events ("killed 150 in bombing raids"): it only agrees, with the same figure
}

// fxMarkUnsure marks the claims of an article that contradict another
// claim of the same article about the same attribute of the same event
// (the article says two things, or extraction could not tell two events
// apart): they may still agree with other articles, but are no ground for
// a conflict.
func fxMarkUnsure(items []fxItem) {
	type key struct {
		a          int64
		attr, subj string
	}
	byKey := map[key][]int{}
	for i := range items {
		it := &items[i]
		k := key{it.c.Article, it.f.Attribute, it.f.Subject}
		byKey[k] = append(byKey[k], i)
	}
	for _, g := range byKey {
		for x := 0; x < len(g); x++ {
			for y := x + 1; y < len(g); y++ {
				a, b := &items[g[x]], &items[g[y]]
				if a.f.Vague || b.f.Vague || a.f.Derived || b.f.Derived || a.f.YearGuessed || b.f.YearGuessed || a.group || b.group {
					continue // they make no conflicts either
				}
				if a.f.Negated == b.f.Negated && !fxCompatible(a, b) && fxIdentity(a, b) == fxIDStrong {
					a.unsure, b.unsure = true, true
				}
			}
		}
	}
}

func fxDayNum(t time.Time) int { return int(t.Unix() / 86400) }

func fxDayTime(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// fxPrepare turns a claim into an item; ok is false for what cannot be
// compared (no event, no value, a group figure).
func fxPrepare(c *Claim) (fxItem, bool) {
	f := &c.Fact
	if f.Event == "" || f.Value == "" || f.Group && !fxGrowing(f.Attribute) {
		return fxItem{}, false
	}
	it := fxItem{c: c, f: f, ordLo: f.Ordinal, ordHi: f.OrdinalTo, group: f.Group}
	if it.ordHi < it.ordLo {
		it.ordHi = it.ordLo
	}
	switch f.Attribute {
	case "date":
		lo, hi, ok := fxDateInterval(f.Value)
		if !ok {
			return fxItem{}, false
		}
		it.kind, it.lo, it.hi = 'd', float64(fxDayNum(lo)), float64(fxDayNum(hi))
		it.exact = lo.Equal(hi) && !f.Vague
	case "place":
		it.kind = 'p'
		it.exact = true
	default:
		lo, hi, ok := fxNumInterval(f.Value)
		if !ok {
			return fxItem{}, false
		}
		it.kind, it.lo, it.hi = 'n', lo, hi
		it.exact = lo == hi && !f.Derived
	}
	if lo, hi, ok := c.Published.Interval(); ok {
		it.pubLo, it.pubHi, it.pubOK = fxDayNum(lo), fxDayNum(hi), true
	}
	it.country = f.Country
	if it.country == "" && f.Place != "" {
		it.country = fxGetGazetteer().countryOf(f.Place)
	}
	if f.When != "" {
		if lo, hi, ok := fxDateInterval(f.When); ok {
			it.whenLo, it.whenHi, it.whenOK = fxDayNum(lo), fxDayNum(hi), true
			if f.WhenImplied && !f.WhenLoose && f.Place != "" && fxGetGazetteer().kindOf(f.Place) != "country" {
				// a report naming a town but no day may come days after the
				// event; one naming only a country is taken as news of the day
				it.whenLo -= 9
			}
		}
	}
	return it, true
}

// fxBucket is the key under which claims are compared: the same concept
// and attribute, and for events told by participants the same
// participants; for events told by place, the same country ("" when none
// is known: such claims meet only each other). Compare orders a bucket in
// time and compares claims whose times can overlap.
func fxBucket(it *fxItem) string {
	f := it.f
	c := fxConcepts()[f.Event]
	if c != nil && c.byPlace {
		return f.Event + "|" + f.Attribute + "|" + it.country
	}
	return f.Event + "|" + f.Attribute + "|" + strings.Join(f.Participants, "+")
}

// identity strengths of a pair of claims.
const (
	fxIDNone = iota
	fxIDWeak // may be the same event: only an agreement can be told
	fxIDStrong
	fxIDPart // the same event, one figure counting a part of the other's group
)

// fxSameUnit is a copy of f counting unit u.
func fxSameUnit(f *Fact, u string) *Fact {
	g := *f
	g.Unit = u
	return &g
}

// fxIdentity decides whether two claims are about the same event.
//
// Talks and other events told by participants (same participants, by
// bucket): counts of instances held are always comparable; a date or place
// of an instance is the same event when their instance numbers overlap
// ("round 1" and "rounds 1–2"), or both speak of "the next round" within
// 30 days of each other; otherwise they can only agree (the same day in
// the same place is the same meeting), never contradict.
//
// Events told by place (earthquakes, attacks): the places must be
// compatible (Riyadh lies in Saudi Arabia) and the times overlap (the date
// stated, or the publication day and the day before when none is); the
// counted groups must match (soldiers are not rebels). Only the same place
// at the same level with overlapping times is strong enough to contradict.
func fxIdentity(a, b *fxItem) int {
	fa, fb := a.f, b.f
	c := fxConcepts()[fa.Event]
	if c == nil {
		return fxIDNone
	}
	if !c.byPlace {
		// who talks is what tells talks apart: with fewer than two
		// participants known, only the same place may join them, weakly
		strong := fxIDStrong
		if len(fa.Participants) < 2 || len(fb.Participants) < 2 {
			if fa.Place == "" || fa.Place != fb.Place {
				return fxIDNone
			}
			strong = fxIDWeak
		}
		if fa.Attribute == "count" {
			if fa.Tense == fxTenseFuture || fb.Tense == fxTenseFuture {
				return fxIDNone
			}
			return strong
		}
		placesOK := true
		if fa.Place != "" && fb.Place != "" {
			placesOK, _ = fxPlacesCompatible(fa.Place, fa.Country, fb.Place, fb.Country)
		}
		switch {
		case a.ordLo > 0 && b.ordLo > 0:
			if a.ordLo <= b.ordHi && b.ordLo <= a.ordHi {
				return strong
			}
			return fxIDNone
		case fa.Next && fb.Next:
			// "the next round" said twice within two weeks, in one place
			if placesOK && a.pubOK && b.pubOK && fxAbs(a.pubLo-b.pubLo) <= 14 {
				return strong
			}
		}
		if !placesOK {
			return fxIDNone
		}
		return fxIDWeak
	}
	ok, strict := fxPlacesCompatible(fa.Place, fa.Country, fb.Place, fb.Country)
	if !ok {
		return fxIDNone
	}
	if fa.Unit != fb.Unit { // "soldiers" are not "rebels", nor a part of all the dead
		if fa.Unit == "" || fb.Unit == "" {
			// "killed four" and "killed four girls": the group one names
			// may be the other's; the same figure agrees, no more
			same := *a
			same.f = fxSameUnit(fa, fb.Unit)
			if fxIdentity(&same, b) == fxIDNone {
				return fxIDNone
			}
			return fxIDWeak
		}
		if fxUnitPart(fa.Unit, fb.Unit) || fxUnitPart(fb.Unit, fa.Unit) {
			// "30 miners", then "34 workers": a part and its whole may
			// agree or be revised upwards, never contradict
			whole := *a
			whole.f = fxSameUnit(fa, fb.Unit)
			if id := fxIdentity(&whole, b); id == fxIDStrong {
				return fxIDPart
			} else if id != fxIDNone {
				return id
			}
		}
		return fxIDNone
	}
	if !a.whenOK || !b.whenOK {
		return fxIDNone
	}
	if a.whenHi < b.whenLo || b.whenHi < a.whenLo {
		return fxIDNone
	}
	// a season, a year or "recently" places an event too loosely to tell
	// two events apart: such claims may agree, not contradict; a whole
	// country needs the day (two quakes in Japan a week apart), a town or
	// region the month
	width := 31
	g := fxGetGazetteer()
	if g.kindOf(fa.Place) == "country" || g.kindOf(fb.Place) == "country" || fa.Place == "" || fb.Place == "" {
		width = 2
	}
	if strict && a.whenHi-a.whenLo < width && b.whenHi-b.whenLo < width && !fa.WhenLoose && !fb.WhenLoose {
		return fxIDStrong
	}
	return fxIDWeak
}

func fxAbs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// fxCompatible reports whether two values can both be true.
func fxCompatible(a, b *fxItem) bool {
	if a.kind == 'p' {
		// as values, places must be the same or lie one in the other as the
		// gazetteer knows it: a name it lacks matches only itself
		if a.f.Value == b.f.Value {
			return true
		}
		g := fxGetGazetteer()
		if g.kindOf(a.f.Value) == "" || g.kindOf(b.f.Value) == "" {
			return false
		}
		ok, _ := fxPlacesCompatible(a.f.Value, a.country, b.f.Value, b.country)
		return ok
	}
	return a.lo <= b.hi && b.lo <= a.hi
}

// fxRelation is what a pair of claims amounts to.
type fxRelation struct {
	kind     string
	severity int // 0 low, 1 medium, 2 high
}

// fxRelate compares two claims of different articles.
func fxRelate(a, b *fxItem) (fxRelation, bool) {
	id := fxIdentity(a, b)
	if id == fxIDNone {
		return fxRelation{}, false
	}
	if a.f.Negated && b.f.Negated {
		return fxRelation{}, false
	}
	comp := fxCompatible(a, b)
	if a.group || b.group {
		// a total over several events and another figure of the same
		// place and time: the same figure agrees, nothing else is told
		if a.f.Negated == b.f.Negated && a.f.Value == b.f.Value && !a.f.Vague && !b.f.Vague {
			return fxRelation{KindAgreement, 0}, true
		}
		return fxRelation{}, false
	}
	if a.f.Negated != b.f.Negated {
		// a denial is never an agreement with what it denies; nor is a
		// negation near a figure sure enough to call it a contradiction
		return fxRelation{}, false
	}
	if comp {
		// when only perhaps the same event, the agreement must be one of
		// precise values (the same day, the same figure or bound, "about
		// 40" and "40", "at least one" and "one"): two vague or broad
		// values about perhaps different events tell nothing
		if id == fxIDWeak && !(a.exact && b.exact) && !(fxBaseFigure(a.f.Value) == fxBaseFigure(b.f.Value) && !a.f.Vague && !b.f.Vague && a.kind == 'n') {
			return fxRelation{}, false
		}
		return fxRelation{KindAgreement, 0}, true
	}
	if id == fxIDWeak || id == fxIDNone || (a.kind == 'n' && (a.f.Vague || b.f.Vague)) || fxLoose(a.f.Attribute) ||
		a.f.YearGuessed || b.f.YearGuessed || a.unsure || b.unsure {
		// "thousands have died" states no count to contradict
		return fxRelation{}, false
	}
	// order by publication: x earlier, y later
	x, y := a, b
	if b.pubOK && (!a.pubOK || b.pubHi < a.pubLo) {
		x, y = b, a
	}
	later := x.pubOK && y.pubOK && y.pubLo > x.pubHi
	kind := KindConflict
	if later {
		switch x.kind {
		case 'n':
			if fxGrowing(x.f.Attribute) && y.lo > x.hi {
				kind = KindUpdate // a toll that rose
			}
		case 'd', 'p':
			// the earlier claim spoke of what was still to come, and by the
			// later article that time had passed or the plan had changed
			if x.f.Tense == fxTenseFuture && (x.kind == 'p' || float64(y.pubLo) > x.hi || y.f.Tense == fxTenseFuture || y.lo > x.hi) {
				kind = KindUpdate
			}
		}
	}
	if id == fxIDPart && (kind != KindUpdate || !fxUnitPart(x.f.Unit, y.f.Unit)) {
		// a part and its whole: only the whole counted later and higher
		// revises the part ("30 miners", then "34 workers")
		return fxRelation{}, false
	}
	return fxRelation{kind, fxSeverity(kind, x, y)}, true
}

// fxBaseFigure is a figure without an estimate or lower-bound mark ("~40",
// ">=40" → "40"); an upper bound ("up to 40") keeps its mark.
func fxBaseFigure(v string) string {
	return strings.TrimPrefix(strings.TrimPrefix(v, "~"), ">=")
}

// fxLoose reports whether figures of the attribute count too many
// different things to contradict each other (votes).
func fxLoose(attr string) bool {
	fxConcepts()
	return fxLooseAttrs[attr]
}

// fxGrowing reports whether figures of the attribute only rise with time.
func fxGrowing(attr string) bool {
	fxConcepts()
	return fxGrowingAttrs[attr]
}

// fxSeverity grades a conflict or update by how far apart the values are
// and how precise they are: vague or approximate claims lower it.
func fxSeverity(kind string, x, y *fxItem) int {
	precise := x.exact && y.exact
	vague := x.f.Vague || y.f.Vague
	var sev int
	switch x.kind {
	case 'p':
		sev = 2
		if !precise {
			sev = 1
		}
	case 'd':
		gap := math.Max(x.lo-y.hi, y.lo-x.hi) // days between the intervals
		switch {
		case vague:
			sev = 0
			if gap > 90 {
				sev = 1
			}
		case precise:
			sev = 1
			if gap > 7 {
				sev = 2
			}
			if gap <= 1 {
				sev = 0 // a day apart: an event over two days, or a time zone
			}
		default:
			sev = 0
			if gap > 31 {
				sev = 1
			}
		}
	default:
		gap := math.Max(x.lo-y.hi, y.lo-x.hi)
		base := math.Max(math.Abs(x.lo), math.Abs(y.lo))
		if base == 0 {
			base = 1
		}
		rel := gap / base
		switch {
		case rel >= 0.5:
			sev = 2
		case rel >= 0.1:
			sev = 1
		}
		if !precise && sev > 0 {
			sev--
		}
		if x.f.Attribute == "magnitude" && gap >= 0.5 {
			sev = 2
		}
	}
	if kind == KindUpdate && sev > 1 {
		sev = 1
	}
	return sev
}

var fxSeverityNames = [...]string{"low", "medium", "high"}

// fxMaxPairsPerValues bounds the conflict or update findings told for the
// same two values of one event (a story told by many articles).
const fxMaxPairsPerValues = 12

// Compare finds agreements, conflicts and updates among claims: claims are
// bucketed by concept, attribute and participants (or country), and only
// compared within a bucket, so the work grows with the size of the largest
// story, not with the square of the corpus. Agreements group every claim
// that agrees with another (one claim per article; two articles at least);
// conflicts and updates are reported per pair of articles and event.
// Claims of the same article are never compared with each other. The
// order is deterministic: kind (conflict, update, agreement), severity,
// subject, then the first claim's article and offset.
func Compare(claims []Claim) []Finding {
	items := make([]fxItem, 0, len(claims))
	for i := range claims {
		if it, ok := fxPrepare(&claims[i]); ok {
			items = append(items, it)
		}
	}
	fxMarkUnsure(items)
	buckets := map[string][]int{}
	var keys []string
	for i := range items {
		k := fxBucket(&items[i])
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	sort.Strings(keys)
	// conflicts and updates are told per pair of articles and event; a
	// story told by many articles on two sides yields at most
	// fxMaxPairsPerValues pairs for each two values in contention
	type pairKey struct {
		a, b    int64
		attr    string
		subject string
		kind    string
	}
	type valuesKey struct{ attr, subject, kind, va, vb string }
	perValues := map[valuesKey]int{}
	type pairFinding struct {
		x, y *fxItem // the pair that explains the finding
		rel  fxRelation
		more []*fxItem // every claim of either article in such a pair
	}
	pairs := map[pairKey]pairFinding{}
	var pairOrder []pairKey
	var groups [][]int // agreement groups: every two members agree
	for _, k := range keys {
		n := len(buckets[k])
		agree := fxNewPairSet(n)
		adj := make([][]int32, n)
		var agreeing []int // local indices, in first-seen order
		seen := make([]bool, n)
		idx := buckets[k]
		byPlace := false
		if c := fxConcepts()[items[idx[0]].f.Event]; c != nil && c.byPlace {
			byPlace = true
		}
		// time-ordered: events told by place meet only when their times
		// overlap, so the scan of a claim stops at the first claim that
		// starts after it ends; other buckets compare up to 400 neighbours
		sort.SliceStable(idx, func(p, q int) bool { return fxAnchor(&items[idx[p]], byPlace) < fxAnchor(&items[idx[q]], byPlace) })
		for p := 0; p < len(idx); p++ {
			a := &items[idx[p]]
			for q := p + 1; q < len(idx); q++ {
				b := &items[idx[q]]
				if byPlace {
					if !a.whenOK || !b.whenOK || b.whenLo > a.whenHi {
						break
					}
				} else if q > p+400 || a.pubOK && b.pubOK && b.pubLo-a.pubHi > 730 {
					break // talks two years apart are told apart by their rounds
				}
				if a.c.Article == b.c.Article {
					continue
				}
				rel, ok := fxRelate(a, b)
				if !ok {
					continue
				}
				if rel.kind == KindAgreement {
					agree.add(p, q)
					adj[p] = append(adj[p], int32(q))
					adj[q] = append(adj[q], int32(p))
					for _, i := range [2]int{p, q} {
						if !seen[i] {
							seen[i] = true
							agreeing = append(agreeing, i)
						}
					}
					continue
				}
				x, y := a, b
				if y.c.Article < x.c.Article {
					x, y = y, x
				}
				subj := fxPairSubject(x, y)
				pk := pairKey{x.c.Article, y.c.Article, x.f.Attribute, subj, rel.kind}
				old, had := pairs[pk]
				if !had {
					va, vb := x.f.Value, y.f.Value
					if vb < va {
						va, vb = vb, va
					}
					vk := valuesKey{x.f.Attribute, subj, rel.kind, va, vb}
					if perValues[vk] >= fxMaxPairsPerValues {
						continue
					}
					perValues[vk]++
					pairOrder = append(pairOrder, pk)
				}
				more := append(old.more, x, y)
				if !had || rel.severity > old.rel.severity ||
					rel.severity == old.rel.severity && fxNoWorse(x, old.x) && fxNoWorse(y, old.y) && (x != old.x || y != old.y) {
					old = pairFinding{x: x, y: y, rel: rel}
				}
				old.more = more
				pairs[pk] = old
			}
		}
		for _, g := range fxCliques(items, idx, agreeing, agree, adj) {
			for x := range g {
				g[x] = idx[g[x]] // back to item indices
			}
			groups = append(groups, g)
		}
	}
	var out []Finding
	// agreements: one per group of claims that all agree with each other.
	// Two groups that differ only in which statement of the same articles
	// they cite (two sentences of one article naming the same place) are
	// one agreement: merged on attribute, subject and the set of articles.
	type agreeGroup struct {
		best map[int64]*fxItem
		all  []*fxItem
	}
	var agreeGroups []*agreeGroup
	byArticles := map[string]*agreeGroup{}
	for _, g := range groups {
		best := map[int64]*fxItem{}
		var all []*fxItem
		for _, i := range g {
			it := &items[i]
			all = append(all, it)
			if cur, ok := best[it.c.Article]; !ok || fxBetter(it, cur) {
				best[it.c.Article] = it
			}
		}
		if len(best) < 2 {
			continue
		}
		arts := make([]int64, 0, len(best))
		for a := range best {
			arts = append(arts, a)
		}
		sort.Slice(arts, func(i, j int) bool { return arts[i] < arts[j] })
		lead := best[arts[0]]
		k := fmt.Sprint(lead.f.Attribute, "\x00", lead.f.Subject, "\x00", arts)
		if prev, ok := byArticles[k]; ok {
			for a, it := range best {
				if fxBetter(it, prev.best[a]) {
					prev.best[a] = it
				}
			}
			prev.all = append(prev.all, all...)
			continue
		}
		ag := &agreeGroup{best: best, all: all}
		byArticles[k] = ag
		agreeGroups = append(agreeGroups, ag)
	}
	for _, ag := range agreeGroups {
		members := make([]*fxItem, 0, len(ag.best))
		for _, it := range ag.best {
			members = append(members, it)
		}
		fxSortByPublication(members)
		f := fxAgreement(members)
		f.Claims = fxAllClaims(members, ag.all)
		out = append(out, f)
	}
	for _, pk := range pairOrder {
		pf := pairs[pk]
		members := []*fxItem{pf.x, pf.y}
		fxSortByPublication(members)
		f := fxDisagreement(pf.rel, members[0], members[1])
		f.Claims = fxAllClaims(members, pf.more)
		out = append(out, f)
	}
	kindRank := map[string]int{KindConflict: 0, KindUpdate: 1, KindAgreement: 2}
	sevRank := map[string]int{"high": 0, "medium": 1, "low": 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		if sevRank[a.Severity] != sevRank[b.Severity] {
			return sevRank[a.Severity] < sevRank[b.Severity]
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Attribute != b.Attribute {
			return a.Attribute < b.Attribute
		}
		ca, cb := a.Claims[0], b.Claims[0]
		if ca.Article != cb.Article {
			return ca.Article < cb.Article
		}
		if ca.Start != cb.Start {
			return ca.Start < cb.Start
		}
		return fxClaimsKey(a) < fxClaimsKey(b)
	})
	return out
}

// fxCliques groups agreeing claims so that every two members of a group
// from different articles agree: claims are taken most precise first and
// join every group they agree with entirely (a claim of an article
// already in the group only has to be compatible with its sibling), else
// open a new one. A
// vague claim that agrees with two precise ones that contradict each other
// therefore cannot join them into one agreement.
func fxCliques(items []fxItem, idx []int, agreeing []int, agree *fxPairSet, adj [][]int32) [][]int {
	sort.SliceStable(agreeing, func(p, q int) bool {
		a, b := &items[idx[agreeing[p]]], &items[idx[agreeing[q]]]
		if fxBetter(a, b) != fxBetter(b, a) {
			return fxBetter(a, b)
		}
		return idx[agreeing[p]] < idx[agreeing[q]]
	})
	var groups [][]int
	memberOf := make([][]int32, len(idx)) // local index → groups it is in
	mark := map[int32]bool{}
	for _, i := range agreeing {
		// candidate groups: those of the claims it agrees with
		clear(mark)
		var order []int
		for _, n := range adj[i] {
			for _, g := range memberOf[n] {
				if !mark[g] {
					mark[g] = true
					order = append(order, int(g))
				}
			}
		}
		sort.Ints(order)
		placed := false
		it := &items[idx[i]]
		for _, g := range order {
			ok := true
			for _, m := range groups[g] {
				other := &items[idx[m]]
				if other.c.Article == it.c.Article {
					// another mention in the same article: it must say the same
					if !fxCompatible(other, it) || other.f.Negated != it.f.Negated {
						ok = false
						break
					}
					continue
				}
				if !agree.has(i, m) {
					ok = false
					break
				}
			}
			if ok {
				groups[g] = append(groups[g], i)
				memberOf[i] = append(memberOf[i], int32(g))
				placed = true
			}
		}
		if !placed {
			groups = append(groups, []int{i})
			memberOf[i] = append(memberOf[i], int32(len(groups)-1))
		}
	}
	return groups
}

// fxPairSet is a symmetric set of pairs of a bucket's local indices: a
// bit matrix for buckets of up to 4,096 claims, a map above.
type fxPairSet struct {
	n    int
	bits []uint64
	m    map[uint64]struct{}
}

func fxNewPairSet(n int) *fxPairSet {
	if n <= 4096 {
		return &fxPairSet{n: n}
	}
	return &fxPairSet{n: n, m: map[uint64]struct{}{}}
}

func (s *fxPairSet) add(p, q int) {
	if s.m != nil {
		s.m[uint64(p)<<32|uint64(q)] = struct{}{}
		s.m[uint64(q)<<32|uint64(p)] = struct{}{}
		return
	}
	if s.bits == nil {
		s.bits = make([]uint64, (s.n*s.n+63)/64)
	}
	for _, k := range [2]int{p*s.n + q, q*s.n + p} {
		s.bits[k/64] |= 1 << uint(k%64)
	}
}

func (s *fxPairSet) has(p, q int) bool {
	if s.m != nil {
		_, ok := s.m[uint64(p)<<32|uint64(q)]
		return ok
	}
	if s.bits == nil {
		return false
	}
	k := p*s.n + q
	return s.bits[k/64]&(1<<uint(k%64)) != 0
}

func fxClaimsKey(f Finding) string {
	var b strings.Builder
	for _, c := range f.Claims {
		fmt.Fprintf(&b, "%d:%d:%d;", c.Article, c.FactStart, c.FactEnd)
	}
	return b.String()
}

// fxAnchor orders a bucket in time: by the event's time for events told by
// place, by publication for the others.
func fxAnchor(it *fxItem, byPlace bool) int {
	if byPlace {
		if it.whenOK {
			return it.whenLo
		}
		return math.MinInt32 // no time: meets nothing, sorted first
	}
	if it.pubOK {
		return it.pubLo
	}
	return math.MinInt32
}

// fxPairSubject names the event of a pair for grouping: the subject of the
// more specific claim.
func fxPairSubject(x, y *fxItem) string {
	if y.ordLo > 0 && (x.ordLo == 0 || y.ordHi-y.ordLo < x.ordHi-x.ordLo) {
		return y.f.Subject
	}
	return x.f.Subject
}

// fxBetter reports whether claim a states the fact better than b: stated
// rather than derived, exact rather than bounded, precise rather than
// vague, then earlier in the text.
func fxBetter(a, b *fxItem) bool {
	if a.f.Derived != b.f.Derived {
		return !a.f.Derived
	}
	if a.exact != b.exact {
		return a.exact
	}
	if a.f.Vague != b.f.Vague {
		return !a.f.Vague
	}
	wa, wb := a.hi-a.lo, b.hi-b.lo
	if wa != wb && a.kind != 'p' {
		return wa < wb
	}
	if a.ordLo > 0 && b.ordLo > 0 && (a.ordHi-a.ordLo) != (b.ordHi-b.ordLo) {
		return a.ordHi-a.ordLo < b.ordHi-b.ordLo
	}
	return a.f.Start < b.f.Start
}

// fxNoWorse reports whether a is the same claim as b or a better one.
func fxNoWorse(a, b *fxItem) bool { return a == b || fxBetter(a, b) }

func fxSortByPublication(m []*fxItem) {
	sort.SliceStable(m, func(i, j int) bool {
		a, b := m[i], m[j]
		if a.pubOK != b.pubOK {
			return a.pubOK
		}
		if a.pubLo != b.pubLo {
			return a.pubLo < b.pubLo
		}
		if a.c.Article != b.c.Article {
			return a.c.Article < b.c.Article
		}
		return a.f.Start < b.f.Start
	})
}

// fxFindingClaim renders one claim of a finding.
func fxFindingClaim(it *fxItem) FindingClaim {
	c, f := it.c, it.f
	fc := FindingClaim{Article: c.Article, Source: c.Source, Outlet: c.Outlet, Lang: c.Lang,
		Published: c.Published.String(), Speaker: c.Speaker, Value: f.Value, Vague: f.Vague, Negated: f.Negated,
		FactText: f.Text, FactStart: f.Start, FactEnd: f.End}
	if c.StatementText != "" && c.StatementEnd > c.StatementStart && c.StatementStart <= f.Start && f.End <= c.StatementEnd {
		fc.Text, fc.Start, fc.End = c.StatementText, c.StatementStart, c.StatementEnd
	} else if f.Context != "" && f.ContextStart <= f.Start && f.End <= f.ContextEnd {
		fc.Text, fc.Start, fc.End = f.Context, f.ContextStart, f.ContextEnd
	} else {
		fc.Text, fc.Start, fc.End = f.Text, f.Start, f.End
	}
	return fc
}

// fxAllClaims lists the claims of a finding: the explaining ones first (in
// publication order), then every other claim of the same articles that
// takes part, by article and offset; a statement is listed once.
func fxAllClaims(lead []*fxItem, all []*fxItem) []FindingClaim {
	type key struct {
		a    int64
		s, e int
	}
	seen := map[key]bool{}
	var out []FindingClaim
	add := func(it *fxItem) {
		k := key{it.c.Article, it.f.Start, it.f.End}
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, fxFindingClaim(it))
	}
	for _, it := range lead {
		add(it)
	}
	rest := append([]*fxItem(nil), all...)
	sort.SliceStable(rest, func(i, j int) bool {
		if rest[i].c.Article != rest[j].c.Article {
			return rest[i].c.Article < rest[j].c.Article
		}
		return rest[i].f.Start < rest[j].f.Start
	})
	for _, it := range rest {
		add(it)
	}
	return out
}

func fxAgreement(m []*fxItem) Finding {
	subject := m[0].f.Subject
	for _, it := range m {
		if it.ordLo > 0 && it.ordLo == it.ordHi {
			subject = it.f.Subject
			break
		}
	}
	precise, outlets := 0, map[string]bool{}
	for _, it := range m {
		if it.exact {
			precise++
		}
		outlets[fxWhoKey(it.c)] = true
	}
	sev := 1
	switch {
	case precise == 0:
		sev = 0
	case len(outlets) >= 2 && precise >= 1:
		sev = 2
	}
	f := Finding{Kind: KindAgreement, Attribute: m[0].f.Attribute, Subject: subject, Severity: fxSeverityNames[sev]}
	var who []string
	for _, it := range m {
		f.Claims = append(f.Claims, fxFindingClaim(it))
		who = append(who, fxWho(it.c)+" "+fxSays(it, false))
	}
	f.Explanation = fmt.Sprintf("%s agree on %s: %s.", fxCount(len(m)), subject, fxJoin(who))
	return f
}

func fxDisagreement(rel fxRelation, x, y *fxItem) Finding {
	subject := fxPairSubject(x, y)
	f := Finding{Kind: rel.kind, Attribute: x.f.Attribute, Subject: subject, Severity: fxSeverityNames[rel.severity],
		Claims: []FindingClaim{fxFindingClaim(x), fxFindingClaim(y)}}
	switch {
	case rel.kind == KindUpdate:
		f.Explanation = fmt.Sprintf("%s %s; later, %s %s.", fxWho(x.c), fxSays(x, true), fxWho(y.c), fxSays(y, true))
	case x.f.Negated != y.f.Negated:
		f.Explanation = fmt.Sprintf("%s %s; %s denies it.", fxWho(fxPickPos(x, y).c), fxSays(fxPickPos(x, y), true), fxWho(fxPickNeg(x, y).c))
	default:
		f.Explanation = fmt.Sprintf("%s %s; %s %s.", fxWho(x.c), fxSays(x, true), fxWho(y.c), fxSays(y, true))
	}
	return f
}

func fxPickPos(x, y *fxItem) *fxItem {
	if x.f.Negated {
		return y
	}
	return x
}

func fxPickNeg(x, y *fxItem) *fxItem {
	if x.f.Negated {
		return x
	}
	return y
}

func fxCount(n int) string {
	words := []string{"", "One source", "Two sources", "Three sources", "Four sources", "Five sources"}
	if n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n) + " sources"
}

func fxJoin(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " and " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// fxWhoKey identifies the voice of an article: its outlet, else its source.
func fxWhoKey(c *Claim) string {
	if c.Outlet != "" {
		return "o:" + c.Outlet
	}
	return "s:" + c.Source
}

// fxWho names an article for a reader: "RT (2025-02-26)".
func fxWho(c *Claim) string {
	name := c.Outlet
	if name == "" {
		name = strings.TrimSuffix(path.Base(c.Source), path.Ext(c.Source))
		if name == "" || name == "." {
			name = "article " + strconv.FormatInt(c.Article, 10)
		}
	}
	d := c.Published.String()
	if d == "" {
		d = "undated"
	}
	return name + " (" + d + ")"
}

// fxSays puts a claim's value in words: "dates round 1 to 27 Feb 2025",
// "places it in spring 2025", "places it \"soon\" (19 Feb–20 May 2025)",
// "reports at least 26 dead".
func fxSays(it *fxItem, withSubject bool) string {
	f := it.f
	subj := ""
	if withSubject {
		subj = fxShortSubject(f) + " "
	}
	neg := ""
	if f.Negated {
		neg = "not "
	}
	if subj == "" {
		subj = "it "
	}
	switch f.Attribute {
	case "date":
		v := fxDateWords(f.Value)
		if f.Vague {
			return "places " + subj + neg + "\"" + f.Text + "\" (" + v + ")"
		}
		if it.lo == it.hi {
			return "dates " + subj + neg + "to " + v
		}
		return "places " + subj + neg + "in " + v
	case "place":
		return "places " + subj + neg + "in " + f.Value
	}
	switch f.Attribute {
	case "count":
		c := fxConcepts()[f.Event]
		unit := "instances"
		if c != nil && c.unit != "" {
			unit = c.unit + "s"
		}
		return "counts " + neg + fxNumWords(f.Value) + " " + unit + " held"
	case "magnitude":
		return "gives " + neg + "magnitude " + fxNumWords(f.Value)
	case "deaths":
		return "reports " + neg + fxNumWords(f.Value) + " dead"
	case "injuries":
		return "reports " + neg + fxNumWords(f.Value) + " injured"
	}
	return "reports " + neg + fxNumWords(f.Value) + " " + f.Attribute
}

// fxShortSubject is the instance part of a subject ("round 1",
// "rounds 1–2", "the next round") or the subject itself.
func fxShortSubject(f *Fact) string {
	if i := strings.LastIndex(f.Subject, ", "); i >= 0 {
		return f.Subject[i+2:]
	}
	return f.Subject
}

// fxNumWords reads a number value: ">=3" → "at least 3".
func fxNumWords(v string) string {
	switch {
	case strings.HasPrefix(v, ">="):
		return "at least " + v[2:]
	case strings.HasPrefix(v, "<="):
		return "at most " + v[2:]
	case strings.HasPrefix(v, ">"):
		return "more than " + v[1:]
	case strings.HasPrefix(v, "<"):
		return "fewer than " + v[1:]
	case strings.HasPrefix(v, "~"):
		return "about " + v[1:]
	}
	if a, b, ok := strings.Cut(v, "-"); ok && a != "" {
		return a + "–" + b
	}
	return v
}

// fxDateWords reads a date value: "27 Feb 2025", "spring 2025",
// "1 Jun–1 Jul 2025".
func fxDateWords(v string) string {
	lo, hi, ok := fxDateInterval(v)
	if !ok {
		return v
	}
	var s string
	switch {
	case lo.Equal(hi):
		s = lo.Format("2 Jan 2006")
	case lo.Day() == 1 && hi.Equal(lo.AddDate(0, 1, -1)):
		s = lo.Format("Jan 2006")
	case lo.YearDay() == 1 && hi.Equal(lo.AddDate(1, 0, -1)):
		s = lo.Format("2006")
	default:
		if name := fxSeasonName(lo, hi); name != "" {
			s = name
		} else if lo.Year() == hi.Year() {
			s = lo.Format("2 Jan") + "–" + hi.Format("2 Jan 2006")
		} else {
			s = lo.Format("2 Jan 2006") + "–" + hi.Format("2 Jan 2006")
		}
	}
	return s
}

// fxSeasonName names a meteorological season interval.
func fxSeasonName(lo, hi time.Time) string {
	if lo.Day() != 1 || hi.AddDate(0, 0, 1).Day() != 1 {
		return ""
	}
	m1, m2 := int(lo.Month()), int(hi.Month())
	y := lo.Year()
	switch {
	case m1 == 3 && m2 == 5 && hi.Year() == y:
		return "spring " + strconv.Itoa(y)
	case m1 == 6 && m2 == 8 && hi.Year() == y:
		return "summer " + strconv.Itoa(y)
	case m1 == 9 && m2 == 11 && hi.Year() == y:
		return "autumn " + strconv.Itoa(y)
	case m1 == 12 && m2 == 2 && hi.Year() == y+1:
		return "winter " + strconv.Itoa(y) + "–" + strconv.Itoa(y + 1)[2:]
	}
	return ""
}
