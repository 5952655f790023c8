#!/usr/bin/env python3
"""Writes a national-scale data set and rule set for Fokus: every municipality of Sweden at once.

Usage: generate_national.py --seed N --out DIR [--rows-per-year 1500000] [--years 2020-2024]

DIR/rules.yaml      about 20 areas over about 30 crime categories, measures with costs
DIR/data/handelser.csv   one row a reported crime: datum;kommun;brottskategori;plats
                    (rows-per-year rows a year, sorted by date), a few filed under a county
DIR/data/trygghetsundersokning.csv   survey shares with respondents, every municipality and county
DIR/data/resurser.csv   police and municipal hours, every municipality

The 290 municipalities and 21 counties are the official ones, read from the table Fokus bundles
(Sources/Fokus/Geography/MunicipalityTable+Data.swift). Volumes are population-skewed (a
Zipf-like weight per municipality, the metropolitan ones largest), categories have skewed
frequencies, and each municipality × category has its own yearly drift, so trends differ.
Deterministic from the seed; rows are written in batches, never held for the whole file.
"""
import argparse
import bisect
import itertools
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "Sources", "Fokus", "Geography", "MunicipalityTable+Data.swift")

# About 30 categories as the police's and Brå's exports name them, with relative frequencies.
CATEGORIES = [
    ("Stöld", 180), ("Bedrägeri", 150), ("Skadegörelse", 110), ("Misshandel", 70), ("Ofredande", 60),
    ("Olaga hot", 55), ("Narkotikabrott", 50), ("Trafikbrott", 45), ("Cykelstöld", 40), ("Snatteri", 38),
    ("Inbrott i bostad", 30), ("Fordonsstöld", 26), ("Stöld ur fordon", 24), ("Klotter", 22),
    ("Rattfylleri", 20), ("Bedrägeri mot äldre", 16), ("Dataintrång", 14), ("Våld mot tjänsteman", 9),
    ("Rån", 8), ("Trafikolycka, personskada", 8), ("Hot mot tjänsteman", 7), ("Vapenbrott", 6),
    ("Sexuellt ofredande", 6), ("Ringa narkotikabrott", 5), ("Brand", 5), ("Grov misshandel", 4),
    ("Olovlig körning", 4), ("Mord och dråp", 1), ("Människohandel", 1), ("Sammanfattning natt", 3),
]
PLACES = ["Centrum", "Bostadsområde", "Skola", "Handelsområde", "Landsväg", "Park", "Station", "Internet"]

# Areas: id, name, categories, survey item.
AREAS = [
    ("stold", "Stölder", ["Stöld", "Snatteri"], "Stölder i området"),
    ("bedrageri", "Bedrägerier", ["Bedrägeri", "Dataintrång"], "Oro för bedrägerier"),
    ("aldre", "Bedrägerier mot äldre", ["Bedrägeri mot äldre"], "Bedrägerier mot äldre"),
    ("skadegorelse", "Skadegörelse och klotter", ["Skadegörelse", "Klotter"], "Nedskräpning och klotter"),
    ("vald", "Våld i offentlig miljö", ["Misshandel", "Grov misshandel"], "Våld på allmän plats"),
    ("hot", "Hot och ofredande", ["Olaga hot", "Ofredande"], "Hot och trakasserier"),
    ("narkotika", "Narkotika", ["Narkotikabrott", "Ringa narkotikabrott"], "Personer påverkade av narkotika"),
    ("trafik", "Trafiksäkerhet", ["Trafikbrott", "Trafikolycka, personskada", "Olovlig körning"],
     "Bilar som körs på ett störande sätt"),
    ("rattfylleri", "Rattfylleri", ["Rattfylleri"], "Alkohol i trafiken"),
    ("cykel", "Cykelstölder", ["Cykelstöld"], "Cykelstölder"),
    ("inbrott", "Inbrott i bostäder", ["Inbrott i bostad"], "Inbrott i bostäder"),
    ("fordon", "Fordonsbrott", ["Fordonsstöld", "Stöld ur fordon"], "Bilinbrott"),
    ("tjansteman", "Våld och hot mot tjänstemän", ["Våld mot tjänsteman", "Hot mot tjänsteman"], None),
    ("ran", "Rån", ["Rån"], "Rån"),
    ("vapen", "Vapen och grovt våld", ["Vapenbrott", "Mord och dråp"], "Skjutningar och sprängningar"),
    ("sexualbrott", "Sexualbrott", ["Sexuellt ofredande"], "Oro för sexualbrott"),
    ("manniskohandel", "Människohandel", ["Människohandel"], None),
    ("brand", "Anlagda bränder", ["Brand"], "Bilbränder"),
    ("unga", "Ungdomsbrottslighet", [], "Ungdomsgäng"),
    ("trygghet", "Trygghet i centrum", [], "Otrygghet i centrum"),
]


