package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/sources/langid"
	"github.com/claimtrail/claimtrail/store"
)

type ingestOptions struct {
	paths   []string
	outlet  string
	lang    string
	date    string
	url     string
	outlets string // extra outlet table file
	maxSize string
	workers int
	batch   int
	verbose bool
}

func newIngestCmd(app *App) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH... | -",
		Short: "Read articles into the database and extract their statements",
		Long: `Reads plain text, HTML pages and JSON Lines (one article a line) from files,
folders (recursively; hidden files and folders are skipped) or stdin ("-").
The format is detected from content. Outlet, language and publication date are
detected where no flag gives them. Every article is stored whole or not at all.

The same bytes from the same source change nothing; changed bytes make a new
version (see "claimtrail history"); the same text from another source is stored
as a duplicate of the first. A refused input (empty, binary, not text, too
large, unreadable) is named on stderr and the exit status is 1, but every
valid input given alongside is still ingested.`,
		Example: `  claimtrail ingest testdata/articles
  claimtrail ingest --outlet TASS --lang ru --date 2025-06 article.txt
  curl -s https://example.org/story | claimtrail ingest --url https://example.org/story -
  claimtrail --format json ingest feed.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runIngest(cmd.Context(), app, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.outlet, "outlet", "", "outlet of every article (overrides detection)")
	f.StringVar(&o.lang, "lang", "", "ISO 639-1 language of every article (overrides detection)")
	f.StringVar(&o.date, "date", "", "publication date YYYY, YYYY-MM or YYYY-MM-DD (overrides detection)")
	f.StringVar(&o.url, "url", "", "URL of the article (one input only); becomes its source")
	f.StringVar(&o.outlets, "outlets", "", "extra outlet table (TSV, same columns as the built-in one)")
	f.StringVar(&o.maxSize, "max-size", "64MB", "refuse files larger than this (e.g. 500KB, 64MB, 1GB)")
	f.IntVar(&o.workers, "workers", 0, "parallel readers/extractors (default: number of CPUs)")
	f.IntVar(&o.batch, "batch", 256, "articles committed per transaction (each article still atomic)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "list every article in table output, however many")
	return cmd
}

// parseSize reads "64MB", "500KB", "1GB" or a plain byte count.
func parseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, suf := range []struct {
		s string
		m int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, suf.s) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, suf.s)), suf.m
			break
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number with an optional KB, MB or GB", s)
	}
	return n * mult, nil
}

// input is one file (or stdin) to read.
type input struct {
	name string // source name: the path as given, joined for files in folders
	path string // where to read it ("" for stdin)
	err  error  // refused before reading (unreadable folder entry)
}

// collectInputs expands the command-line paths: folders recursively in name
// order, skipping hidden entries; symbolic links to files are followed, to
// folders not (no loops).
func collectInputs(paths []string) []input {
	var out []input
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{name: "-"})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			out = append(out, input{name: p, err: cleanPathErr(err)})
			continue
		}
		if !fi.IsDir() {
			out = append(out, input{name: p, path: p})
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, input{name: path, err: cleanPathErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				fi, err := os.Stat(path)
				if err != nil {
					out = append(out, input{name: path, err: cleanPathErr(err)})
					return nil
				}
				if fi.IsDir() {
					return nil // a link to a folder is not followed
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			out = append(out, input{name: path, path: path})
			return nil
		})
	}
	return out
}

// cleanPathErr strips the path Go's *PathError repeats, since messages
// already start with the file name.
func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file or folder")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// job is one input on its way through the pipeline.
type job struct {
	in      input
	inputs  []store.Input
	refused []error // per file or per JSONL line
	done    chan struct{}
}

type ingestRecord struct {
	Source      string  `json:"source"`
	Status      string  `json:"status"`
	Article     *int64  `json:"article"`
	Version     int     `json:"version,omitempty"`
	DuplicateOf *int64  `json:"duplicate_of,omitempty"`
	Outlet      *string `json:"outlet,omitempty"`
	Lang        *string `json:"lang,omitempty"`
	Published   *string `json:"published,omitempty"`
	Quotes      int     `json:"quotes"`
	Error       *string `json:"error"`
}

// extractor turns one read article into what the store keeps.
func extractInput(a sources.Article) store.Input {
	doc := claims.DocOf(a)
	stmts, _ := claims.Extract(doc)
	facts := claims.ExtractFacts(doc, stmts)
	return store.Input{Article: a, Statements: stmts, Facts: facts}
}

func (o *ingestOptions) readOptions(outlets *sources.Outlets, maxSize int64) (sources.Options, error) {
	opts := sources.Options{Outlet: o.outlet, Lang: strings.ToLower(o.lang), URL: o.url, Outlets: outlets,
		DetectLang: langid.Detect, MaxSize: maxSize}
	if o.date != "" {
		d, err := sources.ParseDate(o.date)
		if err != nil {
			return opts, usageErr("--date: %v", err)
		}
		opts.Date = d
	}
	if o.outlet != "" {
		if ot, ok := outlets.ByName(o.outlet); ok {
			opts.Outlet = ot.Name
		}
	}
	return opts, nil
}

func loadOutlets(path string) (*sources.Outlets, error) {
	outlets := sources.DefaultOutlets()
	if path == "" {
		return outlets, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, cleanPathErr(err))
	}
	defer f.Close()
	extra, err := sources.LoadOutlets(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	outlets.Merge(extra)
	return outlets, nil
}

func runIngest(ctx context.Context, app *App, o *ingestOptions) error {
	maxSize, err := parseSize(o.maxSize)
	if err != nil {
		return usageErr("--max-size: %v", err)
	}
	outlets, err := loadOutlets(o.outlets)
	if err != nil {
		return err
	}
	opts, err := o.readOptions(outlets, maxSize)
	if err != nil {
		return err
	}
	inputs := collectInputs(o.paths)
	if o.url != "" && len(inputs) > 1 {
		return usageErr("--url names one article, but %d inputs were given", len(inputs))
	}
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	start := app.Now()

	workers := o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make([]*job, len(inputs))
	for i, in := range inputs {
		jobs[i] = &job{in: in, done: make(chan struct{})}
	}
	// Readers and extractors run on every core; they may run at most
	// `ahead` jobs in front of the writer, so memory stays bounded
	// whatever the number of files.
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ahead := make(chan struct{}, 4*o.batchSize())
	feed := make(chan *job)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range feed {
				app.readJob(j, opts)
				close(j.done)
			}
		}()
	}
	go func() {
		defer close(feed)
		for _, j := range jobs {
			select {
			case ahead <- struct{}{}:
			case <-pctx.Done():
				return
			}
			select {
			case feed <- j:
			case <-pctx.Done():
				return
			}
		}
	}()

	var progress *mpb.Progress
	var bar *mpb.Bar
	if app.StderrTTY && !app.Quiet && len(jobs) > 1 {
		progress = mpb.NewWithContext(ctx, mpb.WithOutput(app.Stderr), mpb.WithWidth(40))
		bar = progress.AddBar(int64(len(jobs)),
			mpb.PrependDecorators(decor.Name("ingest "), decor.CountersNoUnit("%d/%d files")),
			mpb.AppendDecorators(decor.AverageSpeed(0, "%.0f files/s  "), decor.AverageETA(decor.ET_STYLE_GO)))
	}

	var records []ingestRecord
	var refusals []string
	var batch []store.Input
	counts := map[store.Status]int{}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rs, err := db.IngestBatch(ctx, batch, app.Now())
		if err != nil {
			return err
		}
		for i, r := range rs {
			rec := ingestRecord{Source: r.Source, Status: string(r.Status), Version: r.Version}
			if r.Article != 0 {
				id := r.Article
				rec.Article = &id
			}
			if r.DuplicateOf != 0 {
				d := r.DuplicateOf
				rec.DuplicateOf = &d
			}
			a := batch[i].Article
			rec.Outlet, rec.Lang, rec.Published = strOrNull(a.Outlet), strOrNull(a.Lang), dateJSON(a.Published.String())
			for _, st := range batch[i].Statements {
				if st.Kind != claims.Assertion {
					rec.Quotes++
				}
			}
			if r.Err != nil {
				msg := r.Err.Error()
				rec.Error = &msg
				refusals = append(refusals, msg)
			}
			counts[r.Status]++
			records = append(records, rec)
		}
		batch = batch[:0]
		return nil
	}

	var werr error
	for _, j := range jobs {
		select {
		case <-j.done:
		case <-ctx.Done():
			werr = ctx.Err()
		}
		if werr != nil {
			break
		}
		<-ahead
		for _, e := range j.refused {
			msg := e.Error()
			refusals = append(refusals, msg)
			records = append(records, ingestRecord{Source: refusedSource(e, j.in.name), Status: string(store.Refused), Error: &msg})
			counts[store.Refused]++
		}
		batch = append(batch, j.inputs...)
		if len(batch) >= o.batchSize() {
			if werr = flush(); werr != nil {
				break
			}
		}
		if bar != nil {
			bar.Increment()
		}
	}
	if werr == nil {
		werr = flush()
	}
	if bar != nil {
		if werr != nil {
			bar.Abort(false)
		}
		progress.Wait()
	}
	// Stop the feeder and let the readers finish the file they are on.
	cancel()
	wg.Wait()
	if werr != nil {
		if errors.Is(werr, context.Canceled) {
			return errors.New("interrupted: every article committed before the interrupt is stored whole")
		}
		return fmt.Errorf("ingest: %w", werr)
	}

	for _, msg := range refusals {
		fmt.Fprintf(app.Stderr, "claimtrail: %s\n", msg)
	}
	if err := app.emitIngest(records, o.verbose); err != nil {
		return err
	}
	if !app.Quiet {
		fmt.Fprintf(app.Stderr, "ingested %d articles from %d inputs in %s: %d added, %d updated, %d unchanged, %d refused\n",
			counts[store.Added]+counts[store.Updated]+counts[store.Unchanged], len(inputs),
			app.Now().Sub(start).Round(time.Millisecond), counts[store.Added], counts[store.Updated],
			counts[store.Unchanged], counts[store.Refused])
	}
	if len(refusals) > 0 {
		return errReported
	}
	return nil
}

func (o *ingestOptions) batchSize() int {
	if o.batch <= 0 {
		return 256
	}
	return o.batch
}

// refusedSource names the source of a refusal: the JSONL line's PATH#N when
// the error says so.
func refusedSource(err error, name string) string {
	var ie *sources.InputError
	if errors.As(err, &ie) && ie.Line > 0 {
		return fmt.Sprintf("%s#%d", ie.Source, ie.Line)
	}
	return name
}

// readJob reads, parses and extracts one input, off the writer's goroutine.
func (app *App) readJob(j *job, opts sources.Options) {
	if j.in.err != nil {
		j.refused = append(j.refused, fmt.Errorf("%s: %w", j.in.name, j.in.err))
		return
	}
	var data []byte
	var err error
	if j.in.path == "" {
		data, err = io.ReadAll(io.LimitReader(app.Stdin, opts.MaxSize+1))
	} else {
		var fi os.FileInfo
		if fi, err = os.Stat(j.in.path); err == nil && fi.Size() > opts.MaxSize {
			err = fmt.Errorf("%w: %d bytes, more than --max-size %d", sources.ErrTooLarge, fi.Size(), opts.MaxSize)
		} else if err == nil {
			data, err = os.ReadFile(j.in.path)
		}
	}
	if err != nil {
		j.refused = append(j.refused, fmt.Errorf("%s: %w", j.in.name, cleanPathErr(err)))
		return
	}
	arts, errs := sources.Read(j.in.name, data, opts)
	j.refused = append(j.refused, errs...)
	for _, a := range arts {
		// SPEC.md: the source is the --url when one is given, and a JSON
		// line's own url when it has one; else the path (PATH#N).
		switch {
		case opts.URL != "":
			a.Source = opts.URL
		case a.Format == sources.FormatJSONL && a.URL != "":
			a.Source = a.URL
		}
		j.inputs = append(j.inputs, extractInput(a))
	}
}

func (app *App) emitIngest(records []ingestRecord, verbose bool) error {
	t := &table{cols: []string{"source", "status", "article", "outlet", "lang", "published", "quotes", "note"}}
	shown := records
	if !verbose && app.Format == "table" && len(records) > 100 {
		shown = nil
		for _, r := range records {
			if r.Status != string(store.Added) && r.Status != string(store.Unchanged) {
				shown = append(shown, r)
			}
		}
	}
	for _, r := range shown {
		note := ""
		if r.DuplicateOf != nil {
			note = fmt.Sprintf("duplicate of %d", *r.DuplicateOf)
		}
		if r.Error != nil {
			note = *r.Error
		}
		if r.Status == string(store.Updated) {
			note = fmt.Sprintf("version %d", r.Version)
		}
		t.add(r.Source, r.Status, idStr(r.Article), deref(r.Outlet), deref(r.Lang), deref(r.Published), strconv.Itoa(r.Quotes), note)
	}
	return app.emit(records, t)
}

func idStr(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
