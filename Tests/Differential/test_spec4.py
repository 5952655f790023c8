#!/usr/bin/env python3
"""Checks the SPEC reference (spec4.py) on small cases computed by hand from SPEC 4.2 and 4.3.

    python3 Tests/Differential/test_spec4.py

The expected numbers below are written as the SPEC's formulas over the few counts and
shares of each case, not taken from the reference; exit status 1 on any failed check.
"""

from __future__ import annotations

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spec4  # noqa: E402

CHECKS = 0
FAILURES: list[str] = []


def check(label, got, want, tol=1e-12):
    global CHECKS
    CHECKS += 1
    if isinstance(want, float) and isinstance(got, (int, float)):
        ok = abs(got - want) <= tol
    else:
        ok = got == want
    if not ok:
        FAILURES.append(f"{label}: got {got!r}, want {want!r}")


def z_of(y, b, kp):
    return 2 * (math.sqrt(y + 3 / 8) - math.sqrt(b + 3 / 8)) / math.sqrt(1 + 1 / kp)


def logistic(z, s=1.5):
    return 1 / (1 + math.exp(-z / s))


def area(aid, categories=(), items=(), **extra):
    a = {"id": aid, "name": aid, "categories": list(categories), "survey_items": list(items),
         "owners": [], "weights": None, "resources_score": None, "signals": None}
    a.update(extra)
    return a


def base_case(**extra):
    case = {"scope": "Kungsör", "period": "latest", "K": 3, "s": 1.5, "weights": None,
            "missing": "renormalise", "select": None, "aggregate": "max", "signals": [],
            "areas": [], "measures": [], "rules": [], "crime": [], "survey": [],
            "resources": [(2024, "Kungsör", "polis_timmar", 100.0)]}
    case.update(extra)
    return case


def yearly(counts, category="Stöld", scope="Kungsör"):
    return [(str(y), scope, category, n) for y, n in counts.items()]


