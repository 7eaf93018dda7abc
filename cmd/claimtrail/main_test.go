package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

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
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"sparse":  cmdSparse,
			"repeat":  cmdRepeat,
			"utf16le": cmdUTF16LE,
		},
	})
}

// cmdSparse makes a file of the given size without writing its bytes:
// sparse NAME BYTES.
func cmdSparse(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sparse NAME BYTES")
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(n))
	ts.Check(f.Close())
}

// cmdRepeat writes a header line followed by a piece repeated N times:
// repeat NAME N HEADER PIECE (\n in the arguments is a newline).
func cmdRepeat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: repeat NAME N HEADER PIECE")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	unq := func(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
	body := unq(args[2]) + strings.Repeat(unq(args[3]), n)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(body), 0o644))
}

// cmdUTF16LE re-encodes a UTF-8 file as UTF-16LE with a byte order mark:
// utf16le FROM TO.
func cmdUTF16LE(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: utf16le FROM TO")
	}
	src := ts.ReadFile(args[0])
	units := utf16.Encode([]rune(src))
	out := []byte{0xFF, 0xFE}
	for _, u := range units {
		out = append(out, byte(u), byte(u>>8))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
}
