# Lanyard: `make run` opens the app on the demo blog; `make test` runs the whole suite.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CARGO ?= cargo

.PHONY: deps run test test-core lint-core fidelity test-corpus test-ui test-e2e ui-build bundle

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

test: test-core
