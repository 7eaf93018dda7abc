package sources

import (
	"strings"
	"testing"
)

func TestDefaultOutlets(t *testing.T) {
	o := DefaultOutlets()
	if o.Len() < 80 {
		t.Fatalf("default table has %d outlets, want at least 80", o.Len())
	}
	// Every name and alias finds its own outlet: no collisions in the data.
	for _, out := range o.All() {
		for _, n := range append([]string{out.Name}, out.Aliases...) {
			got, ok := o.ByName(n)
			if !ok || got.Name != out.Name {
				t.Errorf("ByName(%q) = %q, %v; want %q (name or alias taken twice?)", n, got.Name, ok, out.Name)
			}
		}
		for _, h := range out.Hosts {
			got, ok := o.ByHost(h)
			if !ok || got.Name != out.Name {
				t.Errorf("ByHost(%q) = %q, %v; want %q", h, got.Name, ok, out.Name)
			}
		}
		if len(out.Country) != 2 {
			t.Errorf("%s: country %q is not ISO 3166 alpha-2", out.Name, out.Country)
		}
	}
	for _, name := range []string{"RT", "Sputnik", "TASS", "RIA Novosti", "Reuters", "AP", "AFP", "MENAFN", "Aftenposten", "VG", "Dagbladet", "NRK", "Bergens Tidende", "BBC"} {
		if _, ok := o.ByName(name); !ok {
			t.Errorf("default table lacks %s", name)
		}
	}
	rt, _ := o.ByName("RT")
	nrk, _ := o.ByName("NRK")
	if !rt.StateAffiliated || nrk.StateAffiliated || rt.Country != "RU" {
		t.Errorf("state affiliation or country wrong: RT %+v, NRK %+v", rt, nrk)
	}
}

func TestOutletLookup(t *testing.T) {
	o := DefaultOutlets()
	hosts := []struct{ host, want string }{
		{"rt.com", "RT"}, {"www.rt.com", "RT"}, {"https://www.rt.com/news/123-x/", "RT"},
		{"edition.cnn.com", "CNN"}, {"news.bbc.co.uk", "BBC"}, {"WWW.AFTENPOSTEN.NO", "Aftenposten"},
		{"m.vg.no", "VG"}, {"tass.ru:443", "TASS"}, {"//sputnikglobe.com/2025/x", "Sputnik"},
		{"co.uk", ""}, {"example.com", ""}, {"", ""}, {"notrt.com", ""},
	}
	for _, tt := range hosts {
		got, ok := o.ByHost(tt.host)
		if got.Name != tt.want || ok != (tt.want != "") {
			t.Errorf("ByHost(%q) = %q, %v; want %q", tt.host, got.Name, ok, tt.want)
		}
	}
	names := []struct{ name, want string }{
		{"Russia Today", "RT"}, {"ria-novosti", "RIA Novosti"}, {"РИА Новости", "RIA Novosti"}, {"the associated press", "AP"},
		{"REUTER", "Reuters"}, {"Verdens Gang", "VG"}, {"  Sputnik  ", "Sputnik"}, {"Lavrov", ""}, {"", ""},
	}
	for _, tt := range names {
		got, ok := o.ByName(tt.name)
		if got.Name != tt.want || ok != (tt.want != "") {
			t.Errorf("ByName(%q) = %q, %v; want %q", tt.name, got.Name, ok, tt.want)
		}
	}
}

func TestLoadOutletsAndMerge(t *testing.T) {
	user, err := LoadOutlets(strings.NewReader("# my outlets\nname\taliases\thosts\tcountry\tstate_affiliated\n" +
		"Local Gazette\tGazette|LG\tgazette.example\tno\tno\n" +
		"RT\t\trt.example\tRU\tyes\n"))
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultOutlets()
	before := o.Len()
	o.Merge(user)
	if o.Len() != before+1 {
		t.Errorf("Len after merge = %d, want %d", o.Len(), before+1)
	}
	if got, ok := o.ByHost("www.gazette.example"); !ok || got.Name != "Local Gazette" || got.Country != "NO" {
		t.Errorf("merged outlet by host = %+v, %v", got, ok)
	}
	if got, _ := o.ByHost("rt.example"); got.Name != "RT" {
		t.Errorf("host added to an existing outlet not found: %+v", got)
	}
	if got, _ := o.ByHost("rt.com"); got.Name != "RT" {
		t.Errorf("existing host lost in merge")
	}
	// The default table is not changed by merging into a copy.
	if _, ok := DefaultOutlets().ByName("Local Gazette"); ok {
		t.Errorf("Merge changed the shared default table")
	}
	// A merged table is used by Read.
	arts, _ := Read("x.txt", []byte("The council met.\n"), Options{Outlets: o, URL: "https://gazette.example/a"})
	if arts[0].Outlet != "Local Gazette" {
		t.Errorf("Read with merged table: outlet %q", arts[0].Outlet)
	}

	js, err := LoadOutlets(strings.NewReader(`[{"name": "Gazette JSON", "hosts": ["gj.example"], "country": "SE", "state_affiliated": false}]`))
	if err != nil || js.Len() != 1 {
		t.Fatalf("JSON table: %v, %d", err, js.Len())
	}

	bad := []struct{ name, in string }{
		{"state value", "X\t\tx.example\tNO\tmaybe\n"},
		{"empty name", "\taliases\thosts\tNO\tno\n"},
		{"too many columns", "X\t\tx.example\tNO\tno\textra\n"},
		{"bad json", `[{"name": 3}]`},
		{"json without name", `[{"hosts": ["x.example"]}]`},
	}
	for _, tt := range bad {
		if _, err := LoadOutlets(strings.NewReader(tt.in)); err == nil {
			t.Errorf("%s: LoadOutlets accepted %q", tt.name, tt.in)
		}
	}
}
