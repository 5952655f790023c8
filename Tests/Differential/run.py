#!/usr/bin/env python3
"""Differential test: random cases, evaluated by Fokus and by the SPEC 4 reference (spec4.py).

    python3 Tests/Differential/run.py --cases 300 --seed 1 --fokus .build/debug/fokus

Each case is written as a rule file (YAML) and a data folder (crime counts and events, survey
and signal rows, resources as `;`-separated CSV), evaluated with
`fokus evaluate --rules R --data D --format json --samples 0`, and compared with the
reference: scores and factor fields (signals too) to 1e-9 absolute, ranks, selection,
evidence, `compared_months`, `baseline_dropped`, the plan's measures and what each resource
has left. About half the cases are shaped for SPEC 4.2 and 4.3 (monthly data with partial
years, signals, scopes without resource rows, areas no data speaks for), the others as for
4 and 4.1. On a mismatch the case seed, the kept case folder (with reference.json and
fokus.json) and the differing fields with both values are printed, then a count of the
differing fields over every failing case; the exit status is 1.

`--case SEED` regenerates and checks one case (its folder is kept); `--all` prints every
failing case; `--selftest` checks the reference itself on hand-computed cases (test_spec4.py).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spec4  # noqa: E402

TOL = 1e-9

CATEGORY_POOL = [
    "Stöld", "Bedrägeri", "Skadegörelse", "Misshandel", "Rån", "Klotter", "Straßenraub",
    "Olovlig körning", "Åldringsbrott", "Narkotikabrott", "Ofredande", "Snatteri",
    "Rattfylleri", "Cykelstöld", "Trafikolycka, personskada", "Väskryckning", "Κλοπές",
    "Gatuförsäljning", "Fußgängerunfall", "Ölhäfv",
]
ITEM_POOL = [
    "Oro för bedrägerier", "Bilar som körs på ett störande sätt", "Nedskräpning",
    "Straßenlärm", "Inbrott i bostäder", "Klotter", "Ungdomsgäng som stör",
    "Personer som är påverkade av alkohol", "Κλοπές", "Bråk och stök på allmän plats",
    "Otrygg i centrum", "Äldres oro",
]
RESOURCE_POOL = ["polis_timmar", "kommun_timmar", "budget_kr", "Fältgrupp", "Straße_tid"]
AREA_IDS = [
    "trafik", "bedrageri", "inbrott", "stold", "a2", "a10", "B", "Zeta", "klotter",
    "narkotika_unga", "x_1", "vald", "ordning", "unga", "Alfa", "alfa2",
]
OWNERS = ["polis", "kommun", "region"]
SCOPES = ["Kungsör", "Strassburg"]
OTHER_SCOPE = "Arboga"
# signals (4.3): (id, name, source); the sources differ from the data's spelling in case,
# whitespace and ß/ss (see `variant`)
SIGNAL_POOL = [
    ("medarbetare", "Medarbetarnas bild", "Medarbetarenkät"),
    ("dialog", "Medborgardialog", "Medborgardialog"),
    ("skola_9", "Skolans bild", "Skolenkät åk 9"),
    ("falt2", "Fältgruppens iakttagelser", "Fältrapport Straße"),
]
UNDECLARED_SOURCE = "Trygghetsvandring"
# items the signals ask; some are survey items too (a signal's row never feeds concern)
SIGNAL_ITEM_POOL = [
    "Unga som använder narkotika", "Droger och langning", "Otrygg i centrum", "Straßenlärm",
    "Langning vid skolan", "Oro för bedrägerier", "Våld i nära relationer", "Nedskräpning",
]


# --------------------------------------------------------------------------------------
# Name variants: the same name as another file might write it
# --------------------------------------------------------------------------------------


def variant(rng: random.Random, name: str, spaces: bool = True) -> str:
    r = rng.random()
    if r < 0.35:
        v = name
    elif r < 0.5:
        v = name.upper()  # "ß" -> "SS"
    elif r < 0.65:
        v = name.lower()
    elif r < 0.75:
        v = name.casefold()  # "ß" -> "ss"
    elif r < 0.85:
        v = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name)
    else:
        if "ß" in name:
            v = name.replace("ß", "ss")
        elif "ss" in name:
            v = name.replace("ss", "ß")
        else:
            v = name.swapcase()
    if rng.random() < 0.25:
        v = unicodedata.normalize("NFD", v)
    if spaces and rng.random() < 0.1:
        v = " " * rng.randint(1, 2) + v
    if spaces and rng.random() < 0.1:
        v = v + " "
    return v


def dec(rng: random.Random, lo: float, hi: float, places: int) -> str:
    """A decimal number as text (always with a decimal point when places > 0)."""
    x = rng.uniform(lo, hi)
    return f"{x:.{places}f}"


# --------------------------------------------------------------------------------------
# Expressions: syntax trees as spec4 evaluates them, rendered with minimal parentheses
# --------------------------------------------------------------------------------------

NUMERIC_IDS = {
    "trend.z": (-3, 3),
    "trend.ratio": (0.5, 2),
    "trend.latest": (0, 40),
    "trend.baseline": (0, 40),
    "concern.raw": (0, 1),
    "resources.raw": (0, 1),
    "n.trend": (0, 1),
    "n.concern": (0, 1),
    "n.resources": (0, 1),
    "score": (0, 1),
}


def gen_number(rng, lo, hi):
    r = rng.random()
    if r < 0.15:
        return ("num", str(rng.randint(0, 3)))
    if r < 0.25:
        return ("num", "0")
    return ("num", dec(rng, max(lo, 0), max(hi, 0.01), rng.choice([1, 2])))


def gen_arith(rng, depth, numeric=NUMERIC_IDS):
    r = rng.random()
    if depth <= 0 or r < 0.45:
        return ("id", rng.choice(list(numeric)))
    if r < 0.55:
        return gen_number(rng, 0, 3)
    if r < 0.8:
        return ("arith", rng.choice("+-*/"), gen_arith(rng, depth - 1, numeric), gen_arith(rng, depth - 1, numeric))
    if r < 0.87:
        return ("neg", gen_arith(rng, depth - 1, numeric))
    f = rng.choice(["min", "max", "abs"])
    if f == "abs":
        return ("call", f, [gen_arith(rng, depth - 1, numeric)])
    return ("call", f, [gen_arith(rng, depth - 1, numeric), gen_arith(rng, depth - 1, numeric)])


DIVISION_PROBES = [
    ("trend.latest", "trend.baseline"), ("score", "resources.raw"), ("n.concern", "concern.raw"),
    ("trend.z", "trend.z"), ("resources.raw", "n.resources"),
]


def gen_comparison(rng, area_ids, numeric=NUMERIC_IDS):
    r = rng.random()
    if r < 0.08:
        # division by zero is missing: the comparison is false
        num, den = rng.choice(DIVISION_PROBES)
        d = ("id", den)
        if rng.random() < 0.3:
            d = ("arith", "-", ("id", "n.trend"), ("num", "0.5"))
        return ("cmp", rng.choice(["<", ">=", "!=", "=="]), ("arith", "/", ("id", num), d), gen_number(rng, 0, 2))
    if r < 0.14:
        ident = rng.choice(["trend.latest", "trend.baseline", "concern.raw", "resources.raw"])
        nums = [("num", str(rng.randint(0, 3))) for _ in range(rng.randint(1, 3))]
        return ("in", ("id", ident), ("list", nums), rng.random() < 0.5)
    r = rng.random()
    signal_ids = [k for k in numeric if k not in NUMERIC_IDS]
    if r < 0.55:
        ident = rng.choice(list(numeric))
        if signal_ids and rng.random() < 0.4:
            ident = rng.choice(signal_ids)
        lo, hi = numeric[ident]
        num = gen_number(rng, lo, hi)
        if ident == "trend.z" and rng.random() < 0.5:
            num = ("neg", num) if rng.random() < 0.5 else num
        return ("cmp", rng.choice(["<", "<=", ">", ">=", "==", "!="]), ("id", ident), num)
    if r < 0.75:
        return ("cmp", rng.choice(["<", "<=", ">", ">=", "!="]), gen_arith(rng, 2, numeric), gen_number(rng, 0, 2))
    if r < 0.85:
        ids = rng.sample(area_ids, k=min(len(area_ids), rng.randint(1, 3)))
        return ("in", ("id", "area.id"), ("list", [("str", i) for i in ids]), rng.random() < 0.3)
    if r < 0.92:
        return ("in", ("str", rng.choice(OWNERS)), ("id", "area.owners"), rng.random() < 0.3)
    return ("cmp", rng.choice(["==", "!="]), ("id", "area.id"), ("str", rng.choice(area_ids)))


def gen_bool(rng, depth, area_ids, numeric=NUMERIC_IDS):
    r = rng.random()
    if depth <= 0 or r < 0.45:
        return gen_comparison(rng, area_ids, numeric)
    if r < 0.65:
        return ("and", gen_bool(rng, depth - 1, area_ids, numeric), gen_bool(rng, depth - 1, area_ids, numeric))
    if r < 0.85:
        return ("or", gen_bool(rng, depth - 1, area_ids, numeric), gen_bool(rng, depth - 1, area_ids, numeric))
    return ("not", gen_bool(rng, depth - 1, area_ids, numeric))


PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "in": 4, "+": 5, "-": 5, "*": 6, "/": 6, "neg": 7}


def render(node, rng) -> tuple[str, int]:
    kind = node[0]

    def wrap(child, need_paren):
        text, _ = render(child, rng)
        if need_paren or rng.random() < 0.05:
            return f"({text})"
        return text

    if kind == "num":
        return node[1], 8
    if kind == "str":
        q = rng.choice(['"', "'"])
        return f"{q}{node[1]}{q}", 8
    if kind == "list":
        return "[" + ", ".join(render(e, rng)[0] for e in node[1]) + "]", 8
    if kind == "id":
        return node[1], 8
    if kind == "call":
        return node[1] + "(" + ", ".join(render(a, rng)[0] for a in node[2]) + ")", 8
    if kind == "neg":
        child = node[1]
        _, p = render(child, rng)
        return "-" + wrap(child, p < 7 or child[0] == "neg"), 7
    if kind == "arith":
        p = PREC[node[1]]
        _, lp = render(node[2], rng)
        _, rp = render(node[3], rng)
        return f"{wrap(node[2], lp < p)} {node[1]} {wrap(node[3], rp <= p)}", p
    if kind == "cmp":
        _, lp = render(node[2], rng)
        _, rp = render(node[3], rng)
        return f"{wrap(node[2], lp <= 4)} {node[1]} {wrap(node[3], rp <= 4)}", 4
    if kind == "in":
        _, lp = render(node[1], rng)
        op = "not in" if node[3] else "in"
        return f"{wrap(node[1], lp <= 4)} {op} {wrap(node[2], False)}", 4
    if kind in ("and", "or"):
        p = PREC[kind]
        _, lp = render(node[1], rng)
        _, rp = render(node[2], rng)
        return f"{wrap(node[1], lp < p)} {kind} {wrap(node[2], rp <= p)}", p
    if kind == "not":
        _, cp = render(node[1], rng)
        return "not " + wrap(node[1], cp < 3), 3
    raise ValueError(kind)


# --------------------------------------------------------------------------------------
# Case generation
# --------------------------------------------------------------------------------------


def count_text(rng, n: int) -> str:
    r = rng.random()
    if r < 0.05:
        return f"{n}.0"
    if r < 0.1:
        return f"{n},0"
    return str(n)


def gen_monthly(rng, scope, years, data_cats, quarters=False):
    """Crime data by month for SPEC 4.2's partial periods: counts by month and events (both
    month-resolved), from a month late in the first year (say 2021-09) to a month that may lie
    inside the last year (say 2024-05); a baseline year may come as yearly or quarterly rows
    instead (it cannot be cut by month), the last year may have a yearly row besides its months
    (then it is not partial), and another scope's rows may start earlier or end later (S and E
    are over every scope). With `quarters` (the rules' period is a quarter) no row is yearly:
    quarter rows take their place. Returns (crime, count lines, more count lines, event lines)."""
    crime, crime_lines, crime2_lines, event_lines = [], [], [], []
    first = 1 if rng.random() < 0.15 else rng.randint(2, 12)
    last = 12 if rng.random() < 0.15 else rng.randint(1, 11)
    start = years[0] * 12 + first - 1
    end = years[-1] * 12 + last - 1
    coarse = {}
    if rng.random() < 0.6:
        for y in rng.sample(years[:-1], k=rng.randint(1, min(2, len(years) - 1))):
            coarse[y] = "quarter" if quarters else rng.choice(["year", "year", "quarter"])
    via_events = rng.random() < 0.35
    density = rng.uniform(0.3, 0.9)
    cats = data_cats + ["Övriga brott"]

    def count(period, c, n, sc=scope):
        crime.append((period, sc, c, n))
        line = [period, variant(rng, sc) if sc == scope else sc, variant(rng, c), count_text(rng, n)]
        (crime2_lines if rng.random() < 0.15 else crime_lines).append(line)

    def events(month, c, n, sc=scope):
        for _ in range(n):
            date = f"{spec4.month_text(month)}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.3:
                date += f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
            crime.append((date[:7], sc, c, 1))
            event_lines.append([date, variant(rng, sc) if sc == scope else sc, variant(rng, c)])

    totals = {}
    for month in range(start, end + 1):
        y = month // 12
        for c in cats:
            if rng.random() > density:
                continue
            n = rng.randint(0, 9)
            kind = coarse.get(y)
            if kind == "year":
                totals[(str(y), c)] = totals.get((str(y), c), 0) + n
            elif kind == "quarter":
                key = (f"{y}-Q{month % 12 // 3 + 1}", c)
                totals[key] = totals.get(key, 0) + n
            elif via_events and n > 0 and rng.random() < 0.5:
                events(month, c, n)
            else:
                count(spec4.month_text(month), c, n)
        if via_events and rng.random() < 0.1:
            events(month, "Brand", 1)  # an unmapped type: a row all the same
    for (p, c), n in totals.items():
        count(p, c, n)
    if rng.random() < 0.15:  # the last year (quarter) is not partial
        count(f"{end // 12}-Q{end % 12 // 3 + 1}" if quarters else str(years[-1]), rng.choice(cats),
              rng.randint(0, 5))
    # other scopes: a yearly row (never month-resolved), an earlier first month (moves S), a
    # later last month (moves E, maybe into December or the next year)
    other = years[-1] + rng.choice([0, 1])
    count(f"{other}-Q{rng.randint(1, 4)}" if quarters else str(other), rng.choice(cats), rng.randint(0, 30),
          OTHER_SCOPE)
    if rng.random() < 0.25:
        month = start - rng.randint(1, 14)
        if rng.random() < 0.5:
            events(month, rng.choice(cats), 1, OTHER_SCOPE)
        else:
            count(spec4.month_text(month), rng.choice(cats), rng.randint(0, 5), OTHER_SCOPE)
    if rng.random() < 0.25:
        month = end + rng.randint(1, 8)
        if rng.random() < 0.5:
            events(month, rng.choice(cats), 1, OTHER_SCOPE)
        else:
            count(spec4.month_text(month), rng.choice(cats), rng.randint(0, 5), OTHER_SCOPE)
    rng.shuffle(crime_lines)
    rng.shuffle(event_lines)
    return crime, crime_lines, crime2_lines, event_lines


def generate(case_seed: int):
    """One random case: (case for spec4.evaluate, files {relative path: text}, notes)."""
    rng = random.Random(case_seed)
    scope = rng.choice(SCOPES)
    y0 = rng.randint(2015, 2019)
    nyears = rng.randint(3, 6)
    years = list(range(y0, y0 + nyears))
    present = [y for y in years if rng.random() > 0.2 or y == years[-1]]
    if rng.random() < 0.2 and len(present) > 1:
        present.remove(present[-1])  # the latest year of the range may be absent too
    data_cats = rng.sample(CATEGORY_POOL, k=rng.randint(3, 8))
    never_cats = [c for c in CATEGORY_POOL if c not in data_cats]
    items = rng.sample(ITEM_POOL, k=rng.randint(3, 7))
    never_items = [i for i in ITEM_POOL if i not in items]
    res_pool = rng.sample(RESOURCE_POOL, k=rng.randint(1, len(RESOURCE_POOL)))
    # About half the cases are shaped for SPEC 4.2 and 4.3 (each feature on its own draw);
    # the others keep the shape of the 4/4.1 cases (they still meet 4.2 where it applies).
    rev2 = rng.random() < 0.55
    monthly_mode = rev2 and rng.random() < 0.6
    use_signals = rev2 and rng.random() < 0.55
    no_resources = rev2 and rng.random() < 0.3
    no_evidence = rev2 and rng.random() < 0.6

    # ---- crime counts
    quarter_mode = monthly_mode and rng.random() < 0.3  # the rules' period a quarter
    if monthly_mode:
        crime, crime_lines, crime2_lines, event_lines = gen_monthly(rng, scope, years, data_cats, quarter_mode)
        present = sorted({spec4.period_year(p) for p, sc, _, _ in crime if sc == scope})
    else:
        crime = []  # (period text, scope text, category text, count)
        crime_lines = []
        crime2_lines = []
        big = rng.random() < 0.2
        for y in present:
            rows_for_year = 0
            all_zero = rng.random() < 0.08
            for c in data_cats + ["Övriga brott"]:
                if rng.random() < 0.35:
                    continue
                n = 0 if all_zero or rng.random() < 0.15 else rng.randint(0, 3000 if big else 40)
                parts = [n]
                if rng.random() < 0.15 and n > 1:
                    k = rng.randint(1, n - 1)
                    parts = [k, n - k]
                for part in parts:
                    r = rng.random()
                    if r < 0.12:
                        period = f"{y}-{rng.randint(1, 12):02d}"
                    elif r < 0.2:
                        period = f"{y}-Q{rng.randint(1, 4)}"
                    else:
                        period = str(y)
                    crime.append((period, scope, c, part))
                    text = str(part)
                    if rng.random() < 0.05:
                        text = f"{part}.0"
                    elif rng.random() < 0.05:
                        text = f"{part},0"
                    line = [period, variant(rng, scope), variant(rng, c), text]
                    (crime2_lines if rng.random() < 0.15 else crime_lines).append(line)
                    rows_for_year += 1
            if rows_for_year == 0:
                c = rng.choice(data_cats)
                crime.append((str(y), scope, c, 0))
                crime_lines.append([str(y), variant(rng, scope), variant(rng, c), "0"])
        # another scope, with a later year: `latest` is per scope
        for y in [years[-1] + 1, rng.choice(years)]:
            c = rng.choice(data_cats)
            n = rng.randint(0, 30)
            crime.append((str(y), OTHER_SCOPE, c, n))
            crime_lines.append([str(y), OTHER_SCOPE, variant(rng, c), str(n)])
        rng.shuffle(crime_lines)
        # crime events (one row a reported crime), summed with the counts; a year may be present
        # through events only, and through an event of an unmapped type
        event_lines = []
        if rng.random() < 0.2:
            for _ in range(rng.randint(1, 25)):
                y = rng.choice(present + [years[0] - 1])
                c = rng.choice(data_cats + ["Brand"])
                date = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                if rng.random() < 0.3:
                    date += f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
                crime.append((date[:7], scope, c, 1))
                event_lines.append([date, variant(rng, scope), variant(rng, c)])
            if years[0] - 1 in {int(p[:4]) for p, sc, _, _ in crime if sc == scope}:
                present.insert(0, years[0] - 1)

    # ---- the rules' period
    if rng.random() < (0.15 if monthly_mode else 0.3):
        period = str(rng.randint(present[0] - 1, present[-1] + 1))
    else:
        period = "latest"
    T = present[-1] if period == "latest" else int(period)
    if quarter_mode:
        # the quarter of the scope's last month (partial unless that is the quarter's last), or
        # any quarter of the data; T is then its year for the survey and resources below
        months = [m for m in (spec4.crime_month(p) for p, sc, _, _ in crime if sc == scope) if m is not None]
        q = max(months) // 3 if rng.random() < 0.7 else rng.randint(min(months) // 3, max(months) // 3)
        period = f"{q // 4}-Q{q % 4 + 1}"
        T = q // 4

    # ---- survey, and the signals' rows (4.3): blocks of rows, each for one file and source
    signals = []
    if use_signals:
        signals = [dict(zip(("id", "name", "source"), g))
                   for g in rng.sample(SIGNAL_POOL, k=rng.choice([1, 1, 2]))]
    main_has_source = bool(signals) and rng.random() < 0.6 or (rev2 and rng.random() < 0.1)
    file_modes = {}  # file -> "01" | "100" | "pct"
    raw_shares = []  # (file, year, scope, item, text, source text or None)

    def share_text(mode):
        if mode == "01":
            return dec(rng, 0, 1, rng.choice([2, 3]))
        if mode == "100":
            return dec(rng, 0, 100, rng.choice([0, 1]))
        return dec(rng, 0, 100, 1) + "%" if rng.random() < 0.7 else dec(rng, 0, 1, 2)

    def block(file, years_, items_, source):
        mode = file_modes.setdefault(file, rng.choice(["01", "01", "100", "pct"]))
        for y in years_:
            for it in items_:
                if rng.random() < 0.2:
                    continue
                for _ in range(2 if rng.random() < 0.1 else 1):
                    raw_shares.append((file, y, scope, it, share_text(mode), source))

    survey_years = set(rng.sample(range(years[0] - 1, years[-1] + 2), k=rng.randint(0, 2)))
    if rng.random() < 0.75:
        survey_years.add(T - rng.choice([0, 0, 1, 2]))
    survey_years = sorted(survey_years)
    block("main", survey_years, items, None)
    if survey_years and rng.random() < 0.5:
        hundred_main = file_modes["main"] == "100"
        raw_shares.append(("main", T, OTHER_SCOPE, rng.choice(items), "90" if hundred_main else "0.9", None))
        raw_shares.append(("main", T + 5, OTHER_SCOPE, rng.choice(items), "10" if hundred_main else "0.1", None))
    signal_items = {}  # signal id -> the items asked
    for g in signals:
        asked = rng.sample(SIGNAL_ITEM_POOL, k=rng.randint(2, 4))
        signal_items[g["id"]] = asked
        gyears = set(rng.sample(range(years[0] - 1, years[-1] + 2), k=rng.randint(0, 2)))
        if rng.random() < 0.8:
            gyears.add(T - rng.choice([0, 0, 1, 2]))
        if rng.random() < 0.4:
            gyears.add(T + 1)  # after T: ignored
        file = "main" if main_has_source and rng.random() < 0.7 else "signal-" + g["id"]
        block(file, sorted(gyears), asked, g["source"])
        # a plain survey row and another scope's row with the signal's items: neither counts
        if rng.random() < 0.3:
            raw_shares.append((file, T, OTHER_SCOPE, asked[0], "1" if file_modes[file] != "100" else "100",
                               g["source"]))
    if main_has_source and rng.random() < 0.5:
        # a source no signal declares: neither concern nor a signal
        block("main", [T], rng.sample(items, k=1) + rng.sample(SIGNAL_ITEM_POOL, k=1), UNDECLARED_SOURCE)

    survey = []  # (year, scope, item, share, source)
    survey_files = {}  # file -> lines
    for file in dict.fromkeys(f for f, *_ in raw_shares):
        rows = [r for r in raw_shares if r[0] == file]
        plain = [t for _, _, _, _, t, _ in rows if not t.endswith("%")]
        hundred = any(float(t) > 1 for t in plain)
        lines = []
        for _, y, sc, it, text, source in rows:
            if text.endswith("%"):
                share = float(text[:-1]) / 100
            elif hundred:
                share = float(text) / 100
            else:
                share = float(text)
            survey.append((y, sc, it, share, source))
            shown = text.replace(".", ",") if rng.random() < 0.1 else text
            line = [str(y), variant(rng, sc), variant(rng, it), shown]
            if file != "main" or main_has_source:
                line.append("" if source is None else variant(rng, source))
            lines.append(line)
        rng.shuffle(lines)
        survey_files[file] = lines
    survey_lines = survey_files.get("main", [])

    tenths = res_pool[0] if rng.random() < 0.4 else None  # capacity slack: 0.1 + 0.2 > 0.3

    # ---- areas
    factors = spec4.FACTORS + tuple(g["id"] for g in signals)
    nareas = rng.randint(3, 12)
    ids = rng.sample(AREA_IDS, k=nareas)
    areas = []
    for i, aid in enumerate(ids):
        if areas and rng.random() < 0.15:
            src = rng.choice(areas)  # an identical area: a tie
            areas.append(dict(src, id=aid, name=f"Kopia av {src['name']}"))
            continue
        # an area no data speaks for (4.2): categories that never occur, items never asked
        bare = no_evidence and rng.random() < 0.3
        hit = 0.0 if bare else 0.8
        cats = []
        if rng.random() > 0.1:
            for _ in range(rng.randint(1, 4)):
                base = rng.choice(data_cats) if rng.random() < hit else rng.choice(never_cats)
                cats.append(variant(rng, base))
            if rng.random() < 0.15:
                cats.append(variant(rng, cats[0]))  # the same category twice
        its = []
        if rng.random() > (0.5 if bare else 0.15):
            seen = set()
            for _ in range(rng.randint(1, 3)):
                base = rng.choice(items) if rng.random() < hit else rng.choice(never_items)
                if spec4.norm(base) in seen:
                    continue
                seen.add(spec4.norm(base))
                its.append(variant(rng, base))
        sigs = None
        if signals and rng.random() < 0.65:
            sigs = {}
            for g in rng.sample(signals, k=rng.randint(1, len(signals))):
                asked = signal_items[g["id"]]
                never = [x for x in SIGNAL_ITEM_POOL if x not in asked]
                chosen = []
                for _ in range(rng.randint(1, 2)):
                    base = rng.choice(asked) if rng.random() < hit else rng.choice(never)
                    if spec4.norm(base) not in {spec4.norm(c) for c in chosen}:
                        chosen.append(variant(rng, base))
                sigs[g["id"]] = chosen
        owners = rng.sample(OWNERS, k=rng.randint(0, 2))
        weights = None
        if rng.random() < 0.2:
            weights = {}
            for f in rng.sample(factors, k=rng.randint(1, 2)):
                weights[f] = rng.choice(["0", "0.5", dec(rng, 0, 1, 2), "1"])
        rscore = dec(rng, 0, 1, 2) if rng.random() < 0.1 else None
        areas.append({
            "id": aid, "name": f"Område {aid}", "categories": cats, "survey_items": its,
            "owners": owners, "weights": weights, "resources_score": rscore, "signals": sigs,
        })

    # ---- measures
    # A plan-focused case: every area selected, many measures that tie in value, a tight budget.
    plan_focus = rng.random() < 0.15
    measures = []
    for i in range(rng.randint(6, 12) if plan_focus else rng.randint(0, 12)):
        mid = rng.choice(["m", "M", "åtg", "z"]) + str(i + 1)
        if measures and rng.random() < 0.15:
            src = rng.choice(measures)
            measures.append(dict(src, id=mid))
            continue
        if measures and rng.random() < (0.6 if plan_focus else 0.3):
            # an equivalent twin: effect times evidence weight equal in reals, maybe not in doubles
            src = rng.choice(measures)
            eff = float(src["effect"]) * spec4.EVIDENCE[src["evidence"] or "untested"]
            options = [(ev, eff / w) for ev, w in spec4.EVIDENCE.items() if eff / w <= 1]
            ev, e2 = rng.choice(options)
            cost = dict(src["cost"])
            if cost and rng.random() < 0.5:
                k = rng.choice(list(cost))
                cost[k] = str(max(0, int(float(cost[k])) + rng.choice([-20, -1, 1, 20])))
            measures.append({"id": mid, "addresses": list(src["addresses"]), "cost": cost,
                             "effect": f"{e2:.6f}".rstrip("0").rstrip(".") or "0", "evidence": ev})
            continue
        if len(measures) >= 1 and rng.random() < 0.1:
            # a split: one measure per area of a measure addressing several
            src = rng.choice(measures)
            if len(src["addresses"]) > 1:
                measures.append(dict(src, id=mid, addresses=src["addresses"][:1]))
                continue
        addresses = rng.sample(ids, k=rng.randint(1, min(3, len(ids))))
        cost = {}
        seen = set()
        pool = res_pool + ["reserv_ß"] if rng.random() < 0.15 else res_pool
        for r in rng.sample(pool, k=1 if plan_focus else rng.randint(1, min(3, len(res_pool)))):
            key = variant(rng, r, spaces=False)
            if spec4.norm(key) in seen:
                continue
            seen.add(spec4.norm(key))
            x = rng.random()
            if tenths and spec4.norm(r) == spec4.norm(tenths):
                cost[key] = rng.choice(["0.1", "0.2", "0.3", "0.7", "0.6"])
            elif x < 0.1:
                cost[key] = "0"
            elif x < 0.8:
                cost[key] = str(rng.randint(1, 300))
            else:
                cost[key] = f"{rng.randint(1, 300)}.5"
        measures.append({
            "id": mid, "addresses": addresses, "cost": cost,
            "effect": rng.choice(["0", "1", dec(rng, 0, 1, 2), dec(rng, 0, 1, 2)]),
            "evidence": rng.choice([None, "strong", "moderate", "weak", "untested"]),
        })
    mids = [m["id"] for m in measures]
    assert len(set(mids)) == len(mids)

    # ---- resources
    resources = []
    res_lines = []
    tight = plan_focus or rng.random() < 0.4  # budgets that hold only part of the catalogue
    totals = {}
    for m in measures:
        for k, v in m["cost"].items():
            totals[spec4.norm(k)] = totals.get(spec4.norm(k), 0.0) + float(v)
    if no_resources and rng.random() < 0.3:
        pass  # no resources file at all
    elif rng.random() < 0.9 or no_resources:
        if no_resources:
            # no rows for the scope in any period <= T (4.2): rows after T only, or none
            res_years = [T + rng.randint(1, 2)] if rng.random() < 0.6 else []
        else:
            res_years = set(rng.sample(range(years[0] - 1, years[-1] + 2), k=rng.randint(0, 2)))
            if rng.random() < 0.9:
                res_years.add(T - rng.choice([0, 0, 1, 3]))
            res_years = sorted(res_years)
        for y in res_years:
            for r in res_pool:
                if rng.random() < 0.1:
                    continue
                copies = 2 if rng.random() < 0.1 else 1
                for _ in range(copies):
                    text = str(rng.randint(0, 900)) if rng.random() < 0.8 else dec(rng, 0, 900, 1)
                    if tight and spec4.norm(r) in totals:
                        text = str(int(totals[spec4.norm(r)] * rng.uniform(0.15, 0.6)))
                    if r == tenths:
                        text = rng.choice(["0.3", "0.6", "0.9", "1.0", "0.4", "1.3"])
                    resources.append((y, scope, r, float(text)))
                    res_lines.append([str(y), variant(rng, scope), variant(rng, r), text])
        resources.append((T, OTHER_SCOPE, res_pool[0], 9999.0))
        res_lines.append([str(T), OTHER_SCOPE, res_pool[0], "9999"])
        rng.shuffle(res_lines)

    # ---- rules
    rules = []
    numeric = dict(NUMERIC_IDS)
    for g in signals:
        numeric[f"{g['id']}.raw"] = (0, 1)
        numeric[f"n.{g['id']}"] = (0, 1)
    for i in range(rng.randint(1, 4)):
        when = None if rng.random() < 0.1 else gen_bool(rng, 2, ids, numeric)
        actions = []
        kinds = ["boost", "boost", "scale", "scale", "include", "note", "exclude" if rng.random() < 0.4 else "note"]
        for a in dict.fromkeys(rng.sample(kinds, k=rng.randint(1, 3))):
            if a == "boost":
                actions.append((a, dec(rng, -0.3, 0.3, 2)))
            elif a == "scale":
                actions.append((a, dec(rng, -0.2, 1.6, 2) if rng.random() < 0.1 else dec(rng, 0.5, 1.5, 2)))
            elif a in ("include", "exclude"):
                actions.append((a, True))
            else:
                actions.append((a, "Anteckning"))
        rules.append({"id": f"r{i + 1}", "when": when, "then": actions})

    # ---- settings
    weights = None
    if rng.random() < 0.6:
        weights = {}
        for f in rng.sample(spec4.FACTORS, k=rng.randint(1, 3)):
            weights[f] = rng.choice(["0", "1", "2", dec(rng, 0, 1, 2), dec(rng, 0, 1, 2)])
        for g in signals:
            if rng.random() < 0.75:
                weights[g["id"]] = rng.choice(["0", "1", dec(rng, 0, 1, 2), dec(rng, 0, 1, 2)])
        if all(float(v) == 0 for v in weights.values()):
            weights[rng.choice(list(weights))] = "0.5"
    missing = rng.choice([None, "renormalise", "zero", "neutral", "error"]) if rng.random() < 0.9 else "renormalise"
    select = None
    r = rng.random()
    if plan_focus:
        select = {"top": 12}
        if missing == "error":
            missing = "neutral"
    elif r < 0.35:
        select = {"top": rng.randint(1, 5)}
    elif r < 0.6:
        select = {"min_score": dec(rng, 0.2, 0.7, 2)}
    elif r < 0.8:
        select = {"top": rng.randint(1, 6), "min_score": dec(rng, 0.2, 0.7, 2)}
    aggregate = rng.choice([None, None, "max", "mean"])
    K = rng.choice([None, None, 1, 2, 3, 4])
    s = rng.choice([None, None, "0.5", "1", "1.5", "2.5"])

    # every area's final weights must not be all zero (an error we do not probe here)
    glob = spec4.global_weights({f: float(v) for f, v in weights.items()} if weights else None,
                                [g["id"] for g in signals])
    for a in areas:
        if a["weights"]:
            w = dict(glob)
            w.update({f: float(v) for f, v in a["weights"].items()})
            if all(w[f] == 0 for f in factors):
                a["weights"] = None

    shape = ["4.2/4.3:" if rev2 else "4/4.1 shape"]
    if monthly_mode:
        shape.append("monthly data" + (f", period {period}" if quarter_mode else ""))
    if signals:
        shape.append(f"{len(signals)} signal{'s' if len(signals) > 1 else ''}")
    if no_resources:
        shape.append("no resource rows <= T")
    if no_evidence:
        shape.append("areas without evidence")
    case = {
        "shape": " ".join(shape[:1]) + (" " + ", ".join(shape[1:]) if shape[1:] else ""),
        "scope": scope,
        "period": period,
        "K": K if K is not None else 3,
        "s": float(s) if s is not None else 1.5,
        "weights": {f: float(v) for f, v in weights.items()} if weights is not None else None,
        "missing": missing or "renormalise",
        "select": None if select is None else {k: (float(v) if k == "min_score" else v) for k, v in select.items()},
        "aggregate": aggregate or "max",
        "signals": signals,
        "areas": [
            {
                "id": a["id"], "name": a["name"], "categories": a["categories"],
                "survey_items": a["survey_items"], "owners": a["owners"],
                "weights": {f: float(v) for f, v in a["weights"].items()} if a["weights"] else None,
                "resources_score": float(a["resources_score"]) if a["resources_score"] is not None else None,
                "signals": a["signals"],
            }
            for a in areas
        ],
        "measures": [
            {
                "id": m["id"], "addresses": m["addresses"],
                "cost": {k: float(v) for k, v in m["cost"].items()},
                "effect": float(m["effect"]), "evidence": m["evidence"],
            }
            for m in measures
        ],
        "rules": rules,
        "crime": crime,
        "survey": survey,
        "resources": resources,
    }

    # ---- files
    q = json.dumps  # a JSON string is a YAML double-quoted scalar

    def flow(xs):
        return "[" + ", ".join(q(x, ensure_ascii=False) for x in xs) + "]"

    y = ["fokus: 1", f"name: {q(f'Differential case {case_seed}', ensure_ascii=False)}",
         f"scope: {q(variant(rng, scope, spaces=False), ensure_ascii=False)}"]
    if period != "latest" or rng.random() < 0.5:
        y.append(f"period: {q(period)}" if period != "latest" else "period: latest")
    if K is not None or s is not None:
        parts = []
        if K is not None:
            parts.append(f"baseline_periods: {K}")
        if s is not None:
            parts.append(f"scale: {s}")
        y.append("trend: {" + ", ".join(parts) + "}")
    if weights is not None:
        y.append("weights:")
        for f, v in weights.items():
            y.append(f"  {f}: {v}")
    if missing is not None:
        y.append(f"missing: {missing}")
    if select is not None:
        y.append("select: {" + ", ".join(f"{k}: {v}" for k, v in select.items()) + "}")
    if aggregate is not None:
        y.append(f"concern: {{aggregate: {aggregate}}}")
    if signals:
        y.append("signals:")
        for g in signals:
            y.append(f"  - id: {g['id']}")
            y.append(f"    name: {q(g['name'], ensure_ascii=False)}")
            y.append(f"    source: {q(g['source'], ensure_ascii=False)}")
    y.append("areas:")
    for a in areas:
        y.append(f"  - id: {a['id']}")
        y.append(f"    name: {q(a['name'], ensure_ascii=False)}")
        if a["categories"] or rng.random() < 0.5:
            y.append(f"    categories: {flow(a['categories'])}")
        if a["survey_items"] or rng.random() < 0.5:
            y.append(f"    survey_items: {flow(a['survey_items'])}")
        if a["owners"] or rng.random() < 0.5:
            y.append(f"    owners: {flow(a['owners'])}")
        if a["weights"]:
            y.append("    weights: {" + ", ".join(f"{f}: {v}" for f, v in a["weights"].items()) + "}")
        if a["resources_score"] is not None:
            y.append(f"    resources: {{score: {a['resources_score']}}}")
        if a["signals"] is not None:
            if rng.random() < 0.5:
                y.append("    signals: {" + ", ".join(f"{g}: {flow(v)}" for g, v in a["signals"].items()) + "}")
            else:
                y.append("    signals:")
                for g, v in a["signals"].items():
                    y.append(f"      {g}: {flow(v)}")
    if measures or rng.random() < 0.5:
        y.append("measures:" if measures else "measures: []")
    for m in measures:
        y.append(f"  - id: {q(m['id'], ensure_ascii=False)}")
        y.append(f"    name: {q('Åtgärd ' + m['id'], ensure_ascii=False)}")
        y.append(f"    addresses: [{', '.join(m['addresses'])}]")
        y.append("    cost:")
        for k, v in m["cost"].items():
            y.append(f"      {q(k, ensure_ascii=False)}: {v}")
        y.append(f"    effect: {m['effect']}")
        if m["evidence"] is not None:
            y.append(f"    evidence: {m['evidence']}")
    y.append("rules:")
    for rule in rules:
        y.append(f"  - id: {rule['id']}")
        if rule["when"] is not None:
            y.append(f"    when: {q(render(rule['when'], rng)[0], ensure_ascii=False)}")
        y.append("    then:")
        for a, v in rule["then"]:
            if a in ("include", "exclude"):
                y.append(f"      {a}: true")
            elif a == "note":
                y.append(f"      note: {q(v, ensure_ascii=False)}")
            else:
                y.append(f"      {a}: {v}")
        y.append(f"    reason: {q('Regel ' + rule['id'], ensure_ascii=False)}")
    files = {"rules.yaml": "\n".join(y) + "\n"}

    def csv(header, lines):
        out = [header]
        for line in lines:
            cells = []
            for cell in line:
                if '"' in cell or ";" in cell or rng.random() < 0.05:
                    cell = '"' + cell.replace('"', '""') + '"'
                cells.append(cell)
            out.append(";".join(cells))
        return "\n".join(out) + "\n"

    def header(text):
        return text.upper() if rng.random() < 0.15 else text

    files["data/brottsstatistik.csv"] = csv(header("år;kommun;brottskategori;antal"), crime_lines)
    if crime2_lines:
        files["data/extra/brott-del2.csv"] = csv(header("år;kommun;brottskategori;antal"), crime2_lines)
    if event_lines:
        files["data/handelser.csv"] = csv(header("datum;kommun;brottskategori"), event_lines)
    if survey_lines or rng.random() < 0.3:
        head = "år;kommun;fråga;andel"
        if main_has_source:
            head = rng.choice(["år;kommun;fråga;andel;källa", "period;scope;item;share;source",
                               "källa;år;kommun;fråga;andel"])
            if head.startswith("källa"):
                survey_lines = [line[-1:] + line[:-1] for line in survey_lines]
        files["data/trygghetsundersokning.csv"] = csv(header(head), survey_lines)
    for file, lines in survey_files.items():
        if file != "main":
            head = rng.choice(["år;kommun;fråga;andel;källa", "period;scope;item;share;source"])
            files[f"data/signaler/{file}.csv"] = csv(header(head), lines)
    if res_lines:
        files["data/resurser.csv"] = csv(header("period;scope;resource;available"), res_lines)
    # encodings: UTF-8, UTF-8 with a byte-order mark, or Windows-1252 when it can say it all
    for rel in list(files):
        if not rel.endswith(".csv"):
            continue
        x = rng.random()
        if x < 0.1:
            files[rel] = "\ufeff" + files[rel]
        elif x < 0.2:
            try:
                files[rel] = files[rel].encode("cp1252")
            except UnicodeEncodeError:
                pass
    return case, files


# --------------------------------------------------------------------------------------
# Running and comparing
# --------------------------------------------------------------------------------------


def write_case(folder, files):
    for rel, text in files.items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(text if isinstance(text, bytes) else text.encode("utf-8"))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= TOL


def compare(expected, report):
    """The differing fields, as a list of strings (empty when Fokus agrees)."""
    diffs = []
    if report.get("period") != expected["period"]:
        diffs.append(f"period: fokus {report.get('period')!r}, reference {expected['period']!r}")
    ranking = report.get("ranking", [])
    got_order = [r["id"] for r in ranking]
    if got_order != expected["order"]:
        diffs.append(f"rank order: fokus {got_order}, reference {expected['order']}")
    by_id = {r["id"]: r for r in ranking}
    for aid in expected["order"]:
        e = expected["areas"][aid]
        g = by_id.get(aid)
        if g is None:
            diffs.append(f"{aid}: missing from fokus's ranking")
            continue
        if g["rank"] != e["rank"]:
            diffs.append(f"{aid}.rank: fokus {g['rank']}, reference {e['rank']}")
        if not close(g["score"], e["score"]):
            diffs.append(f"{aid}.score: fokus {g['score']!r}, reference {e['score']!r}")
        if g["selected"] != e["selected"]:
            diffs.append(f"{aid}.selected: fokus {g['selected']}, reference {e['selected']}")
        factors = g.get("factors", {})
        for name, fields in (("trend", ("latest", "baseline", "ratio", "z", "n")),
                             ("concern", ("raw", "n")), ("resources", ("raw", "n"))):
            ef = e[name]
            gf = factors.get(name)
            if (ef is None) != (gf is None):
                diffs.append(f"{aid}.{name}: fokus {gf if gf is None else 'present'}, "
                             f"reference {'null' if ef is None else ef}")
                continue
            if ef is None:
                continue
            for f in fields:
                if not close(gf.get(f), ef[f]):
                    diffs.append(f"{aid}.{name}.{f}: fokus {gf.get(f)!r}, reference {ef[f]!r}")
        # 4.2: evidence
        if g.get("evidence") != e["evidence"]:
            diffs.append(f"{aid}.evidence: fokus {g.get('evidence', '(absent)')!r}, reference {e['evidence']!r}")
        # 4.3: factors.signals {ID: {raw, n, period}}, all three null when missing
        got_sigs = factors.get("signals")
        if e["signals"] and not isinstance(got_sigs, dict):
            diffs.append(f"{aid}.factors.signals: fokus {got_sigs!r}, reference {signals_json(e['signals'])}")
        elif e["signals"]:
            for gid, es in e["signals"].items():
                gs = got_sigs.get(gid)
                if not isinstance(gs, dict):
                    diffs.append(f"{aid}.signals.{gid}: fokus {gs!r}, reference {signals_json({gid: es})[gid]}")
                    continue
                want = signals_json({gid: es})[gid]
                for f in ("raw", "n"):
                    if not close(gs.get(f), want[f]):
                        diffs.append(f"{aid}.signals.{gid}.{f}: fokus {gs.get(f)!r}, reference {want[f]!r}")
                if gs.get("period") != want["period"]:
                    diffs.append(f"{aid}.signals.{gid}.period: fokus {gs.get('period')!r}, "
                                 f"reference {want['period']!r}")
            extra = sorted(set(got_sigs) - set(e["signals"]))
            if extra:
                diffs.append(f"{aid}.signals: fokus has undeclared {extra}")
        elif got_sigs not in (None, {}):
            diffs.append(f"{aid}.factors.signals: fokus {got_sigs!r}, reference none declared")
    # 4.2: which months were compared and which baseline periods were left out (only when the
    # scope has rows in T: otherwise every trend is missing and the SPEC leaves them open)
    if expected["t_present"]:
        if "compared_months" not in report:
            diffs.append(f"compared_months: absent from fokus's report, reference {expected['compared_months']!r}")
        elif report["compared_months"] != expected["compared_months"]:
            diffs.append(f"compared_months: fokus {report['compared_months']!r}, "
                         f"reference {expected['compared_months']!r} (month-resolved data "
                         f"{expected['months'][0] + ' to ' + expected['months'][1] if expected['months'] else 'none'})")
        got_dropped = report.get("baseline_dropped")
        want_dropped = sorted(expected["baseline_dropped"], key=lambda d: d["period"])
        if not isinstance(got_dropped, list):
            diffs.append(f"baseline_dropped: fokus {got_dropped!r}, reference {want_dropped}")
        else:
            shown = sorted(({"period": d.get("period"), "reason": d.get("reason")} for d in got_dropped
                            if isinstance(d, dict)), key=lambda d: str(d["period"]))
            if shown != want_dropped or len(shown) != len(got_dropped):
                diffs.append(f"baseline_dropped: fokus {got_dropped}, reference {want_dropped} "
                             f"(baseline used by the reference: {expected['baseline_periods']})")
    plan = report.get("plan", {})
    if plan.get("measures") != expected["plan"]["measures"]:
        diffs.append(f"plan.measures: fokus {plan.get('measures')}, reference {expected['plan']['measures']}")
    got_rem = {spec4.norm(k): v for k, v in (plan.get("remaining") or {}).items()}
    exp_rem = expected["plan"]["remaining"]
    if set(got_rem) != set(exp_rem):
        diffs.append(f"plan.remaining keys: fokus {sorted(got_rem)}, reference {sorted(exp_rem)}")
    for k in set(got_rem) & set(exp_rem):
        if not close(got_rem[k], exp_rem[k]):
            diffs.append(f"plan.remaining.{k}: fokus {got_rem[k]!r}, reference {exp_rem[k]!r}")
    return diffs


def signals_json(signals):
    """The reference's signals as report.json shows them."""
    return {gid: v if v is not None else {"raw": None, "n": None, "period": None}
            for gid, v in signals.items()}


def run_case(case_seed, fokus, base, keep=False):
    """(ok, message lines, folder or None, the case's shape)."""
    case, files = generate(case_seed)
    folder = tempfile.mkdtemp(prefix=f"case-{case_seed}-", dir=base)
    write_case(folder, files)
    try:
        expected = spec4.evaluate(case)
        error = None
    except spec4.EvaluationError as e:
        expected = None
        error = str(e)
    proc = subprocess.run(
        [fokus, "evaluate", "--rules", os.path.join(folder, "rules.yaml"), "--data",
         os.path.join(folder, "data"), "--format", "json", "--samples", "0"],
        capture_output=True, text=True, cwd=folder, timeout=120)
    lines = []
    if expected is None:
        if proc.returncode != 1 or "missing" not in proc.stderr.lower():
            lines.append(f"reference fails ({error}); fokus exits {proc.returncode}")
            lines.append("stderr: " + proc.stderr.strip()[:2000])
    elif proc.returncode != 0:
        lines.append(f"fokus exits {proc.returncode}; the reference evaluates")
        lines.append("stderr: " + proc.stderr.strip()[:2000])
    else:
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError as e:
            lines.append(f"fokus's output is not JSON: {e}")
        else:
            lines.extend(compare(expected, report))
    ok = not lines
    if ok and not keep:
        shutil.rmtree(folder, ignore_errors=True)
        folder = None
    elif expected is not None:
        with open(os.path.join(folder, "reference.json"), "w", encoding="utf-8") as fh:
            json.dump(jsonable(expected), fh, ensure_ascii=False, indent=1)
    if folder is not None and proc.returncode == 0:
        with open(os.path.join(folder, "fokus.json"), "w", encoding="utf-8") as fh:
            fh.write(proc.stdout)
    return ok, lines, folder, case["shape"]


def field_of(line):
    """The kind of field a difference line names (`trafik.trend.z: …` -> `trend.z`)."""
    head = line.split(":", 1)[0].strip()
    if " " in head:
        return head  # a sentence such as "fokus exits 1; the reference evaluates"
    parts = head.split(".")
    if parts[0] == "plan":
        return ".".join(parts[:2])  # plan.measures, plan.remaining (not each resource)
    return ".".join(parts[1:]) if len(parts) > 1 else head


def jsonable(expected):
    return {
        "period": expected["period"],
        "baseline_periods": expected["baseline_periods"],
        "compared_months": expected["compared_months"],
        "baseline_dropped": expected["baseline_dropped"],
        "month_resolved_data": expected["months"],
        "survey_period": expected["survey_period"],
        "resource_period": expected["resource_period"],
        "ranking": [
            {k: (signals_json(v) if k == "signals" else v)
             for k, v in dict(expected["areas"][aid], id=aid).items() if k != "owners"}
            for aid in expected["order"]
        ],
        "plan": expected["plan"],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fokus", default=".build/debug/fokus")
    ap.add_argument("--case", type=int, help="check only this case seed (its folder is kept)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--out", help="folder for the case folders (default: a temporary folder)")
    ap.add_argument("--all", action="store_true", help="report every mismatch, not only the first")
    ap.add_argument("--selftest", action="store_true",
                    help="check the reference itself on hand-computed cases (test_spec4.py) and stop")
    args = ap.parse_args()
    if args.selftest:
        import test_spec4
        return test_spec4.main()
    fokus = os.path.abspath(args.fokus)
    if not os.access(fokus, os.X_OK):
        print(f"differential: {fokus} is not an executable; build first (swift build)", file=sys.stderr)
        return 2
    base = args.out or tempfile.mkdtemp(prefix="fokus-differential-")
    os.makedirs(base, exist_ok=True)

    if args.case is not None:
        ok, lines, folder, shape = run_case(args.case, fokus, base, keep=True)
        print(f"case {args.case} ({shape}): {'agrees' if ok else 'MISMATCH'} ({folder})")
        for line in lines:
            print("  " + line)
        return 0 if ok else 1

    seeds = [args.seed * 1_000_003 + i for i in range(args.cases)]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for seed, (ok, lines, folder, shape) in zip(seeds, pool.map(lambda s: run_case(s, fokus, base), seeds)):
            if not ok:
                failures.append((seed, lines, folder, shape))
    if failures:
        shown = failures if args.all else failures[:1]
        for seed, lines, folder, shape in shown:
            print(f"differential: MISMATCH in case seed {seed} ({shape}; rerun: --case {seed}); "
                  f"files kept in {folder} (reference.json, fokus.json beside the case)")
            for line in lines[:20]:
                print("  " + line)
            if len(lines) > 20:
                print(f"  … and {len(lines) - 20} more")
        # which fields differ, over every failing case, to see at a glance what a change broke
        kinds = {}
        for seed, lines, _, _ in failures:
            for line in lines:
                if line.startswith("stderr:"):
                    continue
                kinds.setdefault(field_of(line), set()).add(seed)
        print("differential: fields that differ (cases): " + ", ".join(
            f"{k} ({len(v)})" for k, v in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0]))))
        more = "" if len(failures) <= 20 else f" … and {len(failures) - 20} more"
        print("differential: failing seeds: " + " ".join(str(f[0]) for f in failures[:20]) + more)
        print(f"differential: {len(failures)} of {args.cases} cases disagree")
        return 1
    if not args.out:
        shutil.rmtree(base, ignore_errors=True)
    print(f"differential: {args.cases} cases agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
