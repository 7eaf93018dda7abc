// Command claimtrail tracks claims and their sources across news articles:
// who said what, through which medium, where sources agree or conflict, and
// how a statement travelled. See README.md and `claimtrail --help`.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/claimtrail/claimtrail/store"
)

// App holds what every command needs: I/O, the clock and the database.
// It is built once in main; there are no package-level globals.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Getenv         func(string) string
	// StdoutTTY and StderrTTY say whether the streams are terminals
	// (alignment on stdout; progress on stderr).
	StdoutTTY, StderrTTY bool

	DBPath string // --db
	Format string // --format
	Quiet  bool   // --quiet

	db *store.Store
}

// exitError carries an exit code other than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// usageErr marks a usage mistake (exit 2).
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// hintError adds a "Try:" line under the message.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

func withHint(err error, hint string) error { return &hintError{err: err, hint: hint} }

// errReported means the details were already printed (per-file refusals);
// only the exit code remains.
var errReported = errors.New("some input was refused")

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func main() {
	app := &App{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Now: time.Now, Getenv: os.Getenv,
		StdoutTTY: isTerminal(os.Stdout), StderrTTY: isTerminal(os.Stderr),
	}
	os.Exit(app.runProfiled(os.Args[1:]))
}

// runProfiled runs the command line, writing a CPU profile to the file
// named by $CLAIMTRAIL_CPUPROFILE when set (for `go tool pprof`).
func (app *App) runProfiled(args []string) int {
	path := app.Getenv("CLAIMTRAIL_CPUPROFILE")
	if path == "" {
		return app.Run(args)
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(app.Stderr, "claimtrail: %s: %v\n", path, err)
		return 1
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(app.Stderr, "claimtrail: %s: %v\n", path, err)
		return 1
	}
	defer pprof.StopCPUProfile()
	return app.Run(args)
}

// Run executes the command line and returns the exit code (SPEC.md: 0 ok,
// 1 failure, 2 usage, 3 conflicts with --exit-code).
func (app *App) Run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer app.closeDB()
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetIn(app.Stdin)
	root.SetOut(app.Stdout)
	root.SetErr(app.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	code := 1
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	} else if isCobraUsage(err) {
		code = 2
	}
	if errors.Is(err, errReported) {
		return code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintf(app.Stderr, "claimtrail: %s\n", msg)
	}
	var he *hintError
	if errors.As(err, &he) {
		fmt.Fprintf(app.Stderr, "Try: %s\n", he.hint)
	} else if code == 2 {
		fmt.Fprintln(app.Stderr, "Try: claimtrail --help")
	}
	return code
}

// isCobraUsage recognises Cobra's own argument and flag errors, which it
// returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "required flag", "if any flags in the group"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// dbPath resolves --db, $CLAIMTRAIL_DB, then $XDG_DATA_HOME/claimtrail/claimtrail.db
// (~/.local/share when XDG_DATA_HOME is unset).
func (app *App) dbPath() (string, error) {
	if app.DBPath != "" {
		return app.DBPath, nil
	}
	if p := app.Getenv("CLAIMTRAIL_DB"); p != "" {
		return p, nil
	}
	data := app.Getenv("XDG_DATA_HOME")
	if data == "" {
		home := app.Getenv("HOME")
		if home == "" {
			return "", withHint(errors.New("no database: HOME is not set"), "claimtrail --db FILE ...")
		}
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "claimtrail", "claimtrail.db"), nil
}

// openDB opens the database on first use.
func (app *App) openDB(ctx context.Context) (*store.Store, error) {
	if app.db != nil {
		return app.db, nil
	}
	p, err := app.dbPath()
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	app.db = s
	return s, nil
}

func (app *App) closeDB() {
	if app.db != nil {
		app.db.Close()
		app.db = nil
	}
}
