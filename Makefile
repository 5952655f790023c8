# Fokus — build, run and test.
#
#   make build     debug build of the library, the CLI and the example
#   make run       evaluate the bundled Kungsör sample with the bundled rules and print the ranking
#   make test      install what the tests need when missing, then run every test
#   make bench     release-build benchmarks: the national set (290 municipalities, 5 x 1.5 M events)
#                  against polars and DuckDB (installed from PyPI into .build/bench-venv), 1x/2x/4x input,
#                  2,000-sample rank stability over 290 scopes; then a 1.5-million-row events file and rank
#                  stability over 30 areas; wall time and peak memory (not part of `make test`)
#   make install   install `fokus` into $(PREFIX)/bin (PREFIX=/usr/local by default)
#   make clean     remove build products
#
# Variables: PREFIX (install prefix), BENCH_ROWS (rows in the generated benchmark file), BENCH_RUNS (paired
# runs of the national benchmark).

PREFIX ?= /usr/local
BENCH_ROWS ?= 1500000
BENCH_RUNS ?= 3
SWIFT ?= swift
SHELL = /bin/bash
APT_PACKAGES = libyaml-dev libsqlite3-dev libssl-dev pkg-config

.PHONY: build run test deps bench install clean

build: deps
	$(SWIFT) build

# Kungsör's citizen-promise focus areas 2022–2024 (area:first period:measures decided), adopted into a
# sample state database so that the report shows their follow-up.
SAMPLE_STATE = .build/kungsor-state.sqlite
SAMPLE_ADOPTIONS = ungdomsbrottslighet:2022:sspf vald_offentlig_miljo:2022:trygghetsvandringar trafik:2022:hastighet \
	ungdomsbrottslighet:2023:sspf,faltgrupp trafik:2023:hastighet,rattfylleri \
	trafik:2024:hastighet,fartdampning bedrageri:2024:seniorinfo narkotika_unga:2024:sspf,andt
FOKUS = .build/debug/fokus

run: build
	@for a in $(SAMPLE_ADOPTIONS); do \
		IFS=: read -r area from measures <<< "$$a"; \
		$(FOKUS) adopt "$$area" --from "$$from" --measures "$$measures" --note "Medborgarlöfte $$from" \
			--rules rules --state $(SAMPLE_STATE) > /dev/null || exit 1; \
	done
	$(FOKUS) evaluate --rules rules --data Samples/kungsor --state $(SAMPLE_STATE)

# System packages the build and tests need; installed only when missing (CI starts from a fresh machine).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

test: deps
	$(SWIFT) build --build-tests
	$(FOKUS) check rules
	$(FOKUS) test rules
	$(SWIFT) test --skip-build --parallel

bench: deps
	$(SWIFT) build -c release --product fokus
	@command -v /usr/bin/time >/dev/null || (apt-get update -qq && apt-get install -y -qq time)
	RUNS=$(BENCH_RUNS) Benchmarks/bench_national.sh .build/release/fokus
	@dir=$$(mktemp -d); \
	python3 Benchmarks/generate_events.py $(BENCH_ROWS) > $$dir/handelser.csv; \
	echo "events file: $$(wc -l < $$dir/handelser.csv) lines, $$(du -h $$dir/handelser.csv | cut -f1)"; \
	/usr/bin/time -f "evaluate, 1.5M events, no sampling: %e s wall, peak RSS %M KiB" \
		.build/release/fokus evaluate --rules rules --data $$dir --scope Kungsör --samples 0 > /dev/null; \
	rm -rf $$dir
	@dir=$$(mktemp -d); \
	python3 Benchmarks/generate_areas.py 30 $$dir; \
	/usr/bin/time -f "evaluate, 30 areas, no sampling: %e s wall, peak RSS %M KiB" \
		.build/release/fokus evaluate --rules $$dir/rules.yaml --data $$dir/data --samples 0 > /dev/null; \
	/usr/bin/time -f "evaluate, 30 areas, 2000 weight samples: %e s wall, peak RSS %M KiB" \
		.build/release/fokus evaluate --rules $$dir/rules.yaml --data $$dir/data --samples 2000 > /dev/null; \
	/usr/bin/time -f "evaluate, 30 areas, 20000 weight samples: %e s wall, peak RSS %M KiB" \
		.build/release/fokus evaluate --rules $$dir/rules.yaml --data $$dir/data --samples 20000 > /dev/null; \
	rm -rf $$dir

install:
	$(SWIFT) build -c release --product fokus
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/fokus $(DESTDIR)$(PREFIX)/bin/fokus

clean:
	rm -rf .build
