"""Reference implementation of SPEC section 4 (the default scoring model), 4.1, and the
deterministic parts of 4.2 (honest evidence) and 4.3 (signals).

Written from the SPEC text only, as an independent oracle for Fokus. Plain Python 3.11,
standard library only. It works on in-memory inputs (see `evaluate`) and returns the same
numbers report.json carries: per area rank, score, selected, evidence and the factors
(signals included); `compared_months` and `baseline_dropped`; the plan's measures and what
each resource has left.

Year granularity (`latest` or `period: "2024"`) and quarter granularity (`period: "2024-Q2"`)
are modelled: crime periods may be written as years (not with quarters), quarters `YYYY-Qn`
or months `YYYY-MM`, summed into the rules' period; months and events are the month-resolved
rows of 4.2. Survey and resource periods are years, compared with a quarter by their first
month. Sensitivity (4.2's draws) is not modelled.

Where 4.2 could be read two ways this reference reads it so: T is partial only when the
scope has rows in T (without them every trend is missing, so nothing scored depends on it);
`baseline_dropped` lists only baseline periods that are present (a period without rows is not
left out, it is absent).

Expressions (`when:`) are given as small syntax trees (tuples), see `eval_expr`.
`python3 spec4.py` (or `test_spec4.py`) checks the reference on hand-computed cases.
"""

from __future__ import annotations

import math
from fractions import Fraction
import unicodedata

EVIDENCE = {"strong": 1.0, "moderate": 0.75, "weak": 0.5, "untested": 0.25}
FACTORS = ("crime_trend", "citizen_concern", "resources")
DEFAULT_WEIGHTS = {"crime_trend": 0.40, "citizen_concern": 0.35, "resources": 0.25}


class EvaluationError(Exception):
    """The evaluation fails (fokus exits 1)."""


class Missing:
    """A missing value in an expression."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "MISSING"


MISSING = Missing()


def norm(name: str) -> str:
    """SPEC 4.1 Names: Unicode NFC, trimming and full case folding."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def period_year(text: str) -> int:
    """The year a crime period (`2023`, `2023-11`, `2023-Q4`) falls in."""
    text = text.strip()
    return int(text[:4])


# --------------------------------------------------------------------------------------
# Expressions
#
#   ('num', float) ('str', s) ('list', [expr...]) ('id', name) ('neg', e)
#   ('arith', op, l, r)    op in + - * /
#   ('cmp', op, l, r)      op in < <= > >= == !=
#   ('in', l, r, negated)
#   ('and', l, r) ('or', l, r) ('not', e)
#   ('call', fname, [args])   fname in min max abs
# --------------------------------------------------------------------------------------


def eval_expr(node, env):
    kind = node[0]
    if kind == "num":
        return float(node[1])
    if kind == "str":
        return node[1]
    if kind == "list":
        return [eval_expr(e, env) for e in node[1]]
    if kind == "id":
        return env[node[1]]
    if kind == "neg":
        v = eval_expr(node[1], env)
        return MISSING if v is MISSING else -v
    if kind == "arith":
        op = node[1]
        a = eval_expr(node[2], env)
        b = eval_expr(node[3], env)
        if a is MISSING or b is MISSING:
            return MISSING
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            if b == 0:
                return MISSING
            return a / b
        raise ValueError(op)
    if kind == "cmp":
        op = node[1]
        a = eval_expr(node[2], env)
        b = eval_expr(node[3], env)
        if a is MISSING or b is MISSING:
            return False
        return {
            "<": lambda: a < b,
            "<=": lambda: a <= b,
            ">": lambda: a > b,
            ">=": lambda: a >= b,
            "==": lambda: a == b,
            "!=": lambda: a != b,
        }[op]()
    if kind == "in":
        a = eval_expr(node[1], env)
        b = eval_expr(node[2], env)
        if a is MISSING or b is MISSING:
            return False
        if any(x is MISSING for x in b):
            # an element that is missing never equals anything
            b = [x for x in b if x is not MISSING]
        found = a in b
        return (not found) if node[3] else found
    if kind == "and":
        a = eval_expr(node[1], env)
        b = eval_expr(node[2], env)
        return (a is True) and (b is True)
    if kind == "or":
        a = eval_expr(node[1], env)
        b = eval_expr(node[2], env)
        return (a is True) or (b is True)
    if kind == "not":
        a = eval_expr(node[1], env)
        return not a
    if kind == "call":
        args = [eval_expr(e, env) for e in node[2]]
        if any(a is MISSING for a in args):
            return MISSING
        if node[1] == "min":
            return min(args)
        if node[1] == "max":
            return max(args)
        if node[1] == "abs":
            return abs(args[0])
        raise ValueError(node[1])
    raise ValueError(kind)