def read_table():
    text = open(TABLE, encoding="utf-8").read()
    body = re.sub(r"\\\n\s+", "", text.split('"""')[1])
    counties, municipalities = [], []
    for line in body.strip().splitlines():
        code, rest = line.strip().split(" ", 1)
        name, members = rest.split(": ")
        counties.append((code, name))
        for member in members.split(", "):
            m_code, m_name = member.split(" ", 1)
            municipalities.append((m_code, m_name, name))
    return counties, municipalities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", required=True)
    parser.add_argument("--rows-per-year", type=int, default=1_500_000)
    parser.add_argument("--years", default="2020-2024")
    args = parser.parse_args()
    first, last = (int(y) for y in args.years.split("-"))
    years = list(range(first, last + 1))
    rng = random.Random(args.seed)
    counties, municipalities = read_table()
    os.makedirs(os.path.join(args.out, "data"), exist_ok=True)

    # Population-skewed volumes: Zipf-like weights over a seeded order, the three metropolitan
    # municipalities first.
    big = ["Stockholm", "Göteborg", "Malmö"]
    order = [m for m in municipalities if m[1] in big] + rng.sample(
        [m for m in municipalities if m[1] not in big], len(municipalities) - len(big))
    weight = {m[1]: 1.0 / (rank + 1) ** 0.95 for rank, m in enumerate(order)}
    # Scopes that rows are filed under: the municipalities, and each county for a few events.
    scopes = [m[1] for m in municipalities] + [c[1] for c in counties]
    scope_weight = [weight[m[1]] for m in municipalities] + [0.002] * len(counties)
    scope_cum = list(itertools.accumulate(scope_weight))
    cat_names = [c for c, _ in CATEGORIES]
    cat_base = [w for _, w in CATEGORIES]
    # A yearly drift per scope and category (most near 1, some rising or falling clearly).
    drift = {(s, c): rng.lognormvariate(0, 0.12) for s in scopes for c in cat_names}

    path = os.path.join(args.out, "data", "handelser.csv")
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("datum;kommun;brottskategori;plats\n")
        for year in years:
            # Days of the year, then how many rows each scope gets on each day (in date order).
            days = []
            for month in range(1, 13):
                for day in range(1, 32):
                    if day > (30 if month in (4, 6, 9, 11) else 29 if month == 2 and year % 4 == 0 else 28
                              if month == 2 else 31):
                        break
                    days.append(f"{year}-{month:02d}-{day:02d}")
            per_day = args.rows_per_year // len(days)
            extra = args.rows_per_year - per_day * len(days)
            weights_by_scope = {}
            for day_index, day in enumerate(days):
                n = per_day + (1 if day_index < extra else 0)
                scope_picks = rng.choices(range(len(scopes)), cum_weights=scope_cum, k=n)
                lines = []
                for s in scope_picks:
                    cum = weights_by_scope.get(s)
                    if cum is None:
                        name = scopes[s]
                        cum = list(itertools.accumulate(
                            b * drift[(name, c)] ** (year - first) for c, b in zip(cat_names, cat_base)))
                        weights_by_scope[s] = cum
                    c = bisect.bisect(cum, rng.random() * cum[-1])
                    lines.append(f"{day};{scopes[s]};{cat_names[min(c, len(cat_names) - 1)]};"
                                 f"{PLACES[rng.randrange(len(PLACES))]}\n")
                out.write("".join(lines))

    survey_items = sorted({a[3] for a in AREAS if a[3]})
    with open(os.path.join(args.out, "data", "trygghetsundersokning.csv"), "w", encoding="utf-8") as out:
        out.write("år;kommun;fråga;andel;svarande\n")
        for year in (years[-3], years[-1]):
            for scope in scopes:
                respondents = rng.randint(150, 2500)
                for item in survey_items:
                    out.write(f"{year};{scope};{item};{rng.randint(3, 75) / 100:.2f};{respondents}\n")

    with open(os.path.join(args.out, "data", "resurser.csv"), "w", encoding="utf-8") as out:
        out.write("period;scope;resource;available\n")
        for year in (years[-2], years[-1]):
            for code, name, county in municipalities:
                size = weight[name] / weight[big[0]]
                out.write(f"{year};{name};polis_timmar;{int(80 + 4000 * size * rng.uniform(0.5, 1.5))}\n")
                out.write(f"{year};{name};kommun_timmar;{int(120 + 6000 * size * rng.uniform(0.5, 1.5))}\n")

    lines = [
        "# A national rule set: every municipality evaluated with the same areas and measures.",
        "fokus: 1", "name: Nationell lägesbild", "period: latest",
        "trend: { baseline_periods: 3, scale: 1.5 }",
        "weights: { crime_trend: 0.40, citizen_concern: 0.35, resources: 0.25 }",
        "missing: renormalise", "select: { top: 3 }", "concern: { aggregate: max }",
        "sensitivity: { samples: 2000, concentration: 50, seed: 2024, vary: [weights] }", "areas:",
    ]
    for area_id, name, cats, item in AREAS:
        lines.append(f"  - id: {area_id}")
        lines.append(f"    name: {name}")
        lines.append("    categories: [" + ", ".join(f'"{c}"' for c in cats) + "]")
        lines.append("    survey_items: [" + (f'"{item}"' if item else "") + "]")
        lines.append("    owners: [polis, kommun]")
    lines.append("measures:")
    for i, (area_id, name, _, _) in enumerate(AREAS):
        if area_id in ("manniskohandel",):
            continue
        addresses = [area_id] + ([AREAS[(i + 7) % len(AREAS)][0]] if i % 3 == 0 else [])
        lines += [f"  - id: atgard_{area_id}", f"    name: Åtgärd mot {name.lower()}",
                  "    addresses: [" + ", ".join(addresses) + "]",
                  f"    cost: {{ polis_timmar: {rng.randint(20, 400)}, kommun_timmar: {rng.randint(0, 600)} }}",
                  f"    effect: {rng.randint(1, 6) / 10}",
                  f"    evidence: {rng.choice(['strong', 'moderate', 'weak', 'untested'])}"]
    with open(os.path.join(args.out, "rules.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
