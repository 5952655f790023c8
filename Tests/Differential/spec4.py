"""Reference implementation of SPEC section 4 (the default scoring model) and 4.1.

Written from the SPEC text only, as an independent oracle for Fokus. Plain Python 3.11,
standard library only. It works on in-memory inputs (see `evaluate`) and returns the same
numbers report.json carries: per area rank, score, selected and the factors; the plan's
measures and what each resource has left.

Only year granularity is modelled (crime periods may be written as years, months
`YYYY-MM` or quarters `YYYY-Qn`; they are summed into their year). Survey and resource
periods are years.

Expressions (`when:`) are given as small syntax trees (tuples), see `eval_expr`.
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
# Weights
# --------------------------------------------------------------------------------------


def normalise(w):
    total = (w["crime_trend"] + w["citizen_concern"]) + w["resources"]
    return {f: w[f] / total for f in FACTORS}


def global_weights(given):
    if given is None:
        w = dict(DEFAULT_WEIGHTS)
    else:
        w = {f: float(given.get(f, 0.0)) for f in FACTORS}
    if all(w[f] == 0 for f in FACTORS):
        raise EvaluationError("all-zero weights")
    return normalise(w)


def area_weights(glob, override):
    if not override:
        return dict(glob)
    w = dict(glob)
    for f, v in override.items():
        w[f] = float(v)
    if all(w[f] == 0 for f in FACTORS):
        raise EvaluationError("all-zero area weights")
    return normalise(w)


# --------------------------------------------------------------------------------------
# The evaluation
# --------------------------------------------------------------------------------------


def evaluate(case):
    """Evaluate one case.

    case keys:
      scope: str                      the rules' scope
      period: 'latest' | 'YYYY'
      K: int, s: float                trend settings
      weights: None | {factor: float} the global weights block as given
      missing: renormalise | zero | neutral | error
      select: None | {'top': int?, 'min_score': float?}
      aggregate: 'max' | 'mean'
      areas: [{id, name, categories, survey_items, owners, weights (dict|None),
               resources_score (float|None)}]
      measures: [{id, addresses, cost: {resource: float}, effect, evidence (str|None)}]
      rules: [{id, when (expr|None), then: [(action, value), ...]}]
      crime: [(period str, scope, category, count int)]
      survey: [(year int, scope, item, share float 0..1)]
      resources: [(year int, scope, resource, available float)]

    Returns a dict: {'period': 'YYYY', 'areas': {id: {...}}, 'order': [ids in rank order],
    'plan': {'measures': [...], 'remaining': {normalised resource: float}}}.
    Raises EvaluationError when Fokus must fail.
    """
    scope = norm(case["scope"])

    # ---- crime counts for the scope, summed per (year, category)
    counts: dict[tuple[int, str], int] = {}
    present: set[int] = set()
    for period, sc, cat, n in case["crime"]:
        if norm(sc) != scope:
            continue
        y = period_year(period)
        present.add(y)
        key = (y, norm(cat))
        counts[key] = counts.get(key, 0) + int(n)
    if not present:
        raise EvaluationError("the scope has no crime rows")
    if case["period"] == "latest":
        T = max(present)
    else:
        T = int(case["period"])
    K = int(case["K"])
    s = float(case["s"])
    baseline_years = [y for y in range(T - K, T) if y in present]

    # ---- survey: latest period <= T over all of the scope's rows
    survey_rows = [(y, norm(item), share) for y, sc, item, share in case["survey"] if norm(sc) == scope]
    survey_years = [y for y, _, _ in survey_rows if y <= T]
    survey_period = max(survey_years) if survey_years else None
    shares: dict[str, float] = {}
    for y, item, share in survey_rows:
        if y == survey_period:
            shares[item] = max(shares[item], share) if item in shares else share

    # ---- resources: latest period <= T, summed per resource
    res_rows = [(y, norm(r), a) for y, sc, r, a in case["resources"] if norm(sc) == scope]
    res_years = [y for y, _, _ in res_rows if y <= T]
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

    glob = global_weights(case.get("weights"))
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
        if cats and T in present and baseline_years:
            def x(t):
                return sum(counts.get((t, c), 0) for c in cats)

            y = x(T)
            kp = len(baseline_years)
            b = sum(x(t) for t in baseline_years) / kp
            ratio = (y + 0.5) / (b + 0.5)
            z = 2 * (math.sqrt(y + 3 / 8) - math.sqrt(b + 3 / 8)) / math.sqrt(1 + 1 / kp)
            n = 1 / (1 + math.exp(-z / s))
            trend = {"latest": float(y), "baseline": b, "ratio": ratio, "z": z, "n": n}
        # concern
        concern = None
        items = area.get("survey_items") or []
        if items and survey_period is not None:
            vals = []
            seen = set()
            for it in items:
                ni = norm(it)
                if ni in seen:
                    continue
                seen.add(ni)
                if ni in shares:
                    vals.append(shares[ni])
            if vals:
                if aggregate == "mean":
                    raw = sum(vals) / len(vals)
                else:
                    raw = max(vals)
                concern = {"raw": raw, "n": min(1.0, max(0.0, raw))}
        # resources
        if area.get("resources_score") is not None:
            rraw = float(area["resources_score"])
        else:
            fits = [fit(m) for m in case["measures"] if aid in m["addresses"]]
            rraw = max(fits) if fits else 0.0
        resources = {"raw": rraw, "n": rraw}

        w = area_weights(glob, area.get("weights"))
        nvals = {
            "crime_trend": trend["n"] if trend else None,
            "citizen_concern": concern["n"] if concern else None,
            "resources": resources["n"],
        }
        num = None
        den = None
        for f in FACTORS:
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
                "resources.raw": resources["raw"],
                "n.trend": trend["n"] if trend else MISSING,
                "n.concern": concern["n"] if concern else MISSING,
                "n.resources": resources["n"],
                "score": score,
                "area.id": aid,
                "area.owners": list(area.get("owners") or []),
            }
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

    # ---- ranking
    def key(aid):
        r = results[aid]
        c = r["concern"]
        return (-r["score"], 0 if c is not None else 1, -(c["n"]) if c is not None else 0.0, aid)

    order = sorted(results, key=key)
    for i, aid in enumerate(order):
        results[aid]["rank"] = i + 1

    # ---- selection
    sel = case.get("select")
    top = 3
    min_score = None
    if sel is not None:
        top = sel.get("top")
        min_score = sel.get("min_score")
    for aid in order:
        r = results[aid]
        ok = True
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
        "period": str(T),
        "order": order,
        "areas": results,
        "plan": {"measures": plan_ids, "remaining": remaining, "value": vmax},
        "survey_period": survey_period,
        "resource_period": res_period,
        "baseline_years": baseline_years,
    }