def monthly(first, last, per_month, category="Stöld", scope="Kungsör"):
    """One count row a month from `first` to `last` (`YYYY-MM`), `per_month(year, month)` each."""
    rows = []
    y, m = int(first[:4]), int(first[5:])
    while (y, m) <= (int(last[:4]), int(last[5:])):
        rows.append((f"{y}-{m:02d}", scope, category, per_month(y, m)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return rows


# ---------------------------------------------------------------------------------------------
# 4.2 Evidence
# ---------------------------------------------------------------------------------------------


def test_evidence():
    # `fall` has 10, 10, 10 then 4 crimes; `tom` lists a category that never occurs and no
    # items: x = 0 throughout, z = 0, n = 0.5 (it outscores `fall`) but it has no evidence.
    crime = yearly({2021: 10, 2022: 10, 2023: 10, 2024: 4}) + yearly({2021: 0}, "Rån")
    case = base_case(crime=crime, select={"top": 2},
                     areas=[area("tom", ["Bedrägeri"]), area("fall", ["stöld"]), area("noll", ["Rån"])])
    r = spec4.evaluate(case)
    n_fall = logistic(z_of(4, 10, 3))
    check("evidence: fall's score", r["areas"]["fall"]["score"], 0.4 * n_fall / 0.65)
    check("evidence: tom's score is unchanged", r["areas"]["tom"]["score"], 0.4 * 0.5 / 0.65)
    check("evidence: flags", {a: r["areas"][a]["evidence"] for a in r["order"]},
          {"fall": True, "noll": False, "tom": False})
    # `noll` has a row with count 0 only: y + Σ baseline x = 0, no evidence either
    check("evidence: order", r["order"], ["fall", "noll", "tom"])
    check("evidence: top 2 counts only areas with evidence",
          [a for a in r["order"] if r["areas"][a]["selected"]], ["fall"])

    # min_score alone: `tom` passes the score but is never selected by `select`
    r = spec4.evaluate(dict(case, select={"min_score": 0.1}))
    check("evidence: min_score", [a for a in r["order"] if r["areas"][a]["selected"]], ["fall"])

    # a rule's include still selects an area without evidence; exclude wins over include
    inc = {"id": "in", "when": ("cmp", "==", ("id", "area.id"), ("str", "tom")), "then": [("include", True)]}
    r = spec4.evaluate(dict(case, rules=[inc]))
    check("evidence: include selects", r["areas"]["tom"]["selected"], True)
    check("evidence: include keeps the rank", r["areas"]["tom"]["rank"], 3)
    exc = {"id": "ex", "when": None, "then": [("exclude", True)]}
    r = spec4.evaluate(dict(case, rules=[inc, exc]))
    check("evidence: exclude wins", [a for a in r["order"] if r["areas"][a]["selected"]], [])

    # concern alone is evidence, even with a trend of zeros
    case2 = dict(case, areas=case["areas"] + [area("oro", ["Bedrägeri"], ["Oro för bedrägerier"])],
                 survey=[(2024, "Kungsör", "oro för BEDRÄGERIER ", 0.2)])
    r = spec4.evaluate(case2)
    check("evidence: concern is evidence", r["areas"]["oro"]["evidence"], True)
    check("evidence: concern area score", r["areas"]["oro"]["score"], (0.4 * 0.5 + 0.35 * 0.2) + 0.25 * 0.0)
    check("evidence: order with concern", r["order"], ["oro", "fall", "noll", "tom"])
    check("evidence: selection with concern", [a for a in r["order"] if r["areas"][a]["selected"]],
          ["oro", "fall"])

    # ties among areas without evidence: the usual order (score, then n_concern, then id)
    case3 = base_case(crime=crime, areas=[area("b", ["Rån"]), area("a", ["Rån"]), area("fall", ["Stöld"])])
    r = spec4.evaluate(case3)
    check("evidence: ties without evidence by id", r["order"], ["fall", "a", "b"])


# ---------------------------------------------------------------------------------------------
# 4.2 Resources without data
# ---------------------------------------------------------------------------------------------


def test_resources_without_data():
    crime = yearly({2022: 5, 2023: 5, 2024: 9})
    measures = [{"id": "m1", "addresses": ["a", "b"], "cost": {"polis_timmar": 50.0}, "effect": 0.5,
                 "evidence": "strong"}]
    areas = [area("a", ["Stöld"]), area("b", ["Stöld"], resources_score=0.6)]
    # resource rows only after T, and for another scope
    res = [(2025, "Kungsör", "polis_timmar", 100.0), (2024, "Arboga", "polis_timmar", 100.0)]
    case = base_case(crime=crime, measures=measures, areas=areas, resources=res)
    r = spec4.evaluate(case)
    n = logistic(z_of(9, 5, 2))
    check("resources: missing", r["areas"]["a"]["resources"], None)
    check("resources: override applies", r["areas"]["b"]["resources"], {"raw": 0.6, "n": 0.6})
    check("resources: score renormalised", r["areas"]["a"]["score"], 0.4 * n / 0.4)
    check("resources: score with override", r["areas"]["b"]["score"], (0.4 * n + 0.25 * 0.6) / 0.65)
    check("resources: plan holds nothing", r["plan"]["measures"], [])
    check("resources: remaining", r["plan"]["remaining"], {"polis_timmar": 0.0})

    r = spec4.evaluate(dict(case, missing="zero"))
    check("resources: zero policy", r["areas"]["a"]["score"], 0.4 * n)
    r = spec4.evaluate(dict(case, missing="neutral"))
    check("resources: neutral policy", r["areas"]["a"]["score"], (0.4 * n + 0.35 * 0.5) + 0.25 * 0.5)
    try:
        spec4.evaluate(dict(case, missing="error", areas=[areas[0]], weights={"crime_trend": 1, "resources": 1}))
        check("resources: error policy fails", "evaluated", "EvaluationError")
    except spec4.EvaluationError:
        check("resources: error policy fails", "EvaluationError", "EvaluationError")

    # with rows present, 4.1 holds: a resource named in a cost but absent has 0 available
    case2 = dict(case, resources=[(2023, "Kungsör", "kommun_timmar", 10.0)])
    r = spec4.evaluate(case2)
    check("resources: 4.1 with rows", r["areas"]["a"]["resources"], {"raw": 0.0, "n": 0.0})

    # a rule on resources.raw: missing, so the comparison is false
    rule = {"id": "r", "when": ("cmp", "<", ("id", "resources.raw"), ("num", "1")), "then": [("boost", "1")]}
    r = spec4.evaluate(dict(case, rules=[rule]))
    check("resources: missing in when:", r["areas"]["a"]["score"], 0.4 * n / 0.4)
    check("resources: override in when:", r["areas"]["b"]["score"], (0.4 * n + 0.25 * 0.6) / 0.65 + 1)


# ---------------------------------------------------------------------------------------------
# 4.2 Partial periods
# ---------------------------------------------------------------------------------------------


def test_partial_periods():
    # Stöld by month from 2021-09 to 2024-05: 2 a month until 2023, 3 a month in 2024; 2022
    # comes as a yearly row instead. T = 2024 is partial, L = 5 (January–May).
    def per_month(y, m):
        return 3 if y == 2024 else 2

    crime = [row for row in monthly("2021-09", "2024-05", per_month) if not row[0].startswith("2022")]
    crime += [("2022", "Kungsör", "Stöld", 24)]
    case = base_case(crime=crime, areas=[area("st", ["Stöld"])])
    r = spec4.evaluate(case)
    check("partial: compared_months", r["compared_months"], 5)
    check("partial: dropped", r["baseline_dropped"],
          [{"period": "2021", "reason": "before_data"}, {"period": "2022", "reason": "not_monthly"}])
    t = r["areas"]["st"]["trend"]
    check("partial: latest", t["latest"], 15.0)
    check("partial: baseline (Jan–May 2023)", t["baseline"], 10.0)
    check("partial: z with K' = 1", t["z"], z_of(15, 10, 1))
    check("partial: ratio", t["ratio"], 15.5 / 10.5)

    # another scope's row in 2024-08 moves E: L = 8; another's row in 2020-12 moves S: 2021
    # is no longer left out (its January–August has 4 months of data, 8 crimes)
    r = spec4.evaluate(dict(case, crime=crime + [("2024-08", "Arboga", "Rån", 0), ("2020-12", "Arboga", "Rån", 1)]))
    check("partial: L from another scope", r["compared_months"], 8)
    check("partial: S from another scope", r["baseline_dropped"], [{"period": "2022", "reason": "not_monthly"}])
    t = r["areas"]["st"]["trend"]
    check("partial: baseline over 2021 and 2023", t["baseline"], (0 + 16) / 2)
    check("partial: z with K' = 2", t["z"], z_of(15, 8, 2))

    # a month row with S later than the year's January but in another year: 2021 stays out
    # only when it starts inside it; a quarter row is as coarse as a year
    crime_q = [row for row in crime if row[0] != "2022"] + [("2022-Q1", "Kungsör", "Stöld", 6)]
    r = spec4.evaluate(dict(case, crime=crime_q))
    check("partial: a quarter is not monthly", r["baseline_dropped"][-1], {"period": "2022", "reason": "not_monthly"})

    # a yearly row in T: T is not partial; whole years, 2022 is used, 2021 still starts
    # after its January
    r = spec4.evaluate(dict(case, crime=crime + [("2024", "Kungsör", "Rån", 1)]))
    check("partial: T with a yearly row", r["compared_months"], None)
    check("partial: T with a yearly row, dropped", r["baseline_dropped"], [{"period": "2021", "reason": "before_data"}])
    t = r["areas"]["st"]["trend"]
    check("partial: whole years", (t["latest"], t["baseline"]), (15.0, (24 + 24) / 2))

    # data to December: nothing partial
    full = [row for row in monthly("2021-09", "2024-12", per_month)]
    r = spec4.evaluate(dict(case, crime=full))
    check("partial: E in T's last month", r["compared_months"], None)
    check("partial: E in T's last month, dropped", r["baseline_dropped"], [{"period": "2021", "reason": "before_data"}])
    check("partial: E in T's last month, trend", r["areas"]["st"]["trend"]["baseline"], 24.0)

    # an explicit earlier T: E is after T, whole years; the first year still starts inside
    r = spec4.evaluate(dict(case, period="2023"))
    check("partial: explicit T before E", r["compared_months"], None)
    t = r["areas"]["st"]["trend"]
    check("partial: explicit T, dropped", r["baseline_dropped"], [{"period": "2021", "reason": "before_data"}])
    check("partial: explicit T, trend", (t["latest"], t["baseline"]), (24.0, 24.0))

    # data starting in January: the first year is complete and kept
    jan = [row for row in monthly("2021-01", "2024-05", per_month)]
    r = spec4.evaluate(dict(case, crime=jan))
    check("partial: start in January", r["baseline_dropped"], [])
    check("partial: start in January, baseline", r["areas"]["st"]["trend"]["baseline"], 10.0)

    # every baseline period left out: the trend is missing; evidence then needs concern
    only = monthly("2023-03", "2024-05", per_month)
    r = spec4.evaluate(dict(case, crime=only))
    check("partial: no baseline left", r["areas"]["st"]["trend"], None)
    check("partial: no baseline left, dropped", r["baseline_dropped"], [{"period": "2023", "reason": "before_data"}])
    check("partial: no baseline left, evidence", r["areas"]["st"]["evidence"], False)

    # a category counted only after the first L months: no evidence from the cut periods
    late = [("2023-07", "Kungsör", "Rån", 4)]
    r = spec4.evaluate(dict(case, crime=crime + late, areas=[area("st", ["Stöld"]), area("ran", ["Rån"])]))
    check("partial: counts after L are cut", r["areas"]["ran"]["trend"]["baseline"], 0.0)
    check("partial: no evidence after the cut", r["areas"]["ran"]["evidence"], False)


def test_quarters():
    # T = 2024-Q2 with data by month from 2023-02 to 2024-05: L = 2 (April–May); each
    # baseline quarter's first two months. Month m of year y has y - 2000 + m crimes.
    def per_month(y, m):
        return y - 2000 + m

    crime = monthly("2023-02", "2024-05", per_month)
    survey = [(2024, "Kungsör", "Oro", 0.3, None), (2025, "Kungsör", "Oro", 0.9, None),
              (2023, "Kungsör", "Oro", 0.1, None)]
    case = base_case(crime=crime, period="2024-Q2", survey=survey,
                     areas=[area("st", ["Stöld"], ["oro"])])
    r = spec4.evaluate(case)
    check("quarters: period", r["period"], "2024-Q2")
    check("quarters: compared_months", r["compared_months"], 2)
    check("quarters: nothing dropped with K = 3", r["baseline_dropped"], [])
    t = r["areas"]["st"]["trend"]
    check("quarters: latest (Apr + May 2024)", t["latest"], float(28 + 29))
    check("quarters: baseline", t["baseline"], ((30 + 31) + (33 + 34) + (25 + 26)) / 3)
    check("quarters: a survey year counts by its first month", r["areas"]["st"]["concern"]["raw"], 0.3)
    r = spec4.evaluate(dict(case, K=5))
    check("quarters: K = 5, 2023-Q1 starts before the data", r["baseline_dropped"],
          [{"period": "2023-Q1", "reason": "before_data"}])
    check("quarters: K = 5, K' = 4", r["areas"]["st"]["trend"]["z"],
          z_of(57, ((27 + 28) + (30 + 31) + (33 + 34) + (25 + 26)) / 4, 4))
    # a quarter row in a baseline quarter cannot be cut
    rows = [row for row in crime if row[0] not in ("2023-10", "2023-11", "2023-12")]
    r = spec4.evaluate(dict(case, crime=rows + [("2023-Q4", "Kungsör", "Stöld", 5)]))
    check("quarters: a quarter row is not monthly", r["baseline_dropped"],
          [{"period": "2023-Q4", "reason": "not_monthly"}])
    # data to the quarter's last month: whole quarters
    r = spec4.evaluate(dict(case, crime=monthly("2023-02", "2024-06", per_month)))
    check("quarters: whole quarters", r["compared_months"], None)
    check("quarters: whole quarter latest", r["areas"]["st"]["trend"]["latest"], float(28 + 29 + 30))


# ---------------------------------------------------------------------------------------------
# 4.3 Signals
# ---------------------------------------------------------------------------------------------


def test_signals():
    signals = [{"id": "medarbetare", "name": "Medarbetarnas bild", "source": "Medarbetarenkät"},
               {"id": "dialog", "name": "Medborgardialog", "source": "Medborgardialog"}]
    weights = {"crime_trend": 0.30, "citizen_concern": 0.25, "resources": 0.15, "medarbetare": 0.20, "dialog": 0.10}
    crime = yearly({2022: 5, 2023: 5, 2024: 5})
    survey = [
        (2023, "Kungsör", "Droger bland unga", 0.4, None),          # the plain survey
        (2024, "Kungsör", "Droger bland unga", 0.95, " medarbetarENKÄT "),  # not concern
        (2023, "Kungsör", "Unga som använder narkotika", 0.7, "MEDARBETARENKÄT"),
        (2023, "Kungsör", "unga som använder NARKOTIKA ", 0.6, "medarbetarenkät"),  # duplicate: max
        (2025, "Kungsör", "Unga som använder narkotika", 0.1, "Medarbetarenkät"),  # after T
        (2024, "Kungsör", "Något annat", 0.3, "Medborgardialog"),
        (2022, "Kungsör", "Droger och langning", 0.8, "Medborgardialog"),  # no fallback
        (2024, "Kungsör", "Droger bland unga", 0.5, "Skolenkät"),  # an undeclared source
        (2024, "Kungsör", "Droger bland unga", 0.9, ""),  # empty source: the survey (later period)
    ]
    nark = area("nark", (), ["Droger bland unga"],
                signals={"medarbetare": ["Unga som använder narkotika", "Droger bland unga"],
                         "dialog": ["Droger och langning"]})
    only_sig = area("sig", (), (), signals={"medarbetare": ["Unga som använder narkotika"]})
    not_asked = area("ej", (), (), signals={"dialog": ["Droger och langning"]})
    case = base_case(crime=crime, signals=signals, weights=weights, survey=survey,
                     areas=[nark, only_sig, not_asked])
    r = spec4.evaluate(case)
    a = r["areas"]["nark"]
    # concern: the plain survey's latest period is 2024 (the empty source), share 0.9;
    # medarbetare: 2024 is its latest period <= T (the 0.95 row), items: max(0.95) — the
    # 2023 rows are an older period
    check("signals: concern from plain rows", a["concern"], {"raw": 0.9, "n": 0.9})
    check("signals: medarbetare", a["signals"]["medarbetare"], {"raw": 0.95, "n": 0.95, "period": "2024"})
    check("signals: dialog not asked in its latest period", a["signals"]["dialog"], None)
    check("signals: sig not asked in 2024", r["areas"]["sig"]["signals"]["medarbetare"], None)
    check("signals: evidence", {k: v["evidence"] for k, v in r["areas"].items()},
          {"nark": True, "sig": False, "ej": False})
    # score: trend missing (no categories), concern .9, resources 0 (no measures), medarbetare .95
    want = ((0.25 * 0.9 + 0.15 * 0.0) + 0.20 * 0.95) / ((0.25 + 0.15) + 0.20)
    check("signals: score", a["score"], want)

    # without the 2024 medarbetare row the latest period is 2023: max(0.7, 0.6) = 0.7
    survey2 = [row for row in survey if not (row[0] == 2024 and row[4] and "medarbetar" in row[4].lower())]
    r = spec4.evaluate(dict(case, survey=survey2))
    check("signals: latest period per source", r["areas"]["sig"]["signals"]["medarbetare"],
          {"raw": 0.7, "n": 0.7, "period": "2023"})
    check("signals: a present signal is evidence", r["areas"]["sig"]["evidence"], True)
    # nark: max over its items in 2023 (only "Unga som använder narkotika" was asked)
    check("signals: nark in 2023", r["areas"]["nark"]["signals"]["medarbetare"]["raw"], 0.7)
    r = spec4.evaluate(dict(case, survey=survey2, aggregate="mean"))
    check("signals: mean over the items asked", r["areas"]["nark"]["signals"]["medarbetare"]["raw"], 0.7)
    survey3 = survey2 + [(2023, "Kungsör", "DROGER BLAND UNGA", 0.2, "Medarbetarenkät")]
    r = spec4.evaluate(dict(case, survey=survey3, aggregate="mean"))
    check("signals: mean of two items", r["areas"]["nark"]["signals"]["medarbetare"]["raw"], (0.7 + 0.2) / 2)

    # the dialog's latest period is 2022 when the 2024 dialog row is gone
    survey4 = [row for row in survey if row[2] != "Något annat"]
    r = spec4.evaluate(dict(case, survey=survey4))
    a = r["areas"]["nark"]
    check("signals: dialog", a["signals"]["dialog"], {"raw": 0.8, "n": 0.8, "period": "2022"})
    want = (((0.25 * 0.9 + 0.15 * 0.0) + 0.20 * 0.95) + 0.10 * 0.8) / (((0.25 + 0.15) + 0.20) + 0.10)
    check("signals: score with both signals, exactly in factor order", a["score"], want, tol=0.0)

    # per-area weights with signal ids: normalise the global, replace, normalise again
    over = dict(nark, weights={"dialog": 0.0, "medarbetare": 0.5})
    r = spec4.evaluate(dict(case, survey=survey4, areas=[over]))
    g = {k: v for k, v in weights.items()}
    tot = sum(g.values())
    g = {k: v / tot for k, v in g.items()}
    g["dialog"], g["medarbetare"] = 0.0, 0.5
    want = ((g["citizen_concern"] * 0.9 + g["resources"] * 0.0) + g["medarbetare"] * 0.95) / (
        (g["citizen_concern"] + g["resources"]) + g["medarbetare"])
    check("signals: per-area weights", r["areas"]["nark"]["score"], want)

    # without weights: signals weigh 0 (default .40/.35/.25)
    r = spec4.evaluate(dict(case, survey=survey4, weights=None))
    check("signals: weigh 0 without weights", r["areas"]["nark"]["score"], (0.35 * 0.9 + 0.25 * 0.0) / 0.6)
    # weight 0 but present: still evidence
    check("signals: weightless signal is still evidence", r["areas"]["sig"]["evidence"], False)
    r = spec4.evaluate(dict(case, survey=survey2, weights=None))
    check("signals: weightless present signal is evidence", r["areas"]["sig"]["evidence"], True)

    # when: ID.raw and n.ID
    rules = [
        {"id": "hog", "when": ("cmp", ">=", ("id", "medarbetare.raw"), ("num", "0.9")), "then": [("boost", "0.1")]},
        {"id": "dia", "when": ("cmp", ">", ("id", "n.dialog"), ("num", "0")), "then": [("scale", "2")]},
    ]
    r = spec4.evaluate(dict(case, rules=rules))
    base = ((0.25 * 0.9 + 0.15 * 0.0) + 0.20 * 0.95) / ((0.25 + 0.15) + 0.20)
    check("signals: rules (dialog missing: false)", r["areas"]["nark"]["score"], base + 0.1)
    r = spec4.evaluate(dict(case, survey=survey4, rules=rules))
    base = (((0.25 * 0.9 + 0.15 * 0.0) + 0.20 * 0.95) + 0.10 * 0.8) / (((0.25 + 0.15) + 0.20) + 0.10)
    check("signals: rules (both fire)", r["areas"]["nark"]["score"], (base + 0.1) * 2)

    # missing policies reach signals: zero counts a missing signal as 0 with its weight
    r = spec4.evaluate(dict(case, missing="zero"))
    want = (((0.30 * 0 + 0.25 * 0.9) + 0.15 * 0.0) + 0.20 * 0.95) + 0.10 * 0
    check("signals: zero policy", r["areas"]["nark"]["score"], want)

    # ties use n_concern, not signals
    t1 = area("t1", (), ["X"], signals={"medarbetare": ["Y"]})
    t2 = area("t2", (), ["X"], signals={"medarbetare": ["Z"]})
    sv = [(2024, "Kungsör", "X", 0.5, None), (2024, "Kungsör", "Y", 0.5, "Medarbetarenkät"),
          (2024, "Kungsör", "Z", 0.5, "Medarbetarenkät")]
    r = spec4.evaluate(base_case(crime=crime, signals=signals, weights={"citizen_concern": 1}, survey=sv,
                                 areas=[t2, t1]))
    check("signals: ties by id after n_concern", r["order"], ["t1", "t2"])


def main():
    for test in (test_evidence, test_resources_without_data, test_partial_periods, test_quarters,
                 test_signals):
        test()
    if FAILURES:
        for f in FAILURES:
            print("spec4 selftest: FAIL " + f)
        print(f"spec4 selftest: {len(FAILURES)} of {CHECKS} checks fail")
        return 1
    print(f"spec4 selftest: {CHECKS} checks pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
