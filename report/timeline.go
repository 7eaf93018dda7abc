package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// The timeline is an inline SVG laid out here and drawn by the HTML
// template: one row per outlet (articles without an outlet share a row),
// time running left to right. An article is drawn as precisely as its date
// is known: a day as a dot, a month as a bar over the whole month, a year
// as a bar over the year; an inferred date is drawn hollow and dashed.
// Findings are arcs between the articles they compare (red conflicts,
// amber updates, green dashed agreements), numbered like the findings list.
// Every mark has a <title> tooltip. Article labels take the first free lane
// above or below their mark, alternating, so that neighbours never overlap.

const (
	tlWidth    = 1100.0
	tlLeft     = 150.0 // room for the row labels
	tlRight    = 24.0
	tlTop      = 40.0 // room for the month labels
	tlRowH     = 76.0 // with up to tlManyRows rows
	tlRowHMany = 50.0 // with more rows: two label lanes instead of four
	tlManyRows = 8
	tlBottom   = 12.0
	tlBarH     = 12.0
	tlDotR     = 6.5
	tlCharW    = 7.2 // average label character width at 12px
	tlLabelGap = 6.0
)

type timeline struct {
	Width, Height float64
	PlotLeft      float64
	PlotRight     float64
	PlotTop       float64
	PlotBottom    float64
	Rows          []tlRow
	Ticks         []tlTick
	Marks         []tlMark
	Links         []tlLink
}

type tlRow struct {
	Y, Top, Height float64
	Label          string
	Shade          bool
}

type tlTick struct {
	X     float64
	Label string
	Major bool // first of a year: drawn darker
}

type tlMark struct {
	Dot            bool    // a day; otherwise a bar
	CX, CY, R      float64 // dot
	X, Y, W, H     float64 // bar
	Precision      string
	Inferred       bool
	Label          string
	ShowLabel      bool // false when no lane had room for it
	LabelX, LabelY float64
	Href           string // "#A3"
	Tip            string
}

type tlLink struct {
	D      string // SVG path
	Class  string // conflict|update|agreement
	Tip    string
	N      int
	NX, NY float64 // where the finding number stands
	Href   string
	Dashed bool
}

