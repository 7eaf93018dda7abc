package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

func timelineOf(t *testing.T, in Input) (timeline, bool) {
	t.Helper()
	r := newReport(in)
	return buildTimeline(r, buildMemo(r))
}

// Each article is drawn as precisely as its date is known.
func TestTimelinePrecision(t *testing.T) {
	in := Input{Generated: generated, Articles: []Article{
		{ID: 1, Outlet: "A", Published: mustDate(t, "2025-06-03")},
		{ID: 2, Outlet: "A", Published: mustDate(t, "2025-06")},
		{ID: 3, Outlet: "B", Published: mustDate(t, "2025")},
		{ID: 4, Outlet: "B"}, // unknown date: not drawn
	}}
	tl, ok := timelineOf(t, in)
	if !ok || len(tl.Marks) != 3 {
		t.Fatalf("ok %v, %d marks; want 3 marks", ok, len(tl.Marks))
	}
	byLabel := map[string]tlMark{}
	for _, m := range tl.Marks {
		byLabel[m.Label] = m
	}
	year, month, day := byLabel["A3"], byLabel["A2"], byLabel["A1"]
	if !day.Dot || month.Dot || year.Dot {
		t.Errorf("want a dot for the day and bars for month and year: %v %v %v", day.Dot, month.Dot, year.Dot)
	}
	// A month bar spans 30 days, a year bar 365: their widths say so.
	if ratio := year.W / month.W; math.Abs(ratio-365.0/30) > 0.5 {
		t.Errorf("year bar %.1f wide, month bar %.1f: ratio %.2f, want about %.2f", year.W, month.W, ratio, 365.0/30)
	}
	// The day lies inside its month's bar.
	if day.CX < month.X || day.CX > month.X+month.W {
		t.Errorf("2025-06-03 at x %.1f is outside June [%.1f, %.1f]", day.CX, month.X, month.X+month.W)
	}
	if len(tl.Rows) != 2 || tl.Rows[0].Label != "B" || tl.Rows[1].Label != "A" {
		t.Errorf("rows %+v, want B (its year begins first) then A", tl.Rows)
	}
}

// Labels never overlap: crowded ones move to another lane or are left out.
func TestTimelineLabelsDoNotOverlap(t *testing.T) {
	for _, n := range []int{2, 10, 60} {
		for _, rows := range []int{1, 12} {
			t.Run(fmt.Sprintf("%d articles in %d rows", n, rows), func(t *testing.T) {
				in := Input{Generated: generated}
				for i := 0; i < n; i++ {
					in.Articles = append(in.Articles, Article{ID: int64(i + 1), Outlet: fmt.Sprintf("Outlet %d", i%rows),
						Published: mustDate(t, fmt.Sprintf("2025-03-%02d", 1+i%20))})
				}
				tl, _ := timelineOf(t, in)
				type box struct{ x0, x1 float64 }
				byLine := map[float64][]box{}
				shown := 0
				for _, m := range tl.Marks {
					if !m.ShowLabel {
						continue
					}
					shown++
					w := float64(len(m.Label)) * tlCharW
					byLine[m.LabelY] = append(byLine[m.LabelY], box{m.LabelX - w/2, m.LabelX + w/2})
				}
				for y, bs := range byLine {
					sort.Slice(bs, func(i, j int) bool { return bs[i].x0 < bs[j].x0 })
					for i := 1; i < len(bs); i++ {
						if bs[i].x0 < bs[i-1].x1 {
							t.Fatalf("labels overlap at y %.1f: %+v %+v", y, bs[i-1], bs[i])
						}
					}
				}
				if n <= 2 && shown != n {
					t.Errorf("%d of %d labels shown with room for all", shown, n)
				}
				for _, r := range tl.Rows {
					if r.Y < tl.PlotTop || r.Y > tl.PlotBottom {
						t.Errorf("row %q outside the plot", r.Label)
					}
				}
			})
		}
	}
}

// A conflict joins only articles whose values differ; an agreement chains
// its articles in date order.
func TestTimelineLinks(t *testing.T) {
	in := Input{Generated: generated, Articles: []Article{
		{ID: 1, Outlet: "A", Published: mustDate(t, "2025-02-01")},
		{ID: 2, Outlet: "B", Published: mustDate(t, "2025-03-01")},
		{ID: 3, Outlet: "C", Published: mustDate(t, "2025-04-01")},
	}, Findings: []Finding{
		{Kind: "conflict", Claims: []FindingClaim{{Article: 1, Value: "x"}, {Article: 2, Value: "x"}, {Article: 3, Value: "y"}}},
		{Kind: "agreement", Claims: []FindingClaim{{Article: 3, Value: "x"}, {Article: 1, Value: "x"}, {Article: 2, Value: "x"}}},
	}}
	r := newReport(in)
	tl, _ := buildTimeline(r, buildMemo(r))
	var got []string
	for _, l := range tl.Links {
		got = append(got, fmt.Sprintf("%s %d", l.Class, l.N))
		if !strings.HasPrefix(l.D, "M") || !strings.Contains(l.D, " Q") {
			t.Errorf("path %q", l.D)
		}
		if l.NY < 0 || l.NY > tl.Height {
			t.Errorf("finding number at y %.1f outside the drawing", l.NY)
		}
	}
	want := "conflict 1,conflict 1,agreement 2,agreement 2"
	if strings.Join(got, ",") != want {
		t.Errorf("links %v, want %s", got, want)
	}
	// The two conflict arcs end at article 3 (value y), never join 1 and 2.
	x3 := fmt.Sprintf(" %s %s", f1(tl.Marks[2].CX), f1(tl.Marks[2].CY))
	for _, l := range tl.Links[:2] {
		if !strings.HasSuffix(l.D, x3) {
			t.Errorf("conflict arc %q does not end at article 3", l.D)
		}
	}
}

func TestTimelineWithoutDates(t *testing.T) {
	in := Input{Generated: generated, Articles: []Article{{ID: 1, Outlet: "A"}}}
	if _, ok := timelineOf(t, in); ok {
		t.Error("a timeline without a dated article")
	}
	out := render(t, "html", in)
	if !strings.Contains(out, "No article has a known publication date") || !strings.Contains(out, `href="#A1"`) {
		t.Error("the page does not say why there is no timeline, or does not list the undated article")
	}
}
