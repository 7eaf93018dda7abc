package sources

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Outlet is one news outlet of the outlet table.
type Outlet struct {
	// Name is the canonical short name reported as an article's outlet
	// ("RT", "Reuters", "Aftenposten").
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the owner's seat.
	Country string `json:"country"`
	// StateAffiliated is true when a government controls the editorial
	// line (not merely public funding with editorial independence).
	StateAffiliated bool `json:"state_affiliated"`
	// Hosts are the web hosts the outlet publishes on; subdomains match.
	Hosts []string `json:"hosts"`
	// Aliases are other names for the outlet ("Russia Today", "ТАСС").
	Aliases []string `json:"aliases"`
}

// Outlets is a table of outlets indexed by name, alias and host. The zero
// value is an empty table; use DefaultOutlets for the built-in one.
type Outlets struct {
	list   []Outlet
	byName map[string]int // nameKey(name or alias) -> index into list
	byHost map[string]int // normalised host -> index into list
}

//go:embed data/outlets.tsv
var outletsTSV string

var (
	defaultOutletsOnce sync.Once
	defaultOutlets     *Outlets
)

// builtinOutlets returns the shared, read-only built-in table.
func builtinOutlets() *Outlets {
	defaultOutletsOnce.Do(func() {
		o, err := LoadOutlets(strings.NewReader(outletsTSV))
		if err != nil {
			// The embedded file is tested; an error here is a build defect.
			o = &Outlets{}
		}
		defaultOutlets = o
	})
	return defaultOutlets
}

// DefaultOutlets returns a copy of the built-in outlet table (the embedded
// data file sources/data/outlets.tsv). The copy may be extended with Merge
// without affecting other callers.
func DefaultOutlets() *Outlets { return builtinOutlets().Clone() }

// Clone returns a deep copy of the table.
func (o *Outlets) Clone() *Outlets {
	c := &Outlets{}
	if o == nil {
		return c
	}
	for _, out := range o.list {
		c.add(cloneOutlet(out))
	}
	return c
}

func cloneOutlet(out Outlet) Outlet {
	out.Hosts = append([]string(nil), out.Hosts...)
	out.Aliases = append([]string(nil), out.Aliases...)
	return out
}

// Len returns the number of outlets in the table.
func (o *Outlets) Len() int {
	if o == nil {
		return 0
	}
	return len(o.list)
}