// f1 formats a coordinate with one decimal, trimming ".0".
func f1(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// dayIndex counts days since the Unix epoch.
func dayIndex(t time.Time) float64 {
	return math.Floor(float64(t.Unix()) / 86400)
}

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// buildTimeline lays out the dated articles of r and the findings between
// them; ok is false when no article has a known date.
func buildTimeline(r *report, m memo) (tl timeline, ok bool) {
	type placed struct {
		a           *article
		first, last float64 // day indexes, inclusive
	}
	var dated []placed
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, a := range r.articles {
		first, last, known := a.Published.Interval()
		if !known {
			continue
		}
		p := placed{a: a, first: dayIndex(first), last: dayIndex(last)}
		dated = append(dated, p)
		lo, hi = math.Min(lo, p.first), math.Max(hi, p.last+1)
	}
	if len(dated) == 0 {
		return tl, false
	}
	pad := math.Max(10, (hi-lo)*0.04)
	lo, hi = lo-pad, hi+pad
	// Start the axis on the first of a month so the ticks fall on it.
	t0 := time.Unix(int64(lo)*86400, 0).UTC()
	t0 = time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
	lo = dayIndex(t0)

	// Rows: outlets in order of their first article; no outlet last.
	rowOf := map[string]int{}
	var labels []string
	noOutlet := false
	for _, p := range dated {
		o := flatten(p.a.Outlet)
		if o == "" {
			noOutlet = true
			continue
		}
		if _, seen := rowOf[o]; !seen {
			rowOf[o] = len(labels)
			labels = append(labels, o)
		}
	}
	if noOutlet {
		rowOf[""] = len(labels)
		labels = append(labels, "no outlet")
	}

	tl.Width = tlWidth
	tl.PlotLeft, tl.PlotRight = tlLeft, tlWidth-tlRight
	tl.PlotTop = tlTop
	rowH := tlRowH
	laneDY := []float64{-14, 24, -28, 38} // above, below, further above, further below
	if len(labels) > tlManyRows {
		rowH, laneDY = tlRowHMany, laneDY[:2]
	}
	tl.PlotBottom = tlTop + float64(len(labels))*rowH
	tl.Height = tl.PlotBottom + tlBottom
	x := func(day float64) float64 {
		return tl.PlotLeft + (day-lo)/(hi-lo)*(tl.PlotRight-tl.PlotLeft)
	}
	for i, l := range labels {
		top := tlTop + float64(i)*rowH
		tl.Rows = append(tl.Rows, tlRow{Y: top + rowH/2, Top: top, Height: rowH, Label: l, Shade: i%2 == 0})
	}

	// Month ticks, thinned to keep labels apart.
	months := int(math.Ceil((hi - lo) / 30.44))
	step := 1
	switch {
	case months > 96:
		step = 12 * int(math.Ceil(float64(months)/96))
	case months > 36:
		step = 12
	case months > 14:
		step = 3
	}
	for t, i := t0, 0; dayIndex(t) <= hi; t, i = t.AddDate(0, step, 0), i+1 {
		label := monthAbbr[t.Month()-1]
		if step >= 12 {
			label = fmt.Sprint(t.Year())
		} else if i == 0 || t.Month() == time.January {
			label += " " + fmt.Sprint(t.Year())
		}
		tl.Ticks = append(tl.Ticks, tlTick{X: x(dayIndex(t)), Label: label, Major: t.Month() == time.January})
	}

	// Marks, with labels in lanes per row.
	center := map[int64][2]float64{}
	type lane struct{ dy, end float64 }
	lanes := map[int][]*lane{}
	for _, p := range dated {
		a := p.a
		row := rowOf[flatten(a.Outlet)]
		y := tl.Rows[row].Y
		mk := tlMark{Precision: string(a.Published.Precision), Inferred: a.DateInferred,
			Label: a.Label, Href: "#" + a.Label}
		var cx float64
		if a.Published.Precision == sources.PrecDay {
			cx = x(p.first + 0.5)
			mk.Dot, mk.CX, mk.CY, mk.R = true, cx, y, tlDotR
		} else {
			x0, x1 := x(p.first), x(p.last+1)
			if x1-x0 < 2*tlDotR {
				x0, x1 = (x0+x1)/2-tlDotR, (x0+x1)/2+tlDotR
			}
			cx = (x0 + x1) / 2
			mk.X, mk.Y, mk.W, mk.H = x0, y-tlBarH/2, x1-x0, tlBarH
		}
		center[a.ID] = [2]float64{cx, y}
		stmts := len(r.byArt[a.ID])
		mk.Tip = fmt.Sprintf("%s · %s · %s · %s — %s", a.Label, orDash(flatten(a.Outlet)),
			dateWithPrecision(a.Published, a.DateInferred), plural(stmts, "statement"), titleOf(&a.Article))

		// The first lane where the label does not touch the previous one;
		// when every lane is taken the label is left out (the tooltip and
		// the sources table still name the article).
		w := float64(len([]rune(mk.Label))) * tlCharW
		if lanes[row] == nil {
			for _, dy := range laneDY {
				lanes[row] = append(lanes[row], &lane{dy: dy, end: math.Inf(-1)})
			}
		}
		mk.ShowLabel = false
		for _, l := range lanes[row] {
			if l.end+tlLabelGap <= cx-w/2 {
				l.end = cx + w/2
				mk.LabelX, mk.LabelY, mk.ShowLabel = cx, y+l.dy, true
				break
			}
		}
		tl.Marks = append(tl.Marks, mk)
	}

	// Links: each finding joins its articles in date order; repeated
	// links between the same two articles bow out further.
	bows := map[[2]int64]int{}
	for _, f := range m.Conflicts {
		tl.Links = append(tl.Links, linksOf(f, r, center, bows, tl.PlotTop)...)
	}
	for _, f := range m.Agreements {
		tl.Links = append(tl.Links, linksOf(f, r, center, bows, tl.PlotTop)...)
	}
	return tl, true
}

// linksOf draws the arcs of one finding. An agreement chains its articles
// in date order; a conflict or an update joins every two articles whose
// claims state different values (and only those: two articles on the same
// side do not conflict), at most maxLinks arcs per finding.
func linksOf(f memoFinding, r *report, center map[int64][2]float64, bows map[[2]int64]int, top float64) []tlLink {
	const maxLinks = 12
	type side struct {
		id    int64
		value string
	}
	var sides []side
	seen := map[side]bool{}
	for _, c := range r.findings[f.N-1].Claims {
		s := side{c.Article, flatten(c.Value)}
		if _, ok := center[c.Article]; ok && !seen[s] {
			seen[s] = true
			sides = append(sides, s)
		}
	}
	// Date order, as the articles are laid out.
	for i := 1; i < len(sides); i++ {
		for j := i; j > 0 && r.orderOf[sides[j].id] < r.orderOf[sides[j-1].id]; j-- {
			sides[j], sides[j-1] = sides[j-1], sides[j]
		}
	}
	var pairs [][2]int64
	paired := map[[2]int64]bool{}
	addPair := func(a, b int64) {
		p := [2]int64{a, b}
		if a != b && !paired[p] && len(pairs) < maxLinks {
			paired[p] = true
			pairs = append(pairs, p)
		}
	}
	if f.Kind == "agreement" {
		for i := 1; i < len(sides); i++ {
			addPair(sides[i-1].id, sides[i].id)
		}
	} else {
		for i := range sides {
			for j := i + 1; j < len(sides); j++ {
				if sides[i].value != sides[j].value {
					addPair(sides[i].id, sides[j].id)
				}
			}
		}
	}
	class := f.Kind
	if class != "agreement" && class != "update" {
		class = "conflict"
	}
	tip := f.Title
	if f.Explanation != "" {
		tip += ". " + f.Explanation
	}
	var out []tlLink
	for _, pair := range pairs {
		a, b := center[pair[0]], center[pair[1]]
		n := bows[pair]
		bows[pair] = n + 1
		// Bow the arc away from the chord: links within a row arch upwards,
		// links across rows alternate sides, and repeated links between the
		// same two articles bow further out, so they never lie on each other.
		dx, dy := b[0]-a[0], b[1]-a[1]
		dist := math.Hypot(dx, dy)
		nx, ny := 0.0, -1.0
		if dist > 0 {
			nx, ny = -dy/dist, dx/dist
			if ny > 0 || (ny == 0 && nx > 0) {
				nx, ny = -nx, -ny
			}
		}
		var h float64
		if dy == 0 {
			h = 28 + math.Min(40, dist*0.06) + float64(n)*16
		} else {
			h = 18 + float64(n/2)*18
			if n%2 == 1 {
				h = -h
			}
		}
		mx, my := (a[0]+b[0])/2+nx*2*h, (a[1]+b[1])/2+ny*2*h
		my = math.Max(top-34, my)
		// The apex of a quadratic curve is halfway to its control point.
		ax, ay := (a[0]+2*mx+b[0])/4, (a[1]+2*my+b[1])/4
		out = append(out, tlLink{
			D:     fmt.Sprintf("M%s %s Q%s %s %s %s", f1(a[0]), f1(a[1]), f1(mx), f1(my), f1(b[0]), f1(b[1])),
			Class: class, Tip: tip, N: f.N, NX: ax, NY: ay, Href: fmt.Sprintf("#finding-%d", f.N),
			Dashed: class == "agreement",
		})
	}
	return out
}