# --------------------------------------------------------------------------------------
# Weights (SPEC 4.1 Defaults and Per-area weights; 4.3: signal ids are further keys, in
# declaration order after the three built-in factors)
# --------------------------------------------------------------------------------------


def normalise(w, factors=FACTORS):
    total = None
    for f in factors:
        total = w[f] if total is None else total + w[f]
    return {f: w[f] / total for f in factors}


def global_weights(given, signal_ids=()):
    factors = FACTORS + tuple(signal_ids)
    if given is None:
        w = dict(DEFAULT_WEIGHTS)
        for g in signal_ids:
            w[g] = 0.0  # 4.3: without `weights:` signals weigh 0
    else:
        w = {f: float(given.get(f, 0.0)) for f in factors}
    if all(w[f] == 0 for f in factors):
        raise EvaluationError("all-zero weights")
    return normalise(w, factors)


def area_weights(glob, override, signal_ids=()):
    factors = FACTORS + tuple(signal_ids)
    if not override:
        return dict(glob)
    w = dict(glob)
    for f, v in override.items():
        w[f] = float(v)
    if all(w[f] == 0 for f in factors):
        raise EvaluationError("all-zero area weights")
    return normalise(w, factors)


# --------------------------------------------------------------------------------------
# Periods (year granularity; crime rows may be written finer)
# --------------------------------------------------------------------------------------


def crime_month(text: str):
    """The month index (year · 12 + month − 1) of a month-resolved crime period (`2023-11`,
    or an event's date cut to `2023-11`), None for a year or a quarter."""
    text = text.strip()
    if len(text) >= 7 and text[4] == "-" and text[5:7].isdigit():
        return int(text[:4]) * 12 + int(text[5:7]) - 1
    return None


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def source_key(source) -> str | None:
    """4.3: a survey row's source, normalised; None for the plain survey (no source, or empty)."""
    if source is None or norm(source) == "":
        return None
    return norm(source)


def latest_shares(rows, T_month):
    """The latest period ≤ T (T's first month) over `rows` [(year, item, share)] and the
    shares in it per normalised item (duplicates take the max); (None, {}) when there is none."""
    years = [y for y, _, _ in rows if y * 12 <= T_month]
    if not years:
        return None, {}
    period = max(years)
    shares: dict[str, float] = {}
    for y, item, share in rows:
        if y == period:
            shares[item] = max(shares[item], share) if item in shares else share
    return period, shares


def aggregate_items(items, shares, aggregate):
    """Citizen concern (or a signal) over an area's items: max or mean of the shares of the
    items asked; None when none was."""
    vals = []
    seen = set()
    for it in items or []:
        ni = norm(it)
        if ni in seen:
            continue
        seen.add(ni)
        if ni in shares:
            vals.append(shares[ni])
    if not vals:
        return None
    if aggregate == "mean":
        raw = sum(vals) / len(vals)
    else:
        raw = max(vals)
    return raw


# --------------------------------------------------------------------------------------
# The evaluation
# --------------------------------------------------------------------------------------


