# usagedash: `make run` opens the app on the sample platform, `make test`
# runs every test. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

BIN        := $(CURDIR)/.bin
WAILS      := $(BIN)/wails
SAMPLE     := $(BIN)/usagedash-sample
APP        := build/bin/usagedash
STATICCHECK := $(BIN)/staticcheck
GO_TAGS    := webkit2_41
VERSION    ?= $(shell bash build/version.sh 2>/dev/null || echo dev)
LDFLAGS    := -X main.version=$(VERSION)
STAMPS     := .stamps
APT_PACKAGES := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config gcc xvfb dbus dbus-x11 libglib2.0-bin systemd xdotool imagemagick haskell-gtk-sni-tray-utils nsis file gnome-keyring libsecret-tools
export PATH := $(BIN):$(PATH)

.PHONY: help deps run test fuzz build build-e2e sample bindings check-bindings lint test-go test-frontend test-e2e dist test-dist bench bench-scale bench-quick bench-idle bench-startup clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

deps: $(STAMPS)/apt $(WAILS) $(STAMPS)/npm ## install system packages, the Wails CLI and npm packages

$(STAMPS)/apt: build/apt-deps.sh Makefile
	@bash build/apt-deps.sh $(APT_PACKAGES)
	@mkdir -p $(STAMPS) && touch $@

$(WAILS): build/tools/go.mod build/tools/go.sum
	cd build/tools && go build -o $(WAILS) github.com/wailsapp/wails/v2/cmd/wails

$(STAMPS)/npm: frontend/package.json frontend/package-lock.json
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) {console.error("usagedash needs Node.js >= 20.19 (found "+process.version+")"); process.exit(1)}'
	cd frontend && npm ci --no-audit --no-fund
	@mkdir -p $(STAMPS) && touch $@

bindings: deps ## regenerate frontend/wailsjs from the Go services
	$(WAILS) generate module

# Wails writes the bound enums of models.ts in map order, which changes from
# run to run: a models.ts with the same lines in another order is not stale.
check-bindings: bindings ## fail if the committed frontend/wailsjs is stale
	@m=frontend/wailsjs/go/models.ts; \
	if ! git diff --quiet -- $$m && cmp -s <(git show HEAD:$$m | sort) <(sort $$m); then git checkout -- $$m; fi; \
	stale=$$(git -c core.fileMode=false diff --name-only -- frontend/wailsjs; git ls-files --others --exclude-standard -- frontend/wailsjs); \
	if [ -n "$$stale" ]; then echo "$$stale"; echo "frontend/wailsjs is stale: run 'make bindings' and commit it"; exit 1; fi

build: deps bindings ## build the release binary at build/bin/usagedash
	cd frontend && npm run build
	$(WAILS) build -s -skipbindings -trimpath -tags $(GO_TAGS) -ldflags "$(LDFLAGS)"

build-e2e: build ## the app with the e2e test hooks (the render probe) at build/bin/usagedash-e2e
	$(WAILS) build -s -skipbindings -trimpath -tags "$(GO_TAGS),e2e" -ldflags "$(LDFLAGS)" -o usagedash-e2e

dist: build ## release artefacts in dist/: .deb, Linux tarball, Windows .exe (and installer)
	bash build/dist.sh "$(VERSION)" $(WAILS)

test-dist: dist ## install the .deb on this machine and open the installed app under Xvfb
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends --reinstall --allow-downgrades ./dist/usagedash_*_amd64.deb >/dev/null
	file dist/usagedash-*-windows-amd64.exe | grep -q 'PE32+ executable (GUI) x86-64'
	go test -tags e2e,installed,$(GO_TAGS) -count=1 -v -run TestInstalled ./build/e2e/

$(SAMPLE): $(shell find backend -name '*.go') go.mod go.sum
	go build -o $(SAMPLE) ./backend/sample/cmd/usagedash-sample

sample: $(SAMPLE) ## run the sample platform alone (prints its MongoDB URI and demo account)
	$(SAMPLE)

run: build $(SAMPLE) ## open the app on the sample platform
	@bash build/run-sample.sh $(SAMPLE) $(APP)

$(STATICCHECK):
	GOBIN=$(BIN) go install honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint: deps $(STATICCHECK) ## gofmt, go vet, staticcheck, tsc
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	go vet -tags $(GO_TAGS) ./...
	$(STATICCHECK) -tags $(GO_TAGS) ./...
	cd frontend && npm run typecheck && npm run lint

test-go: deps ## Go unit and integration tests (race detector on)
	go test -race -tags $(GO_TAGS) ./...

test-frontend: deps ## Vitest
	cd frontend && npm test

test-e2e: build-e2e ## the real window under Xvfb against the sample platform
	go test -tags e2e,$(GO_TAGS) -count=1 -v ./build/e2e/

test: check-bindings lint test-go fuzz test-frontend test-e2e test-dist ## every test
	@echo "make test: all passed"

bench: ## in-memory benchmarks (aggregation, history store)
	go test -run '^$$' -bench . -benchmem ./backend/...

bench-scale: ## FerretDB benchmark at 10k/100k/1M logs (~45 min; datasets kept in $$TMPDIR/usagedash-bench)
	bash bench/run.sh

bench-quick: ## the same without 1M (~6 min)
	LOGS=10000,100000 bash bench/run.sh

bench-idle: build $(SAMPLE) ## CPU time and memory idling in the tray for 10 minutes
	bash bench/idle.sh 600

bench-startup: build-e2e $(SAMPLE) ## start-up time and memory against an empty Wails window (~30 min; writes bench/RESULTS.md)
	go run ./bench/startup -app build/bin/usagedash-e2e -sample $(SAMPLE) $(BENCH_ARGS)

clean: ## remove build outputs
	rm -rf build/bin dist frontend/dist $(BIN) $(STAMPS) build/e2e/out

bench-claudecode: ## time ccusage against usagedash on a generated 1 GB Claude Code corpus (MB=100 for a quick run)
	bash bench/claudecode/run.sh

FUZZTIME ?= 15s
# Every Go fuzz target (a func FuzzXxx(f *testing.F) in a _test.go file),
# one `go test -fuzz` per target as Go requires; a crasher fails the run and
# is kept in the package's testdata/fuzz for `go test` to replay.
fuzz: deps ## run every Go fuzz target for FUZZTIME (15s) each
	@set -e; grep -rlE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' backend app | sort | \
	while read -r file; do \
		for target in $$(grep -oE '^func Fuzz[A-Za-z0-9_]+' "$$file" | cut -d' ' -f2); do \
			echo "fuzz: $$target in ./$$(dirname $$file) for $(FUZZTIME)"; \
			nice go test -tags $(GO_TAGS) -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) ./$$(dirname $$file)/ || exit 1; \
		done; \
	done
