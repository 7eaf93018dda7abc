package report

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Citation keys are readable and stable: the outlet (or, without one, the
// host of the article's URL, or "article"), the year ("nd" when unknown)
// and the first word of the title, folded to lower-case ASCII:
// "sputnik2025russia". Articles that would share a key get a, b, c …
// appended in report order (publication date, then ID), as author–year
// styles do: "rt2025lavrova", "rt2025lavrovb". The same articles always
// get the same keys; keys use only [a-z0-9], which every tool accepts.

// maxKeyWord bounds the title word in a key.
const maxKeyWord = 16

// assignKeys sets Key on every article; articles must be in report order.
func assignKeys(arts []*article) {
	base := make([]string, len(arts))
	count := map[string]int{}
	for i, a := range arts {
		base[i] = baseKey(&a.Article)
		count[base[i]]++
	}
	used := map[string]bool{}
	for _, b := range base {
		if count[b] == 1 {
			used[b] = true // a suffixed key must not take a unique one
		}
	}
	next := map[string]int{}
	for i, a := range arts {
		b := base[i]
		if count[b] == 1 {
			a.Key = b
			continue
		}
		for {
			n := next[b]
			next[b] = n + 1
			k := b + suffix(n)
			if !used[k] {
				used[k] = true
				a.Key = k
				break
			}
		}
	}
}

// suffix returns a, b, …, z, aa, ab, … for 0, 1, ….
func suffix(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// baseKey is the key of an article before disambiguation.
func baseKey(a *Article) string {
	prefix := asciiSlug(a.Outlet, 24)
	if prefix == "" {
		prefix = asciiSlug(hostName(a.URL), 24)
	}
	if prefix == "" {
		prefix = asciiSlug(hostName(a.Source), 24)
	}
	if prefix == "" {
		prefix = "article"
	}
	year := "nd"
	if a.Published.Known() {
		year = strconv.Itoa(a.Published.Year)
	}
	return prefix + year + firstWord(a.Title)
}

// hostName returns the registrable-looking part of a URL's host without
// "www." and the top-level domain ("https://www.rt.com/x" → "rt"), or ""
// when s is not an absolute http(s) URL.
func hostName(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	labels := strings.Split(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	if len(labels) > 1 {
		labels = labels[:len(labels)-1]
	}
	return labels[len(labels)-1]
}

// firstWord returns the first word of a title that yields at least one
// ASCII letter or digit when folded, or "".
func firstWord(title string) string {
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if s := asciiSlug(w, maxKeyWord); s != "" {
			return s
		}
	}
	return ""
}

// foldExtra maps letters that canonical decomposition does not reduce to
// ASCII (they are letters of their own, not accented ones).
var foldExtra = map[rune]string{
	'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ł': "l", 'Ł': "l",
	'ı': "i",
}

// asciiSlug folds s to lower-case ASCII letters and digits, dropping
// accents and anything else, and keeps at most max bytes.
func asciiSlug(s string, max int) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if b.Len() >= max {
			break
		}
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		case foldExtra[r] != "":
			b.WriteString(foldExtra[r])
		}
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
	}
	return out
}
