# claimtrail — build, test, demo, evaluation and benchmarks.
# go-sqlite3 is built with FTS5: the tag must be on every go command, or the
# database fails at run time with "no such module: fts5".
GO      ?= go
export GOFLAGS := -tags=sqlite_fts5 -buildvcs=false
export CGO_ENABLED := 1
CORPUS  ?= ../shared/corpus
BIN     := bin/claimtrail
DEMO_DB ?= $(CURDIR)/bin/demo.db

.PHONY: all build test vet lint deps demo eval bench fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/claimtrail

vet:
	$(GO) vet ./...

test: vet deps
	$(GO) test -count=1 -timeout 14m ./...

# lint: formatting, vet and the import directions of STYLE.md.
lint: vet deps
	@out=$$(gofmt -l $$(git ls-files '*.go') 2>/dev/null); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

deps:
	@sh scripts/checkdeps.sh

demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo "== ingest the sample articles (testdata/articles)"
	$(BIN) --db $(DEMO_DB) ingest testdata/articles
	@echo; echo "== sources"
	$(BIN) --db $(DEMO_DB) sources
	@echo; echo "== quotes by Lavrov"
	$(BIN) --db $(DEMO_DB) quotes --speaker Lavrov
	@echo; echo "== conflicts"
	$(BIN) --db $(DEMO_DB) conflicts --include-updates
	@echo; echo "== agreements"
	$(BIN) --db $(DEMO_DB) agreements
	@echo; echo "== report"
	$(BIN) --db $(DEMO_DB) report --format html -o bin/report.html
	@echo "The HTML report is at bin/report.html (open it in a browser)."

# eval: quality against the hand-written gold in testdata/gold. Corpus
# articles are read from $(CORPUS); they are skipped, with a message, when absent.
eval: build
	$(BIN) eval --corpus $(CORPUS) testdata/gold

bench: build
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./claims ./sources
	CORPUS=$(abspath $(CORPUS)) $(GO) run ./scripts/bench

fuzz:
	sh scripts/fuzz.sh $(FUZZTIME)

clean:
	rm -rf bin
