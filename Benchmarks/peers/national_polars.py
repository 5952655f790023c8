#!/usr/bin/env python3
"""SPEC 4 / 4.2 scores and ranks of every municipality with polars (lazy scan_csv), for `make bench`.

Usage: national_polars.py RULES.yaml DATADIR > scores.csv   (columns scope,area,rank,score)

The national rule set of generate_national.py: yearly periods, `period: latest`, `missing:
renormalise`, no `when:` rules, whole years of event data (so no part-year cut: the script checks
that the events span whole years, as SPEC 4.2 then compares whole periods). County names are not
municipalities and are left out, as `fokus evaluate --all-scopes` does.
"""
import math
import sys

import polars as pl
import yaml

EVIDENCE_WEIGHT = None  # (not used: the plan is not compared)


def main() -> None:
    rules = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    data = sys.argv[2]
    k = rules.get("trend", {}).get("baseline_periods", 3)
    s = rules.get("trend", {}).get("scale", 1.5)
    w = rules.get("weights", {"crime_trend": 0.40, "citizen_concern": 0.35, "resources": 0.25})
    total = w.get("crime_trend", 0) + w.get("citizen_concern", 0) + w.get("resources", 0)
    wt, wc, wr = (w.get(f, 0) / total for f in ("crime_trend", "citizen_concern", "resources"))

    areas = pl.DataFrame(
        [(a["id"], c.strip().lower()) for a in rules["areas"] for c in dict.fromkeys(a.get("categories") or [])],
        schema=["area", "category"], orient="row")
    items = pl.DataFrame(
        [(a["id"], i.strip().lower()) for a in rules["areas"] for i in a.get("survey_items") or []],
        schema=["area", "item"], orient="row")
    area_ids = pl.DataFrame({"area": [a["id"] for a in rules["areas"]],
                             "has_categories": [bool(a.get("categories")) for a in rules["areas"]]})
    costs = pl.DataFrame(
        [(m["id"], r, float(c)) for m in rules.get("measures", []) for r, c in (m.get("cost") or {}).items()],
        schema=["measure", "resource", "cost"], orient="row")
    addresses = pl.DataFrame(
        [(m["id"], a) for m in rules.get("measures", []) for a in m["addresses"]],
        schema=["measure", "area"], orient="row")

    events = (
        pl.scan_csv(f"{data}/handelser.csv", separator=";", schema_overrides={"datum": pl.Utf8})
        .select(
            pl.col("kommun").str.strip_chars().alias("scope"),
            pl.col("brottskategori").str.strip_chars().str.to_lowercase().alias("category"),
            pl.col("datum").str.slice(0, 4).cast(pl.Int32).alias("year"),
            pl.col("datum").str.slice(0, 7).alias("month"))
        .group_by("scope", "year", "category", "month").len()
        .collect())
    span = events.select(pl.col("month").min().alias("first"), pl.col("month").max().alias("last")).row(0)
    assert span[0].endswith("-01") and span[1].endswith("-12"), "events must span whole years"
    counts = events.group_by("scope", "year", "category").agg(pl.col("len").sum().alias("n"))
    counties = {line.strip().split(": ")[0].split(" ", 1)[1] for line in open(
        f"{sys.path[0]}/../../Sources/Fokus/Geography/MunicipalityTable+Data.swift", encoding="utf-8")
        if ": " in line and " län" in line}
    counts = counts.filter(~pl.col("scope").is_in(list(counties)))

    present = counts.select("scope", "year").unique()
    latest = present.group_by("scope").agg(pl.col("year").max().alias("T"))
    baseline_years = (present.join(latest, on="scope")
                      .filter((pl.col("year") < pl.col("T")) & (pl.col("year") >= pl.col("T") - k)))
    kprime = baseline_years.group_by("scope").agg(pl.len().alias("kprime"))
    per_area = (counts.join(areas, on="category").group_by("scope", "area", "year").agg(pl.col("n").sum()))
    scope_area = latest.join(area_ids, how="cross")
    y = (scope_area.join(per_area, left_on=["scope", "area", "T"], right_on=["scope", "area", "year"], how="left")
         .with_columns(pl.col("n").fill_null(0).alias("y")).drop("n"))
    b = (baseline_years.join(area_ids, how="cross")
         .join(per_area, on=["scope", "area", "year"], how="left")
         .group_by("scope", "area").agg(pl.col("n").fill_null(0).sum().alias("bsum")))
    trend = (y.join(b, on=["scope", "area"], how="left").join(kprime, on="scope", how="left")
             .with_columns(
                 present_trend=pl.col("has_categories") & pl.col("kprime").is_not_null(),
                 base=pl.col("bsum") / pl.col("kprime"))
             .with_columns(
                 z=2 * ((pl.col("y") + 0.375).sqrt() - (pl.col("base") + 0.375).sqrt())
                 / (1 + 1 / pl.col("kprime")).sqrt())
             .with_columns(n_trend=pl.when(pl.col("present_trend")).then(1 / (1 + (-pl.col("z") / s).exp()))))

    survey = (pl.scan_csv(f"{data}/trygghetsundersokning.csv", separator=";")
              .select(pl.col("kommun").alias("scope"), pl.col("år").alias("year"),
                      pl.col("fråga").str.strip_chars().str.to_lowercase().alias("item"), pl.col("andel"))
              .collect())
    survey_period = (survey.join(latest, on="scope").filter(pl.col("year") <= pl.col("T"))
                     .group_by("scope").agg(pl.col("year").max().alias("sp")))
    concern = (survey.join(survey_period, left_on=["scope", "year"], right_on=["scope", "sp"])
               .join(items, on="item").group_by("scope", "area").agg(pl.col("andel").max().alias("n_concern")))

    resources = (pl.scan_csv(f"{data}/resurser.csv", separator=";").collect()
                 .join(latest, on="scope").filter(pl.col("period") <= pl.col("T")))
    resource_period = resources.group_by("scope").agg(pl.col("period").max().alias("rp"))
    available = (resources.join(resource_period, left_on=["scope", "period"], right_on=["scope", "rp"])
                 .group_by("scope", "resource").agg(pl.col("available").sum()))
    fit = (resource_period.select("scope").join(costs.filter(pl.col("cost") > 0), how="cross")
           .join(available, on=["scope", "resource"], how="left")
           .with_columns(f=pl.min_horizontal(pl.lit(1.0), pl.col("available").fill_null(0) / pl.col("cost")))
           .group_by("scope", "measure").agg(pl.col("f").min()))
    measures = pl.DataFrame({"measure": [m["id"] for m in rules.get("measures", [])]})
    fit = (resource_period.select("scope").join(measures, how="cross")
           .join(fit, on=["scope", "measure"], how="left").with_columns(pl.col("f").fill_null(1.0)))
    res = (resource_period.select("scope").join(area_ids.select("area"), how="cross")
           .join(fit.join(addresses, on="measure"), on=["scope", "area"], how="left")
           .group_by("scope", "area").agg(pl.col("f").max().fill_null(0.0).alias("n_res")))

    scored = (trend.join(concern, on=["scope", "area"], how="left").join(res, on=["scope", "area"], how="left")
              .with_columns(
                  num=(pl.when(pl.col("n_trend").is_not_null()).then(wt * pl.col("n_trend")).otherwise(0.0)
                       + pl.when(pl.col("n_concern").is_not_null()).then(wc * pl.col("n_concern")).otherwise(0.0))
                  + pl.when(pl.col("n_res").is_not_null()).then(wr * pl.col("n_res")).otherwise(0.0),
                  den=(pl.when(pl.col("n_trend").is_not_null()).then(wt).otherwise(0.0)
                       + pl.when(pl.col("n_concern").is_not_null()).then(wc).otherwise(0.0))
                  + pl.when(pl.col("n_res").is_not_null()).then(wr).otherwise(0.0),
                  evidence=(pl.col("present_trend") & (pl.col("y") + pl.col("bsum").fill_null(0) > 0))
                  | pl.col("n_concern").is_not_null())
              .with_columns(score=pl.when(pl.col("den") > 0).then(pl.col("num") / pl.col("den")).otherwise(0.0))
              .sort(["scope", "evidence", "score", "n_concern", "area"],
                    descending=[False, True, True, True, False], nulls_last=True)
              .with_columns(rank=pl.int_range(1, pl.len() + 1).over("scope")))
    out = scored.select("scope", "area", "rank", "score")
    sys.stdout.write(out.write_csv())


if __name__ == "__main__":
    main()
