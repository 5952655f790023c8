#!/usr/bin/env python3
"""Measures the daemon's latency from a completed data file to its report.

Usage: daemon_latency.py FOKUS_BINARY [--events N ...] [--drops 15] [--samples S]

For each amount of generated events (0 = the Kungsör sample alone), a temporary folder gets the
bundled rules, the Kungsör sample and N events (generate_events.py, in files of at most 1.5 M rows),
and the daemon is started on it with `quiet_ms: 0`. Once its first report is written, a
municipality-sized file (Kungsör's crime counts with one figure changed, so that every report
differs) is written beside the data folder and renamed into place, DROPS times; each time the clock
runs from just after the rename until the daemon has renamed the new report.json into place (seen
through inotify, so the measuring costs the daemon no CPU). Prints the median and range per setup,
the load average, and how long the first evaluation took (everything read, or nothing when the
state database already had it).
"""
import argparse
import ctypes
import os
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IN_MOVED_TO = 0x00000080
IN_CLOSE_WRITE = 0x00000008
ROWS_PER_FILE = 1_500_000


class Inotify:
    """A minimal inotify watch on one folder (Linux), blocking reads with a timeout."""

    def __init__(self, folder):
        self.libc = ctypes.CDLL("libc.so.6", use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if self.libc.inotify_add_watch(self.fd, folder.encode(), IN_MOVED_TO | IN_CLOSE_WRITE) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")

    def wait_for(self, name, timeout):
        """Returns the monotonic time at which `name` was renamed into place (or closed after writing)."""
        import select

        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{name} was not written within {timeout} s")
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            now = time.monotonic()
            data = os.read(self.fd, 65536)
            offset = 0
            while offset < len(data):
                _, _, _, length = struct.unpack_from("iIII", data, offset)
                entry = data[offset + 16: offset + 16 + length].split(b"\0", 1)[0].decode()
                offset += 16 + length
                if entry == name:
                    return now


def write_config(root, samples):
    rules = os.path.join(root, "rules")
    shutil.copytree(os.path.join(ROOT, "rules"), rules, ignore=shutil.ignore_patterns("tests"))
    if samples is not None:
        path = os.path.join(rules, "00-installningar.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("samples: 2000", f"samples: {samples}"))
    with open(os.path.join(root, "fokus.yaml"), "w", encoding="utf-8") as f:
        f.write(
            "rules: rules/\ndata: data/\noutput: out/\nstate: var/fokus.sqlite\nlang: sv\nscope: Kungsör\n"
            "watch: { quiet_ms: 0 }\nnotify: { on: never }\n"
        )


def make_data(root, events):
    data = os.path.join(root, "data")
    shutil.copytree(os.path.join(ROOT, "Samples", "kungsor"), data)
    left = events
    index = 0
    while left > 0:
        rows = min(left, ROWS_PER_FILE)
        with open(os.path.join(data, f"handelser-{index:02d}.csv"), "w", encoding="utf-8") as out:
            subprocess.run(
                [sys.executable, os.path.join(ROOT, "Benchmarks", "generate_events.py"), str(rows)],
                stdout=out, check=True,
            )
        left -= rows
        index += 1
    return data


def municipality_file(drop):
    """Kungsör's crime counts with one figure raised by the drop's number: a new report each time."""
    with open(os.path.join(ROOT, "Samples", "kungsor", "brottsstatistik.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    header, rows = lines[0], lines[1:]
    fields = rows[-1].split(";")
    fields[-1] = str(int(fields[-1]) + drop + 1)
    return "\n".join([header] + rows[:-1] + [";".join(fields)]) + "\n"


def measure(binary, events, drops, samples, restart):
    root = tempfile.mkdtemp(prefix="fokus-latency-")
    try:
        write_config(root, samples)
        data = make_data(root, events)
        out = os.path.join(root, "out")
        os.makedirs(out)
        size = sum(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data))
        watch = Inotify(out)
        log = open(os.path.join(root, "daemon.log"), "w")

        def start():
            started = time.monotonic()
            process = subprocess.Popen(
                [binary, "daemon", "--config", os.path.join(root, "fokus.yaml")], stdout=log, stderr=log
            )
            watch.wait_for("report.json", 600)
            return process, time.monotonic() - started

        process, first = start()
        reread = None
        if restart:
            # A restart with nothing changed: the report is the same, so none is written; the time to
            # "ready" is what the first evaluation costs when every file comes from the state database.
            process.send_signal(signal.SIGTERM)
            process.wait(60)
            with open(os.path.join(root, "daemon.log")) as f:
                before = f.read().count("ready:")
            started = time.monotonic()
            process = subprocess.Popen(
                [binary, "daemon", "--config", os.path.join(root, "fokus.yaml")], stdout=log, stderr=log
            )
            while True:
                with open(os.path.join(root, "daemon.log")) as f:
                    if f.read().count("ready:") > before:
                        break
                time.sleep(0.01)
            reread = time.monotonic() - started
        time.sleep(0.5)
        latencies = []
        staging = os.path.join(root, "staging")
        os.makedirs(staging)
        for drop in range(drops):
            temp = os.path.join(staging, "ny.csv")
            with open(temp, "w", encoding="utf-8") as f:
                f.write(municipality_file(drop))
            placed = time.monotonic()
            os.rename(temp, os.path.join(data, f"brott-ny-{drop:02d}.csv"))
            done = watch.wait_for("report.json", 120)
            latencies.append((done - placed) * 1000)
            time.sleep(0.3)
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        log.close()
        import sqlite3

        with sqlite3.connect(os.path.join(root, "var", "fokus.sqlite")) as db:
            rows, stored = db.execute("SELECT count(*), coalesce(sum(length(aggregates)), 0) FROM file_aggregates").fetchone()
        cache = (rows, stored)
        if os.environ.get("FOKUS_LATENCY_LOG"):
            shutil.copy(os.path.join(root, "daemon.log"), os.environ["FOKUS_LATENCY_LOG"])
        return size, first, reread, latencies, cache
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--events", type=int, nargs="+", default=[0, 1_500_000, 6_000_000])
    parser.add_argument("--drops", type=int, default=15)
    parser.add_argument("--samples", type=int, default=None, help="override the rules' 2,000 samples")
    parser.add_argument("--restart", action="store_true", help="also time a restart with nothing changed")
    args = parser.parse_args()
    for events in args.events:
        size, first, reread, latencies, cache = measure(os.path.abspath(args.binary), events, args.drops, args.samples, args.restart)
        load = os.getloadavg()
        what = "the Kungsör sample" + (f" plus {events:,} events" if events else "")
        print(
            f"daemon, {what} ({size / 1e6:.1f} MB), {args.samples or 2000} samples: new file -> report.json "
            f"median {statistics.median(latencies):.1f} ms, range {min(latencies):.1f}-{max(latencies):.1f} ms "
            f"over {len(latencies)} drops; first evaluation {first:.2f} s"
            + (f", restart with nothing changed {reread:.2f} s to ready" if reread is not None else "")
            + f"; cache {cache[0]} files in {cache[1]:,} bytes"
            + f"; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
