#!/bin/sh
# Runs every fuzz target of the module for FUZZTIME each (default 1m).
# `go test` (make test) already replays the seed corpora under testdata/fuzz;
# this script searches for new crashers. A crasher is written by Go under the
# package's testdata/fuzz/FuzzName/ — keep it as a regression case.
set -eu
t=${1:-1m}
export GOFLAGS="-tags=sqlite_fts5 -buildvcs=false"
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "== $pkg $f ($t)"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" "$pkg"
  done
done
