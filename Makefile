# Fokus — build, run and test.
#
#   make build     debug build of the library, the CLI and the example
#   make run       evaluate the bundled Kungsör sample with the bundled rules, print the report and write
#                  out/report.html and out/report.xlsx
#   make test      install what the tests need when missing, then run every test
#   make bench     release-build benchmarks: the national set (290 municipalities, 5 x 1.5 M events) against
#                  polars and DuckDB (installed from PyPI into .build/bench-venv), 1x/2x/4x input, 2,000-sample
#                  rank stability over 290 scopes; then a 1.5-million-row events file and rank stability over
#                  30 areas; wall time and peak memory; then the daemon's latency from a new municipality-sized
#                  file to its report.json with the Kungsör sample alone and with 1.5 M and 6 M events
#                  ingested before (not part of `make test`)
#   make fuzz      build the libFuzzer target (with address sanitizer) and fuzz the rule loader, the `when:` parser,
#                  the CSV reader and the events JSON reader for FUZZ_SECONDS each (not part of `make test`);
#                  corpora grow in .build-fuzz/corpus/, crashes land in .build-fuzz/crashes/
#   make lint      check the formatting of Sources, Tests, Examples and Package.swift against .swift-format
#                  (`swift format`, part of the toolchain; not part of `make test` yet)
#   make install   install `fokus` into $(PREFIX)/bin (PREFIX=/usr/local by default)
#   make clean     remove build products
#
# Variables: PREFIX (install prefix), BENCH_ROWS (rows in the generated benchmark file), FUZZ_SECONDS (time per
# fuzz target, default 150), FUZZ_TARGETS (default: rules when csv events), BENCH_RUNS (paired runs of the
# national benchmark), BENCH_DROPS (files dropped per daemon latency setup, default 15).

PREFIX ?= /usr/local
FUZZ_SECONDS ?= 150
FUZZ_TARGETS ?= rules when csv events
BENCH_ROWS ?= 1500000
BENCH_RUNS ?= 3
BENCH_DROPS ?= 15
SWIFT ?= swift
SHELL = /bin/bash
APT_PACKAGES = libyaml-dev libsqlite3-dev libcurl4-openssl-dev openssl libssl-dev libxlsxwriter-dev pkg-config
# What only the tests need: a browser to render and print the HTML report, poppler-utils (pdfinfo, pdftotext) to
# read the printed PDF back, Python modules to read the page and the workbook back.
TEST_APT_PACKAGES = chromium poppler-utils python3-pip e2fsprogs iproute2
TEST_PIP_MODULES = html5lib openpyxl

.PHONY: build run test deps test-deps bench fuzz lint install clean

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
	@mkdir -p out
	$(FOKUS) evaluate --rules rules --data Samples/kungsor --state $(SAMPLE_STATE) --format html --output out/report.html
	$(FOKUS) evaluate --rules rules --data Samples/kungsor --state $(SAMPLE_STATE) --format xlsx --output out/report.xlsx
	@echo "wrote out/report.html and out/report.xlsx"

# System packages the build and tests need; installed only when missing (CI starts from a fresh machine).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import aiosmtpd" 2>/dev/null || { echo "Installing: aiosmtpd (the SMTP server of the daemon tests)"; \
		python3 -m pip install -q aiosmtpd; }

# What the tests need besides the build: Chromium, poppler-utils, html5lib and openpyxl; installed only when missing.
test-deps: deps
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@for m in $(TEST_PIP_MODULES); do \
		python3 -c "import $$m" 2>/dev/null || python3 -m pip install -q $$m 2>/dev/null \
			|| python3 -m pip install -q --break-system-packages $$m; \
	done

test: test-deps
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
	python3 Benchmarks/daemon_latency.py .build/release/fokus --events 0 1500000 6000000 --drops $(BENCH_DROPS) --restart

# libFuzzer needs a target without `main` (it brings its own), declared only when FOKUS_FUZZ is set; the
# separate scratch path keeps the sanitized build apart from the normal one. SWIFT_BACKTRACE=enable=no lets
# libFuzzer see crashes (and write them to .build-fuzz/crashes/TARGET/).
FUZZ_BIN = .build-fuzz/debug/FokusFuzz
fuzz: deps
	FOKUS_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product FokusFuzz \
		--sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$t .build-fuzz/crashes/$$t; \
		echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
		FOKUS_FUZZ_TARGET=$$t SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) .build-fuzz/corpus/$$t Fuzz/seeds/$$t \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
			-print_final_stats=1 -artifact_prefix=.build-fuzz/crashes/$$t/ 2>&1 \
			| grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Test unit written" ; \
	done

# The style is .swift-format's (4 spaces, 120 columns, the code's own choices); `swift format format --in-place
# --recursive Sources Tests Examples Package.swift` applies it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Examples Fuzz Package.swift

install:
	$(SWIFT) build -c release --product fokus
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/fokus $(DESTDIR)$(PREFIX)/bin/fokus

clean:
	rm -rf .build