def evaluate(case):
    """Evaluate one case.

    case keys:
      scope: str                      the rules' scope
      period: 'latest' | 'YYYY'
      K: int, s: float                trend settings
      weights: None | {factor or signal id: float}   the global weights block as given
      missing: renormalise | zero | neutral | error
      select: None | {'top': int?, 'min_score': float?}
      aggregate: 'max' | 'mean'
      signals: [{id, name, source}]   declared signals (4.3), may be absent
      areas: [{id, name, categories, survey_items, owners, weights (dict|None),
               resources_score (float|None), signals ({signal id: [items]} | None)}]
      measures: [{id, addresses, cost: {resource: float}, effect, evidence (str|None)}]
      rules: [{id, when (expr|None), then: [(action, value), ...]}]
      crime: [(period str, scope, category, count int)]   period `YYYY`, `YYYY-Qn`, `YYYY-MM`
                                      (a count by month) or an event's date cut to `YYYY-MM`
      survey: [(year int, scope, item, share float 0..1[, source str|None])]
      resources: [(year int, scope, resource, available float)]

    Returns a dict: {'period': 'YYYY', 'areas': {id: {...}}, 'order': [ids in rank order],
    'plan': {'measures': [...], 'remaining': {normalised resource: float}},
    'compared_months': None | L, 'baseline_dropped': [{'period', 'reason'}], ...}.
    Raises EvaluationError when Fokus must fail.
    """
    scope = norm(case["scope"])
    signals = list(case.get("signals") or [])
    signal_ids = tuple(g["id"] for g in signals)
    factors = FACTORS + signal_ids

    # ---- granularity: the year, or the quarter of an explicit `YYYY-Qn` period. A period is
    # an index: the year, or year · 4 + quarter − 1; `per` is its length in months.
    per = 3 if "Q" in str(case["period"]).upper() else 12

    def period_index(text, m):
        if m is not None:
            return m // per
        text = text.strip()
        y = int(text[:4])
        if "Q" in text.upper():
            return y if per == 12 else y * 4 + int(text[-1]) - 1
        if per == 3:
            raise EvaluationError("a yearly crime row is coarser than the rules' quarter")
        return y

    def period_text(p):
        return str(p) if per == 12 else f"{p // 4}-Q{p % 4 + 1}"

    # ---- crime rows: S and E over every file and scope (4.2); the scope's rows by period
    months_all = []
    rows_by_year: dict[int, list[tuple[int | None, str, int]]] = {}
    for period, sc, cat, n in case["crime"]:
        m = crime_month(period)
        if m is not None:
            months_all.append(m)
        if norm(sc) != scope:
            continue
        rows_by_year.setdefault(period_index(period, m), []).append((m, norm(cat), int(n)))
    present = set(rows_by_year)
    if not present:
        raise EvaluationError("the scope has no crime rows")
    S = min(months_all) if months_all else None
    E = max(months_all) if months_all else None
    if case["period"] == "latest":
        T = max(present)
    elif per == 3:
        T = period_index(case["period"], None)
    else:
        T = int(case["period"])
    T_month = T * per  # T's first month: survey and resource years compare by their first month
    K = int(case["K"])
    s = float(case["s"])

    def all_month_resolved(year):
        return all(m is not None for m, _, _ in rows_by_year.get(year, []))

    # T is partial: all the scope's rows in T are month-resolved and E falls inside T before
    # its last month. (Read with T present: without rows in T the trend is missing anyway.)
    partial = (T in present and all_month_resolved(T) and E is not None
               and E // per == T and E % per < per - 1)
    L = E % per + 1 if partial else None

    baseline_years = []
    dropped = []
    for y in range(T - K, T):
        if y not in present:
            continue
        if partial and not all_month_resolved(y):
            dropped.append({"period": period_text(y), "reason": "not_monthly"})
        elif all_month_resolved(y) and y * per < S:
            dropped.append({"period": period_text(y), "reason": "before_data"})
        else:
            baseline_years.append(y)

    # counts per (period, category): whole periods, or their first L months when T is partial
    counts: dict[tuple[int, str], int] = {}
    for y, rows in rows_by_year.items():
        for m, cat, n in rows:
            if partial and (m is None or m % per >= L):
                continue
            counts[(y, cat)] = counts.get((y, cat), 0) + n

    # ---- survey rows by source (4.3): None is the plain survey, which alone feeds concern
    by_source: dict[str | None, list[tuple[int, str, float]]] = {}
    for row in case["survey"]:
        y, sc, item, share = row[:4]
        src = source_key(row[4]) if len(row) > 4 else None
        if norm(sc) != scope:
            continue
        by_source.setdefault(src, []).append((y, norm(item), share))
    survey_period, shares = latest_shares(by_source.get(None, []), T_month)
    signal_data = {}
    for g in signals:
        signal_data[g["id"]] = latest_shares(by_source.get(norm(g["source"]), []), T_month)

    # ---- resources: latest period <= T, summed per resource
    res_rows = [(y, norm(r), a) for y, sc, r, a in case["resources"] if norm(sc) == scope]
    res_years = [y for y, _, _ in res_rows if y * 12 <= T_month]
    res_period = max(res_years) if res_years else None
    available: dict[str, float] = {}
    for y, r, a in res_rows:
        if y == res_period:
            available[r] = available.get(r, 0.0) + a

    def avail(r):
        return available.get(norm(r), 0.0)

    def fit(m):
        f = 1.0
        for r, c in m["cost"].items():
            if c > 0:
                f = min(f, min(1.0, avail(r) / c))
        return f

    glob = global_weights(case.get("weights"), signal_ids)
    policy = case.get("missing") or "renormalise"
    aggregate = case.get("aggregate") or "max"

    results = {}
    for area in case["areas"]:
        aid = area["id"]
        # trend
        cats = []
        for c in area.get("categories") or []:
            nc = norm(c)
            if nc not in cats:
                cats.append(nc)
        trend = None
        counted = 0
        if cats and T in present and baseline_years:
            def x(t):
                return sum(counts.get((t, c), 0) for c in cats)

            y = x(T)
            kp = len(baseline_years)
            total = sum(x(t) for t in baseline_years)
            counted = y + total
            b = total / kp
            ratio = (y + 0.5) / (b + 0.5)
            z = 2 * (math.sqrt(y + 3 / 8) - math.sqrt(b + 3 / 8)) / math.sqrt(1 + 1 / kp)
            n = 1 / (1 + math.exp(-z / s))
            trend = {"latest": float(y), "baseline": b, "ratio": ratio, "z": z, "n": n}
        # concern
        concern = None
        items = area.get("survey_items") or []
        if items and survey_period is not None:
            raw = aggregate_items(items, shares, aggregate)
            if raw is not None:
                concern = {"raw": raw, "n": min(1.0, max(0.0, raw))}
        # signals
        sigs = {}
        for g in signals:
            gid = g["id"]
            period, gshares = signal_data[gid]
            raw = None
            if period is not None:
                raw = aggregate_items((area.get("signals") or {}).get(gid), gshares, aggregate)
            if raw is None:
                sigs[gid] = None
            else:
                sigs[gid] = {"raw": raw, "n": min(1.0, max(0.0, raw)), "period": str(period)}
        # resources: missing for every area when the scope has no resource rows <= T (4.2),
        # unless the area overrides it
        if area.get("resources_score") is not None:
            rraw = float(area["resources_score"])
            resources = {"raw": rraw, "n": rraw}
        elif res_period is None:
            resources = None
        else:
            fits = [fit(m) for m in case["measures"] if aid in m["addresses"]]
            rraw = max(fits) if fits else 0.0
            resources = {"raw": rraw, "n": rraw}

        evidence = (trend is not None and counted > 0) or concern is not None \
            or any(v is not None for v in sigs.values())

        w = area_weights(glob, area.get("weights"), signal_ids)
        nvals = {
            "crime_trend": trend["n"] if trend else None,
            "citizen_concern": concern["n"] if concern else None,
            "resources": resources["n"] if resources else None,
        }
        for gid in signal_ids:
            nvals[gid] = sigs[gid]["n"] if sigs[gid] else None
        num = None
        den = None
        for f in factors:
            v = nvals[f]
            if v is None:
                if policy == "renormalise":
                    continue
                if policy == "zero":
                    v = 0.0
                elif policy == "neutral":
                    v = 0.5
                elif policy == "error":
                    if w[f] > 0:
                        raise EvaluationError(f"area {aid}: {f} is missing")
                    continue
            term = w[f] * v
            num = term if num is None else num + term
            den = w[f] if den is None else den + w[f]
        if den is None or den == 0:
            score = 0.0
        else:
            score = num / den

        results[aid] = {
            "weighted": score,
            "trend": trend,
            "concern": concern,
            "resources": resources,
            "signals": sigs,
            "evidence": evidence,
            "include": False,
            "exclude": False,
            "owners": list(area.get("owners") or []),
        }

        # rules
        for rule in case["rules"]:
            env = {
                "trend.z": trend["z"] if trend else MISSING,
                "trend.ratio": trend["ratio"] if trend else MISSING,
                "trend.latest": trend["latest"] if trend else MISSING,
                "trend.baseline": trend["baseline"] if trend else MISSING,
                "concern.raw": concern["raw"] if concern else MISSING,
                "resources.raw": resources["raw"] if resources else MISSING,
                "n.trend": trend["n"] if trend else MISSING,
                "n.concern": concern["n"] if concern else MISSING,
                "n.resources": resources["n"] if resources else MISSING,
                "score": score,
                "area.id": aid,
                "area.owners": list(area.get("owners") or []),
            }
            for gid in signal_ids:
                env[f"{gid}.raw"] = sigs[gid]["raw"] if sigs[gid] else MISSING
                env[f"n.{gid}"] = sigs[gid]["n"] if sigs[gid] else MISSING
            fires = True if rule.get("when") is None else (eval_expr(rule["when"], env) is True)
            if not fires:
                continue
            for action, value in rule["then"]:
                if action == "boost":
                    score = score + float(value)
                elif action == "scale":
                    score = score * float(value)
                elif action == "include":
                    if value:
                        results[aid]["include"] = True
                elif action == "exclude":
                    if value:
                        results[aid]["exclude"] = True
                elif action == "note":
                    pass
                else:
                    raise ValueError(action)
        results[aid]["score"] = score

    # ---- ranking: areas without evidence after every area with evidence (4.2)
    def key(aid):
        r = results[aid]
        c = r["concern"]
        return (0 if r["evidence"] else 1, -r["score"], 0 if c is not None else 1,
                -(c["n"]) if c is not None else 0.0, aid)

    order = sorted(results, key=key)
    for i, aid in enumerate(order):
        results[aid]["rank"] = i + 1

    # ---- selection: `select` never picks an area without evidence; `top` counts only the
    # areas before them (they all rank first), `include` still selects
    sel = case.get("select")
    top = 3
    min_score = None
    if sel is not None:
        top = sel.get("top")
        min_score = sel.get("min_score")
    for aid in order:
        r = results[aid]
        ok = r["evidence"]
        if top is not None and r["rank"] > top:
            ok = False
        if min_score is not None and not (r["score"] >= float(min_score)):
            ok = False
        if r["include"]:
            ok = True
        if r["exclude"]:
            ok = False
        r["selected"] = ok

    # ---- plan
    selected = {aid for aid in order if results[aid]["selected"]}
    candidates = [m for m in case["measures"] if any(a in selected for a in m["addresses"])]
    values = []
    for m in candidates:
        e = EVIDENCE[m.get("evidence") or "untested"]
        v = 0.0
        for a in m["addresses"]:
            if a in selected:
                v += results[a]["score"] * float(m["effect"]) * e
        values.append(v)
    resource_names = {}  # normalised -> None
    for r in available:
        resource_names[r] = True
    for m in candidates:
        for r in m["cost"]:
            resource_names[norm(r)] = True

    n = len(candidates)
    feasible = []  # (value, cost, sorted ids, chosen indices)
    for mask in range(1 << n):
        chosen = [i for i in range(n) if mask >> i & 1]
        used: dict[str, float] = {}
        for i in chosen:
            for r, c in candidates[i]["cost"].items():
                nr = norm(r)
                used[nr] = used.get(nr, 0.0) + float(c)
        if any(not (u <= available.get(r, 0.0) + 1e-12 * max(1.0, available.get(r, 0.0)))
               for r, u in used.items()):
            continue
        value = 0.0
        for i in chosen:
            value += values[i]
        # The sum of all costs, exactly (as rationals): "lower" must not depend on the
        # order in which doubles such as 0.1 + 0.2 are added.
        cost = Fraction(0)
        for i in chosen:
            for c in candidates[i]["cost"].values():
                cost += Fraction(float(c))
        feasible.append((value, cost, sorted(candidates[i]["id"] for i in chosen), chosen))
    # The tie set is judged against the maximum value, so that the result does not depend on
    # an enumeration order: values within 1e-12 * max(1, |v1|, |v2|) of it tie; then the
    # lower total cost; then the lexicographically smaller sorted id list.
    vmax = max(f[0] for f in feasible)
    pool = [(f[1], f[2], f[3]) for f in feasible
            if abs(f[0] - vmax) <= 1e-12 * max(1.0, abs(f[0]), abs(vmax))]
    pool.sort(key=lambda p: (p[0], p[1]))
    _, plan_ids, chosen = pool[0]
    used = {}
    for i in chosen:
        for r, c in candidates[i]["cost"].items():
            nr = norm(r)
            used[nr] = used.get(nr, 0.0) + float(c)
    remaining = {r: available.get(r, 0.0) - used.get(r, 0.0) for r in resource_names}

    return {
        "period": period_text(T),
        "order": order,
        "areas": results,
        "plan": {"measures": plan_ids, "remaining": remaining, "value": vmax},
        "survey_period": survey_period,
        "resource_period": res_period,
        "baseline_years": baseline_years,
        "baseline_periods": [period_text(p) for p in baseline_years],
        "t_present": T in present,
        "compared_months": L,
        "baseline_dropped": dropped,
        "months": None if S is None else [month_text(S), month_text(E)],
    }

