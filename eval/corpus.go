package eval

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// newsArchive is the corpus member holding the news/*.txt files.
const newsArchive = "news.tar.gz"

// maxMember bounds one tar member read into memory; gold articles are
// news stories, a few kilobytes each.
const maxMember = 16 << 20

// Files resolves the file names of the gold (testdata/gold/README.md) to
// bytes: `testdata/...` under the repository, `news/X` as a member of
// CORPUS/news.tar.gz, anything else under CORPUS. It reads each file once
// and the archive at most once, keeping only the members asked for.
type Files struct {
	RepoDir, CorpusDir string

	data     map[string][]byte
	missing  map[string]string // name -> reason it could not be read
	notFound map[string]bool   // names absent from a present corpus or repo
}

// IsCorpus reports whether a gold file name lives in the corpus rather than
// in the repository.
func IsCorpus(name string) bool {
	return !strings.HasPrefix(name, "testdata/")
}

// Load reads every named file. Files that cannot be read because the
// corpus (or its news archive) is absent are recorded as missing with the
// reason, not returned as errors; any other read failure is an error.
func (f *Files) Load(names []string) error {
	if f.data == nil {
		f.data = map[string][]byte{}
		f.missing = map[string]string{}
		f.notFound = map[string]bool{}
	}
	want := map[string]bool{}
	for _, n := range names {
		if _, ok := f.data[n]; ok {
			continue
		}
		if _, ok := f.missing[n]; ok || f.notFound[n] {
			continue
		}
		if strings.HasPrefix(n, "news/") {
			want[n] = true
			continue
		}
		if err := f.loadPlain(n); err != nil {
			return err
		}
	}
	if len(want) > 0 {
		return f.loadNews(want)
	}
	return nil
}

func (f *Files) loadPlain(name string) error {
	if filepath.IsAbs(name) || strings.Contains(name, "..") {
		return fmt.Errorf("gold file name %q: want a relative path without ..", name)
	}
	base := f.RepoDir
	if IsCorpus(name) {
		if !dirExists(f.CorpusDir) {
			f.missing[name] = fmt.Sprintf("CORPUS not found at %s", f.CorpusDir)
			return nil
		}
		base = f.CorpusDir
	}
	p := filepath.Join(base, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		f.notFound[name] = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	f.data[name] = b
	return nil
}

func (f *Files) loadNews(want map[string]bool) error {
	if !dirExists(f.CorpusDir) {
		for n := range want {
			f.missing[n] = fmt.Sprintf("CORPUS not found at %s", f.CorpusDir)
		}
		return nil
	}
	arch := filepath.Join(f.CorpusDir, newsArchive)
	fh, err := os.Open(arch)
	if errors.Is(err, fs.ErrNotExist) {
		for n := range want {
			f.missing[n] = fmt.Sprintf("%s not found in CORPUS %s", newsArchive, f.CorpusDir)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", arch, err)
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		return fmt.Errorf("read %s: %w", arch, err)
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	left := len(want)
	for left > 0 {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", arch, err)
		}
		name := path.Clean(strings.TrimPrefix(h.Name, "./"))
		if !want[name] || h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, maxMember))
		if err != nil {
			return fmt.Errorf("read %s member %s: %w", arch, name, err)
		}
		f.data[name] = b
		delete(want, name)
		left--
	}
	for n := range want {
		f.notFound[n] = true
	}
	return nil
}

// NotFound reports whether a file is absent although the place it should
// be (the repository, the corpus folder or its archive) exists: an error
// in the gold that names it.
func (f *Files) NotFound(name string) bool { return f.notFound[name] }

// Get returns the bytes of a loaded file; ok is false when it is missing.
func (f *Files) Get(name string) ([]byte, bool) {
	b, ok := f.data[name]
	return b, ok
}

// Missing returns the reason a file could not be read, "" when it was.
func (f *Files) Missing(name string) string { return f.missing[name] }

// Skipped groups the missing files by reason: reason -> sorted names.
func (f *Files) Skipped() map[string][]string {
	out := map[string][]string{}
	for n, why := range f.missing {
		out[why] = append(out[why], n)
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

func dirExists(p string) bool {
	if p == "" {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
