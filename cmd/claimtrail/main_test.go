package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript scripts run "claimtrail" in-process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"claimtrail": func() {
			app := &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
				Now: fixedNow, Getenv: os.Getenv}
			os.Exit(app.Run(os.Args[1:]))
		},
	})
}

// fixedNow is the clock of end-to-end tests, unless CLAIMTRAIL_NOW is set.
func fixedNow() time.Time {
	if s := os.Getenv("CLAIMTRAIL_NOW"); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t
		}
	}
	return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
}

// TestScripts runs the end-to-end scripts in testdata/script. $ARTICLES is
// the folder of sample articles (testdata/articles at the repo root).
func TestScripts(t *testing.T) {
	articles, err := filepath.Abs(filepath.Join("..", "..", "testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("ARTICLES", articles)
			e.Setenv("CLAIMTRAIL_DB", filepath.Join(e.WorkDir, "ct.db"))
			e.Setenv("XDG_DATA_HOME", filepath.Join(e.WorkDir, "xdg"))
			return nil
		},
	})
}
