#!/bin/sh
# Enforces the import directions of STYLE.md: sources <- claims <- store <- cmd.
# Only store imports database/sql or go-sqlite3; only cmd imports cobra.
set -eu
mod=$(go list -m)
go list -f '{{.ImportPath}} {{join .Imports " "}}' ./... | awk -v m="$mod" '
  { pkg=$1; sub("^" m "/?", "", pkg)
    for (i = 2; i <= NF; i++) {
      if ($i == "database/sql" || $i ~ /go-sqlite3/) { if (pkg !~ /^store/) bad = bad pkg " imports " $i "\n" }
      if ($i ~ /spf13\/cobra/) { if (pkg !~ /^cmd\//) bad = bad pkg " imports " $i "\n" }
      if (index($i, m "/") == 1) { dep = substr($i, length(m) + 2)
        if (pkg ~ /^sources/ && dep !~ /^sources/) bad = bad pkg " imports " dep "\n"
        if (pkg ~ /^claims/ && dep ~ /^(store|cmd|report)/) bad = bad pkg " imports " dep "\n"
        if (pkg ~ /^store/ && dep ~ /^cmd/) bad = bad pkg " imports " dep "\n" } } }
  END { if (bad != "") { printf "import directions broken (see STYLE.md):\n%s", bad; exit 1 } }'
