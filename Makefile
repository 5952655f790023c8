# Fokus — build, run and test.
#
#   make build     debug build of the library, the CLI and the example
#   make run       evaluate the bundled Kungsör sample with the bundled rules and print the ranking
#   make test      install what the tests need when missing, then run every test
#   make bench     release-build benchmark: a generated 1.5-million-row events file, time and peak memory
#   make install   install `fokus` into $(PREFIX)/bin (PREFIX=/usr/local by default)
#   make clean     remove build products
#
# Variables: PREFIX (install prefix), BENCH_ROWS (rows in the generated benchmark file).

PREFIX ?= /usr/local
BENCH_ROWS ?= 1500000
SWIFT ?= swift
APT_PACKAGES = libyaml-dev libsqlite3-dev pkg-config

.PHONY: build run test deps bench install clean

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run --skip-build fokus evaluate --rules rules --data Samples/kungsor

# System packages the build and tests need; installed only when missing (CI starts from a fresh machine).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel
	$(SWIFT) run --skip-build fokus check rules

bench: deps
	$(SWIFT) build -c release --product fokus
	@command -v /usr/bin/time >/dev/null || (apt-get update -qq && apt-get install -y -qq time)
	@dir=$$(mktemp -d); \
	python3 Benchmarks/generate_events.py $(BENCH_ROWS) > $$dir/handelser.csv; \
	echo "events file: $$(wc -l < $$dir/handelser.csv) lines, $$(du -h $$dir/handelser.csv | cut -f1)"; \
	/usr/bin/time -f "evaluate: %e s wall, peak RSS %M KiB" .build/release/fokus evaluate --rules rules --data $$dir --scope Kungsör > /dev/null; \
	rm -rf $$dir

install:
	$(SWIFT) build -c release --product fokus
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/fokus $(DESTDIR)$(PREFIX)/bin/fokus

clean:
	rm -rf .build
