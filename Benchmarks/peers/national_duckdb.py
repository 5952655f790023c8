#!/usr/bin/env python3
"""SPEC 4 / 4.2 scores and ranks of every municipality in DuckDB SQL, for `make bench`.

Usage: national_duckdb.py RULES.yaml DATADIR > scores.csv   (columns scope,area,rank,score)

The same model and assumptions as national_polars.py: the rule set's areas, survey items and
measure costs become small tables; everything else is one SQL query over the CSV files.
"""
import sys

import duckdb
import yaml


def main() -> None:
    rules = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    data = sys.argv[2]
    k = rules.get("trend", {}).get("baseline_periods", 3)
    s = rules.get("trend", {}).get("scale", 1.5)
    w = rules.get("weights", {"crime_trend": 0.40, "citizen_concern": 0.35, "resources": 0.25})
    total = w.get("crime_trend", 0) + w.get("citizen_concern", 0) + w.get("resources", 0)
    wt, wc, wr = (w.get(f, 0) / total for f in ("crime_trend", "citizen_concern", "resources"))
    con = duckdb.connect()
    con.execute("CREATE TABLE area_ids(area VARCHAR, has_categories BOOLEAN)")
    con.executemany("INSERT INTO area_ids VALUES (?, ?)", [(a["id"], bool(a.get("categories"))) for a in rules["areas"]])
    con.execute("CREATE TABLE areas(area VARCHAR, category VARCHAR)")
    con.executemany("INSERT INTO areas VALUES (?, ?)", [
        (a["id"], c.strip().lower()) for a in rules["areas"] for c in dict.fromkeys(a.get("categories") or [])])
    con.execute("CREATE TABLE items(area VARCHAR, item VARCHAR)")
    con.executemany("INSERT INTO items VALUES (?, ?)", [
        (a["id"], i.strip().lower()) for a in rules["areas"] for i in a.get("survey_items") or []])
    con.execute("CREATE TABLE measures(measure VARCHAR)")
    con.executemany("INSERT INTO measures VALUES (?)", [(m["id"],) for m in rules.get("measures", [])])
    con.execute("CREATE TABLE costs(measure VARCHAR, resource VARCHAR, cost DOUBLE)")
    con.executemany("INSERT INTO costs VALUES (?, ?, ?)", [
        (m["id"], r, float(c)) for m in rules.get("measures", []) for r, c in (m.get("cost") or {}).items()])
    con.execute("CREATE TABLE addresses(measure VARCHAR, area VARCHAR)")
    con.executemany("INSERT INTO addresses VALUES (?, ?)", [
        (m["id"], a) for m in rules.get("measures", []) for a in m["addresses"]])
    counties = [line.strip().split(": ")[0].split(" ", 1)[1] for line in open(
        f"{sys.path[0]}/../../Sources/Fokus/Geography/MunicipalityTable+Data.swift", encoding="utf-8")
        if ": " in line and " län" in line]
    con.execute("CREATE TABLE counties(name VARCHAR)")
    con.executemany("INSERT INTO counties VALUES (?)", [(c,) for c in counties])

    span = con.execute(f"""
        SELECT min(substr(datum, 1, 7)), max(substr(datum, 1, 7))
        FROM read_csv('{data}/handelser.csv', delim=';', header=true, all_varchar=true)""").fetchone()
    assert span[0].endswith("-01") and span[1].endswith("-12"), "events must span whole years"

    query = f"""
    WITH counts AS (
        SELECT trim(kommun) AS scope, CAST(substr(datum, 1, 4) AS INTEGER) AS year,
               lower(trim(brottskategori)) AS category, count(*) AS n
        FROM read_csv('{data}/handelser.csv', delim=';', header=true, all_varchar=true)
        WHERE trim(kommun) NOT IN (SELECT name FROM counties)
        GROUP BY ALL),
    present AS (SELECT DISTINCT scope, year FROM counts),
    latest AS (SELECT scope, max(year) AS T FROM present GROUP BY scope),
    baseline_years AS (
        SELECT p.scope, p.year FROM present p JOIN latest l USING (scope)
        WHERE p.year < l.T AND p.year >= l.T - {k}),
    kprime AS (SELECT scope, count(*) AS kprime FROM baseline_years GROUP BY scope),
    per_area AS (
        SELECT c.scope, a.area, c.year, sum(c.n) AS n FROM counts c JOIN areas a USING (category) GROUP BY ALL),
    trend AS (
        SELECT l.scope, ai.area, ai.has_categories, coalesce(y.n, 0) AS y, b.bsum, kp.kprime,
               ai.has_categories AND kp.kprime IS NOT NULL AS present_trend,
               b.bsum / kp.kprime AS base
        FROM latest l CROSS JOIN area_ids ai
        LEFT JOIN per_area y ON y.scope = l.scope AND y.area = ai.area AND y.year = l.T
        LEFT JOIN (
            SELECT bl.scope, ai2.area, sum(coalesce(pa.n, 0)) AS bsum
            FROM baseline_years bl CROSS JOIN area_ids ai2
            LEFT JOIN per_area pa ON pa.scope = bl.scope AND pa.area = ai2.area AND pa.year = bl.year
            GROUP BY ALL) b ON b.scope = l.scope AND b.area = ai.area
        LEFT JOIN kprime kp ON kp.scope = l.scope),
    trend_n AS (
        SELECT *, CASE WHEN present_trend THEN 1 / (1 + exp(-(2 * (sqrt(y + 0.375) - sqrt(base + 0.375))
                  / sqrt(1 + 1 / kprime)) / {s})) END AS n_trend
        FROM trend),
    survey AS (
        SELECT kommun AS scope, CAST("år" AS INTEGER) AS year, lower(trim("fråga")) AS item,
               CAST(andel AS DOUBLE) AS andel
        FROM read_csv('{data}/trygghetsundersokning.csv', delim=';', header=true, all_varchar=true)),
    survey_period AS (
        SELECT s.scope, max(s.year) AS sp FROM survey s JOIN latest l USING (scope) WHERE s.year <= l.T GROUP BY s.scope),
    concern AS (
        SELECT s.scope, i.area, max(s.andel) AS n_concern
        FROM survey s JOIN survey_period p ON p.scope = s.scope AND p.sp = s.year JOIN items i USING (item)
        GROUP BY ALL),
    resources AS (
        SELECT r.scope, CAST(r.period AS INTEGER) AS period, r.resource, CAST(r.available AS DOUBLE) AS available
        FROM read_csv('{data}/resurser.csv', delim=';', header=true, all_varchar=true) r
        JOIN latest l ON l.scope = r.scope WHERE CAST(r.period AS INTEGER) <= l.T),
    resource_period AS (SELECT scope, max(period) AS rp FROM resources GROUP BY scope),
    available AS (
        SELECT r.scope, r.resource, sum(r.available) AS available
        FROM resources r JOIN resource_period p ON p.scope = r.scope AND p.rp = r.period GROUP BY ALL),
    fit AS (
        SELECT p.scope, m.measure,
               coalesce((SELECT min(least(1.0, coalesce(a.available, 0) / c.cost))
                         FROM costs c LEFT JOIN available a ON a.scope = p.scope AND a.resource = c.resource
                         WHERE c.measure = m.measure AND c.cost > 0), 1.0) AS f
        FROM resource_period p CROSS JOIN measures m),
    res AS (
        SELECT p.scope, ai.area, coalesce(max(f.f), 0.0) AS n_res
        FROM resource_period p CROSS JOIN area_ids ai
        LEFT JOIN addresses ad ON ad.area = ai.area
        LEFT JOIN fit f ON f.scope = p.scope AND f.measure = ad.measure
        GROUP BY ALL),
    scored AS (
        SELECT t.scope, t.area, c.n_concern,
               (t.present_trend AND t.y + coalesce(t.bsum, 0) > 0) OR c.n_concern IS NOT NULL AS evidence,
               ((CASE WHEN t.n_trend IS NOT NULL THEN {wt} * t.n_trend ELSE 0.0 END
                 + CASE WHEN c.n_concern IS NOT NULL THEN {wc} * c.n_concern ELSE 0.0 END)
                + CASE WHEN r.n_res IS NOT NULL THEN {wr} * r.n_res ELSE 0.0 END) AS num,
               ((CASE WHEN t.n_trend IS NOT NULL THEN {wt} ELSE 0.0 END
                 + CASE WHEN c.n_concern IS NOT NULL THEN {wc} ELSE 0.0 END)
                + CASE WHEN r.n_res IS NOT NULL THEN {wr} ELSE 0.0 END) AS den
        FROM trend_n t
        LEFT JOIN concern c ON c.scope = t.scope AND c.area = t.area
        LEFT JOIN res r ON r.scope = t.scope AND r.area = t.area)
    SELECT scope, area,
           row_number() OVER (PARTITION BY scope ORDER BY evidence DESC, score DESC, n_concern DESC NULLS LAST,
                              area COLLATE "binary") AS rank,
           score
    FROM (SELECT *, CASE WHEN den > 0 THEN num / den ELSE 0.0 END AS score FROM scored)
    ORDER BY scope, rank
    """
    rows = con.execute(query).fetchall()
    out = ["scope,area,rank,score"]
    for scope, area, rank, score in rows:
        out.append(f"{scope},{area},{rank},{score!r}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