// All returns the outlets of the table sorted by name.
func (o *Outlets) All() []Outlet {
	if o == nil {
		return nil
	}
	out := make([]Outlet, len(o.list))
	for i, x := range o.list {
		out[i] = cloneOutlet(x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Merge adds the outlets of other to o. An outlet of other whose name (or
// an alias) already names an outlet of o replaces that outlet's country and
// state affiliation and adds its hosts and aliases; new outlets are added.
// Hosts and aliases of other take precedence over those of o.
func (o *Outlets) Merge(other *Outlets) {
	if other == nil {
		return
	}
	for _, out := range other.list {
		o.add(cloneOutlet(out))
	}
}

// add inserts out, merging it into an existing outlet of the same name.
// Later entries win for the names and hosts they claim.
func (o *Outlets) add(out Outlet) {
	if o.byName == nil {
		o.byName = map[string]int{}
		o.byHost = map[string]int{}
	}
	idx, ok := o.byName[nameKey(out.Name)]
	if ok && nameKey(o.list[idx].Name) != nameKey(out.Name) {
		ok = false // out's name is only an alias of another outlet: keep them apart
	}
	if ok {
		cur := &o.list[idx]
		cur.Country = out.Country
		cur.StateAffiliated = out.StateAffiliated
		cur.Hosts = appendNew(cur.Hosts, out.Hosts...)
		cur.Aliases = appendNew(cur.Aliases, out.Aliases...)
	} else {
		idx = len(o.list)
		o.list = append(o.list, out)
	}
	o.byName[nameKey(out.Name)] = idx
	for _, a := range out.Aliases {
		if k := nameKey(a); k != "" {
			if prev, taken := o.byName[k]; !taken || nameKey(o.list[prev].Name) != k {
				o.byName[k] = idx
			}
		}
	}
	for _, h := range out.Hosts {
		if h = normHost(h); h != "" {
			o.byHost[h] = idx
		}
	}
}

func appendNew(dst []string, xs ...string) []string {
	for _, x := range xs {
		found := false
		for _, d := range dst {
			if strings.EqualFold(d, x) {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, x)
		}
	}
	return dst
}

// ByName finds an outlet by its canonical name or an alias, ignoring case,
// punctuation and spacing ("RIA-Novosti" finds "RIA Novosti").
func (o *Outlets) ByName(name string) (Outlet, bool) {
	if o == nil || o.byName == nil {
		return Outlet{}, false
	}
	idx, ok := o.byName[nameKey(name)]
	if !ok {
		return Outlet{}, false
	}
	return cloneOutlet(o.list[idx]), true
}

// byNameIndex is ByName without the copy, for hot paths.
func (o *Outlets) byNameIndex(name string) (string, bool) {
	if o == nil || o.byName == nil {
		return "", false
	}
	var buf [96]byte
	idx, ok := o.byName[string(appendNameKey(buf[:0], name))]
	if !ok {
		return "", false
	}
	return o.list[idx].Name, true
}

// ByHost finds the outlet publishing on host (a host name, "host:port" or
// a whole URL). Subdomains match their parent domain: "edition.cnn.com"
// finds CNN, "www.bbc.co.uk" finds BBC.
func (o *Outlets) ByHost(host string) (Outlet, bool) {
	name, ok := o.hostName(host)
	if !ok {
		return Outlet{}, false
	}
	return o.ByName(name)
}

func (o *Outlets) hostName(host string) (string, bool) {
	if o == nil || o.byHost == nil {
		return "", false
	}
	h := normHost(host)
	for h != "" {
		if idx, ok := o.byHost[h]; ok {
			return o.list[idx].Name, true
		}
		dot := strings.IndexByte(h, '.')
		if dot < 0 || strings.IndexByte(h[dot+1:], '.') < 0 {
			break // never match a bare top-level or public suffix like "co.uk"
		}
		h = h[dot+1:]
	}
	return "", false
}

// normHost lower-cases a host, taking it out of a URL when given one, and
// drops the port, a trailing dot and a leading "www.".
func normHost(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		if !strings.Contains(s, "://") {
			s = "http://" + strings.TrimPrefix(s, "//")
		}
		u, err := url.Parse(s)
		if err != nil {
			return ""
		}
		s = u.Host
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i:], "]") {
		s = s[:i]
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	for _, p := range []string{"www.", "m.", "amp.", "mobile."} {
		if strings.HasPrefix(s, p) && strings.Count(s, ".") > 1 {
			s = s[len(p):]
		}
	}
	return s
}

// nameKey folds a name for lookup: lower case, every run of characters
// that are not letters or digits becomes one space, a leading "the" is
// kept (aliases list both forms where both are used).
func nameKey(s string) string { return string(appendNameKey(nil, s)) }

// appendNameKey appends the folded form of s to dst.
func appendNameKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return dst
}

// LoadOutlets reads an outlet table: tab-separated lines "name, aliases,
// hosts, country, state_affiliated" (lists separated by "|", "#" starts a
// comment line, an optional header line starting with "name"), or a JSON
// array of Outlet objects. Use (*Outlets).Merge to add it to the default
// table.
func LoadOutlets(r io.Reader) (*Outlets, error) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(head, " \t\r\n")
	o := &Outlets{}
	if len(head) > 0 && head[0] == '[' {
		var list []Outlet
		if err := json.NewDecoder(br).Decode(&list); err != nil {
			return nil, fmt.Errorf("load outlets: %w", err)
		}
		for i, out := range list {
			out.Name = strings.TrimSpace(out.Name)
			if out.Name == "" {
				return nil, fmt.Errorf("load outlets: entry %d: empty name", i+1)
			}
			o.add(cloneOutlet(out))
		}
		return o, nil
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("load outlets: line %d: not UTF-8", line)
		}
		cols := strings.Split(s, "\t")
		if strings.EqualFold(strings.TrimSpace(cols[0]), "name") {
			continue // header
		}
		if len(cols) > 5 {
			return nil, fmt.Errorf("load outlets: line %d: %d columns, want at most 5 (name, aliases, hosts, country, state_affiliated)", line, len(cols))
		}
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		out := Outlet{
			Name:    strings.TrimSpace(cols[0]),
			Aliases: splitList(cols[1]),
			Hosts:   splitList(cols[2]),
			Country: strings.ToUpper(strings.TrimSpace(cols[3])),
		}
		if out.Name == "" {
			return nil, fmt.Errorf("load outlets: line %d: empty name", line)
		}
		switch strings.ToLower(strings.TrimSpace(cols[4])) {
		case "yes", "true", "1", "y":
			out.StateAffiliated = true
		case "no", "false", "0", "n", "":
		default:
			return nil, fmt.Errorf("load outlets: line %d: state_affiliated %q: want yes or no", line, cols[4])
		}
		o.add(out)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load outlets: %w", err)
	}
	return o, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
