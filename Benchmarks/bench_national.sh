#!/usr/bin/env bash
# The national benchmark (`make bench`): Fokus against polars and DuckDB on the same generated data.
#
#   Benchmarks/bench_national.sh FOKUS_BINARY
#
# Environment: RUNS (paired runs, default 3), BENCH_DIR (where the data is generated and kept,
# default .build/bench-national), SEED (generator seed, default 2026), ROWS_PER_YEAR (default 1500000).
#
# Each run times, back to back and in this order, `fokus evaluate --all-scopes` (all 290
# municipalities), the polars script, the DuckDB script and `fokus evaluate --scope Kungsör`, so that
# every run compares the tools under the same load; the figures are printed as ranges over the runs,
# with the ratios of each run. The three tools' scores and ranks are cross-checked for equality.
set -euo pipefail
FOKUS=${1:?give the fokus binary}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-.build/bench-national}
SEED=${SEED:-2026}
ROWS=${ROWS_PER_YEAR:-1500000}
VENV=.build/bench-venv
PY=$VENV/bin/python

if ! "$PY" -c "import polars, duckdb, yaml" 2>/dev/null; then
    echo "Installing polars, duckdb and pyyaml from PyPI into $VENV"
    python3 -m venv "$VENV" 2>/dev/null || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
        python3 -m venv "$VENV"
    }
    "$VENV/bin/pip" install -q polars duckdb pyyaml
fi
"$PY" -c "import polars, duckdb; print(f'polars {polars.__version__}, duckdb {duckdb.__version__}')"

if [ ! -f "$DIR/1x/data/handelser.csv" ] || [ "$(cat "$DIR/seed" 2>/dev/null)" != "$SEED $ROWS" ]; then
    rm -rf "$DIR"
    mkdir -p "$DIR"
    echo "Generating the national data (seed $SEED, $ROWS events a year)"
    python3 Benchmarks/generate_national.py --seed "$SEED" --out "$DIR/1x" --rows-per-year "$ROWS"
    # 2x and 4x: the same events file hard-linked under more names (every event counts 2 or 4 times).
    for n in 2 4; do
        mkdir -p "$DIR/${n}x/data"
        cp "$DIR/1x/rules.yaml" "$DIR/${n}x/"
        cp "$DIR/1x/data/trygghetsundersokning.csv" "$DIR/1x/data/resurser.csv" "$DIR/${n}x/data/"
        for i in $(seq 1 $n); do ln "$DIR/1x/data/handelser.csv" "$DIR/${n}x/data/handelser-$i.csv"; done
    done
    echo "$SEED $ROWS" > "$DIR/seed"
fi
RULES=$DIR/1x/rules.yaml
DATA=$DIR/1x/data
echo "data: $(($(wc -l < "$DATA/handelser.csv") - 1)) event rows, $(du -h "$DATA/handelser.csv" | cut -f1); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# time LABEL COMMAND… : runs the command with its output in $DIR/out-LABEL.csv, appends "wall rss_kib user_s" to
# $DIR/t-LABEL.
measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M %U" -o "$DIR/t1" "$@" > "$DIR/out-$label.csv"
    cat "$DIR/t1" >> "$DIR/t-$label"
}
rm -f "$DIR"/t-*
for run in $(seq 1 "$RUNS"); do
    measure fokus-all "$FOKUS" evaluate --rules "$RULES" --data "$DATA" --all-scopes --samples 0 --format csv
    measure polars "$PY" Benchmarks/peers/national_polars.py "$RULES" "$DATA"
    measure duckdb "$PY" Benchmarks/peers/national_duckdb.py "$RULES" "$DATA"
    measure fokus-one "$FOKUS" evaluate --rules "$RULES" --data "$DATA" --scope Kungsör --samples 0 --format csv
    echo "run $run (load $(cut -d' ' -f1-3 /proc/loadavg)): fokus all $(cut -d' ' -f1 <(tail -1 "$DIR/t-fokus-all")) s, polars $(cut -d' ' -f1 <(tail -1 "$DIR/t-polars")) s, duckdb $(cut -d' ' -f1 <(tail -1 "$DIR/t-duckdb")) s, fokus one $(cut -d' ' -f1 <(tail -1 "$DIR/t-fokus-one")) s"
done
python3 Benchmarks/peers/compare_scores.py "$DIR/out-fokus-all.csv" "$DIR/out-polars.csv" "$DIR/out-duckdb.csv"

python3 - "$DIR" <<'EOF'
import sys
d = sys.argv[1]
def runs(label):
    return [tuple(map(float, line.split())) for line in open(f"{d}/t-{label}") if line.strip()]
def rng(values, unit, digits=2):
    lo, hi = min(values), max(values)
    return f"{lo:.{digits}f}" + (f"–{hi:.{digits}f}" if f"{hi:.{digits}f}" != f"{lo:.{digits}f}" else "") + unit
t = {k: runs(k) for k in ("fokus-all", "polars", "duckdb", "fokus-one")}
for k, v in t.items():
    print(f"{k:10} wall {rng([r[0] for r in v], ' s')}, peak RSS {rng([r[1] / 1024 for r in v], ' MiB', 0)}, "
          f"user CPU {rng([r[2] for r in v], ' s')}")
faster = [min(p[0], q[0]) for p, q in zip(t["polars"], t["duckdb"])]
print("ratio all 290 municipalities / faster peer, per run:",
      ", ".join(f"{a[0] / f:.2f}" for a, f in zip(t["fokus-all"], faster)), "(target at most 0.5)")
print("ratio one municipality / faster peer's all, per run:",
      ", ".join(f"{a[0] / f:.2f}" for a, f in zip(t["fokus-one"], faster)), "(target at most 0.5)")
print("peak RSS fokus all / faster-peer RSS:",
      ", ".join(f"{a[1] / min(p[1], q[1]):.2f}" for a, p, q in zip(t["fokus-all"], t["polars"], t["duckdb"])))
EOF

echo "memory as the input grows (all 290 municipalities, no sampling):"
for n in 1 2 4; do
    /usr/bin/time -f "  ${n}x input: %e s wall, %U s user, peak RSS %M KiB (load $(cut -d' ' -f1 /proc/loadavg))" "$FOKUS" evaluate --rules "$RULES" \
        --data "$DIR/${n}x/data" --all-scopes --samples 0 --format csv > /dev/null
done

echo "rank stability, 2000 weight samples, 290 municipalities x 20 areas (load included; compare the no-sampling run):"
/usr/bin/time -f "  --samples 2000: %e s wall, %U s user, peak RSS %M KiB" "$FOKUS" evaluate --rules "$RULES" \
    --data "$DATA" --all-scopes --samples 2000 --format csv > /dev/null
/usr/bin/time -f "  --samples 0:    %e s wall, %U s user, peak RSS %M KiB" "$FOKUS" evaluate --rules "$RULES" \
    --data "$DATA" --all-scopes --samples 0 --format csv > /dev/null
