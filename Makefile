# Lanyard: `make run` opens the app on the demo blog; `make test` runs the whole suite.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CARGO ?= cargo

.PHONY: deps run test test-core lint-core fidelity test-corpus fuzz fuzz-fm test-ui test-e2e ui-build bundle crash-test

## Install missing Debian packages, tauri-driver and the UI's npm packages (idempotent).
deps:
	@scripts/deps.sh

## The core: unit and integration tests, clippy, fmt, and no Tauri/webview in its tree.
test-core: deps
	$(CARGO) fmt --all --check
	$(CARGO) clippy -p lanyard --all-targets -- -D warnings
	@if $(CARGO) tree -p lanyard -e normal,build --prefix none | grep -Ei '^(tauri|wry|webkit2gtk|tao)[ -]'; then \
	  echo "the core crate must not depend on Tauri or a webview"; exit 1; fi
	$(CARGO) test -p lanyard
	$(MAKE) --no-print-directory fidelity

## Real Jekyll (Debian's jekyll 4.3) builds our fixture blog; `lanyard render` must match it
## on every post: hrefs, heading ids, and visible text. `render --page` and `sass` must match
## the whole pages and the CSS Jekyll writes for a blog on the minima gem theme. With
## $LANYARD_CORPUS set (CI), every real blog there must meet issue 16's bar (see the script).
fidelity: deps
	$(CARGO) build -p lanyard --bin lanyard
	python3 scripts/test_jekyll_fidelity.py
	python3 scripts/jekyll_fidelity.py tests/fixtures/fidelity-blog --lanyard target/debug/lanyard --min 1.0
	python3 scripts/jekyll_fidelity.py tests/fixtures/fidelity-lineno-blog --lanyard target/debug/lanyard --min 1.0
	python3 scripts/jekyll_fidelity.py assets/demo-blog --lanyard target/debug/lanyard --min 1.0
	python3 scripts/theme_fidelity.py tests/fixtures/minima-blog --lanyard target/debug/lanyard --min 1.0 --sass assets/main.scss --page index.html
	@if [ -n "$$LANYARD_CORPUS" ]; then \
	  python3 scripts/theme_fidelity.py "$$LANYARD_CORPUS/ludovicalarcon__ludovicalarcon.fr.github.io" \
	    --lanyard target/debug/lanyard --min 1.0 --sass assets/css/style.scss --page index.html && \
	  python3 scripts/jekyll_fidelity.py --corpus "$$LANYARD_CORPUS" --lanyard target/debug/lanyard --jobs 2; fi

## The real-blog corpus alone: every post renders and `lanyard check` finds no error.
test-corpus:
	LANYARD_CORPUS="$${LANYARD_CORPUS:-$(abspath $(CURDIR)/../shared/data/blogs)}" $(CARGO) test -p lanyard --test corpus --test fm_corpus -- --nocapture

## Fuzz front matter splitting and editing (not part of `make test`): FUZZ_SECONDS=300 by default.
## cargo-fuzz on the stable toolchain: no sanitizer, RUSTC_BOOTSTRAP for its -Z flags.
fuzz-fm:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	cd fuzz && RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run split_edit -s none -- -max_total_time=$${FUZZ_SECONDS:-300}

## Every fuzz target in turn (render, the YAML reader, front matter editing), FUZZ_SECONDS each
## (300 by default), under a 2 GiB memory cap: an abort or a hang past 30 s is a crash.
## Not part of `make test`; crashes go to fuzz/artifacts/TARGET/ and become cases of
## tests/hostile_budgets.rs.
fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	cd fuzz && for target in render yaml split_edit; do \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $$target -s none -- \
	    -max_total_time=$${FUZZ_SECONDS:-300} -rss_limit_mb=2048 -timeout=30 || exit 1; \
	done

## The web UI, built by Vite into ui/dist (tauri.conf.json's frontendDist).
ui-build: deps
	cd ui && npm run build

## Builds the UI and the desktop app and opens it (DIR=... to open another blog). A release build:
## the debug build lags typing several frames (BENCHMARKS.md), and a newcomer should feel the real speed.
## The first build takes about 7 minutes on 2 idle cores (README: why not a dev profile with
## optimised dependencies); later ones rebuild only what changed.
run: ui-build
	$(CARGO) run --release -p lanyard-desktop --features tauri/custom-protocol -- $(DIR)

## The UI and the shell: Vitest, svelte-check, tsc, the desktop crate's clippy and tests.
test-ui: ui-build
	cd ui && npx vitest run
	cd ui && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
	cd ui && npx tsc --noEmit -p tsconfig.json
	$(CARGO) clippy -p lanyard-desktop --all-targets --no-deps -- -D warnings
	$(CARGO) test -p lanyard-desktop

## End-to-end tests of the real window: debug binary, tauri-driver + WebKitWebDriver under Xvfb.
test-e2e: ui-build
	$(CARGO) build -p lanyard-desktop
	cd tests/e2e && xvfb-run -a -s "-screen 0 1400x900x24" node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout *.test.mjs
	LANYARD_DESKTOP_BIN=$${LANYARD_DESKTOP_BIN:-$${CARGO_TARGET_DIR:-target}/debug/lanyard-desktop} scripts/crash-test.sh 3

## The crash test (N=100 for BENCHMARKS.md): type into the real app, kill -9, restart, count lost words.
crash-test: ui-build
	$(CARGO) build -p lanyard-desktop
	LANYARD_DESKTOP_BIN=$${LANYARD_DESKTOP_BIN:-$${CARGO_TARGET_DIR:-target}/debug/lanyard-desktop} scripts/crash-test.sh $${N:-3}

## A .deb of the desktop app (release build), with the Tauri CLI from ui's npm packages.
bundle: ui-build
	TAURI_APP_PATH=src-tauri ui/node_modules/.bin/tauri build --bundles deb

test: test-core test-ui test-e2e
