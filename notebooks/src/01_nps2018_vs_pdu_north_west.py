# %% [markdown]
# # North West: 2018 NPS division ratings against 2021+ PDU ratings
#
# The 2018-19 inspections rated each National Probation Service **division**; from June 2021 the
# inspectorate rates each **Probation Delivery Unit (PDU)**. This notebook lines the two up for the North
# West lineage, standard by standard, using:
#
# * the **standards crosswalk** (`ref_standards`: NPS 2.1-2.4 -> PDU 2.2-2.5, NPS 3.1 -> PDU 2.1, 1.1-1.4 unchanged);
# * the **geography lineage** (which 2021+ regions sit inside the 2018 North West division);
# * the **check findings** and extraction notes that qualify the comparison.
#
# It opens the warehouse read-only. Set `WAREHOUSE` below, or the environment variable `HMIP_DB`;
# the default is `var/hmip.duckdb`, what `./hmip ingest` writes.

# %% tags=["parameters"]
WAREHOUSE = None  # path to the DuckDB warehouse; None = $HMIP_DB or var/hmip.duckdb
DIVISION = "North West"  # the 2018 NPS division whose lineage is compared

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import hmip_nb as h

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 80)
db = h.warehouse_path(WAREHOUSE)
con = h.connect(db)
print("warehouse:", db)
h.documents(con)

# %% [markdown]
# ## The crosswalk
# Ratings carry the code their own framework prints (`standard`) and the 2021 PDU code
# (`canonical_standard`). This is the mapping the comparison relies on.

# %%
crosswalk = h.q(con, """
    SELECT n.code AS nps_2018_code, n.name AS nps_2018_name, n.canonical_standard AS pdu_2021_code,
           p.name AS pdu_2021_name, n.code <> n.canonical_standard AS renumbered
    FROM ref_standards n LEFT JOIN ref_standards p ON p.framework = 'pdu_2021' AND p.code = n.canonical_standard
    WHERE n.framework = 'nps_2018' ORDER BY n.canonical_standard""")
crosswalk

# %% [markdown]
# ## The geography lineage
# The reference data's lineage (`ref_nps_lineage`, from `data/reference/nps_lineage.csv`): which 2021+
# regions each 2018 NPS division became. The 2018 North West division covered what became the
# **North West** and the **Greater Manchester** regions.

# %%
lineage = h.q(con, "SELECT nps_division_2018 AS division_2018, region_2021, relation, 'ref_nps_lineage' AS source "
                   "FROM ref_nps_lineage WHERE nps_division_2018 = ? ORDER BY region_2021", [DIVISION])
assert not lineage.empty, f"no lineage for the division {DIVISION!r} in ref_nps_lineage"
lineage

# %% [markdown]
# ## Ratings on both sides of the lineage
# The 2018 side is the division's own rating; the 2021+ side is every PDU inspected in the lineage's regions,
# each inspection counted once (a PDU printed in its own report and again in a regional letter counts once).
# The trend SQL used is the project's `ratings_by_region_year`, the same table `./hmip trends` prints.

# %%
regions_2021 = sorted(set(lineage.region_2021))
parts = [h.trend(con, "ratings_by_region_year", region=DIVISION, to_year=2020)]
parts += [h.trend(con, "ratings_by_region_year", region=r, from_year=2021) for r in regions_2021]
ratings = pd.concat(parts, ignore_index=True)
ratings["side"] = np.where(ratings.year.fillna(0) <= 2020, "2018 NPS division", "2021+ PDUs")
division = ratings[ratings.side == "2018 NPS division"]
pdus = ratings[ratings.side == "2021+ PDUs"]
print(f"2018 division ratings: {int(division.providers.sum())}; 2021+ PDU ratings: {int(pdus.providers.sum())} "
      f"in {', '.join(regions_2021)}")
ratings.drop(columns=["provider_names"]).head(40)

# %%
standards = h.q(con, "SELECT code AS canonical_standard, name FROM ref_standards WHERE framework = 'pdu_2021' "
                     "AND rated ORDER BY code")
div_by_std = division.groupby("canonical_standard").rating.first()
pdu_counts = pdus.pivot_table(index="canonical_standard", columns="rating", values="providers",
                              aggfunc="sum", fill_value=0)
comparison = standards.set_index("canonical_standard").join(div_by_std.rename("division_2018_rating"))
for r in h.RATING_ORDER:
    comparison[f"pdus_{r}"] = pdu_counts[r] if r in pdu_counts else 0
comparison = comparison.fillna({c: 0 for c in comparison.columns if c.startswith("pdus_")})
rated_cols = [f"pdus_{r}" for r in h.RATING_ORDER[:4]]
comparison["pdus_rated"] = comparison[rated_cols].sum(axis=1)
points = sum(comparison[f"pdus_{r}"] * p for r, p in h.RATING_POINTS.items())
comparison["pdu_mean_points"] = (points / comparison.pdus_rated.replace(0, np.nan)).round(2)
comparison["division_points"] = comparison.division_2018_rating.map(h.RATING_POINTS)
comparison["pdus_below_division"] = [
    int(sum(row[f"pdus_{r}"] for r, p in h.RATING_POINTS.items()
            if pd.notna(row.division_points) and p < row.division_points))
    for _, row in comparison.iterrows()]
comparison

# %% [markdown]
# ### Chart: PDU ratings per standard, with the 2018 division's rating marked

# %%
src = h.source_note(con, ratings.doc_ids)
title = f"{DIVISION} lineage: 2021+ PDU ratings by standard against the 2018 NPS division rating"
if comparison.pdus_rated.sum() == 0 and comparison.division_points.isna().all():
    h.no_data_chart(title, "No ratings in this warehouse yet (the structured extractor has not loaded any).",
                    "PDUs rated", "Canonical standard (2021 PDU framework)", src)
else:
    fig, (ax, axd) = plt.subplots(1, 2, figsize=(11, 5.5), sharey=True,
                                  gridspec_kw={"width_ratios": [5, 1.3], "wspace": 0.05})
    labels = [f"{code} {name}" for code, name in comparison.name.items()]
    y = np.arange(len(labels))
    left = np.zeros(len(labels))
    total = comparison[[f"pdus_{r}" for r in h.RATING_ORDER]].sum(axis=1).replace(0, np.nan).to_numpy(dtype=float)
    for r in h.RATING_ORDER:
        vals = np.nan_to_num(100 * comparison[f"pdus_{r}"].to_numpy(dtype=float) / total)
        ax.barh(y, vals, left=left, color=h.RATING_COLOURS[r], label=r, edgecolor="white")
        left += vals
    for yi, n in zip(y, comparison[[f"pdus_{r}" for r in h.RATING_ORDER]].sum(axis=1)):
        ax.text(101, yi, f"n={int(n)}", va="center", fontsize=7)
    ax.set_xlim(0, 110)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    bars, names = ax.get_legend_handles_labels()
    for yi, rating in zip(y, comparison.division_2018_rating):
        colour = h.RATING_COLOURS.get(rating, "white") if isinstance(rating, str) else "white"
        axd.barh(yi, 1, color=colour, edgecolor="white")
        axd.text(0.5, yi, rating if isinstance(rating, str) else "no rating", ha="center", va="center", fontsize=7)
    axd.set_xlim(0, 1)
    axd.set_xticks([])
    axd.set_title("2018 NPS division", fontsize=9)
    axd.set_xlabel("rating")
    axd.legend(bars, names, title="2021+ PDU rating", fontsize=7, title_fontsize=8, loc="upper left",
               bbox_to_anchor=(1.05, 1))
    h.finish(fig, ax, title, "% of 2021+ PDU inspections in the lineage's regions",
             "Canonical standard (2021 PDU framework)", src)
plt.show()

# %% [markdown]
# ## Key questions: the division's percentage against the PDUs' spread
# Case-supervision ratings are set by the lowest key-question percentage 'Yes'. Questions are lined up by
# canonical standard and focus (safety, desistance, engagement), since 2018 asks about the 'service user' and
# 2021+ about the 'person on probation'.

# %%
kq_parts = [h.trend(con, "key_questions_by_provider", region=DIVISION, to_year=2020)]
kq_parts += [h.trend(con, "key_questions_by_provider", region=r, from_year=2021) for r in regions_2021]
kq = pd.concat(kq_parts, ignore_index=True)
kq["side"] = np.where(kq.year.fillna(0) <= 2020, "2018 NPS division", "2021+ PDUs")
kq_cmp = (kq.groupby(["canonical_standard", "standard_name", "question_focus", "side"]).percent_yes
            .agg(["count", "min", "median", "max"]).unstack("side"))
kq_cmp

# %%
title = f"{DIVISION} lineage: key-question % 'Yes', 2018 division (◆) against 2021+ PDUs (bar: range, ●: median)"
src = h.source_note(con, kq.doc_id)
case = kq[kq.question_focus.isin(["safety", "desistance", "engagement"])]
if case.empty:
    h.no_data_chart(title, "No key-question percentages in this warehouse yet.", "% of cases answered 'Yes'",
                    "Standard and question", src)
else:
    keys = sorted(set(zip(case.canonical_standard, case.standard_name, case.question_focus)))
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(keys) + 2))
    for i, (code, name, focus) in enumerate(keys):
        sel = case[(case.canonical_standard == code) & (case.question_focus == focus)]
        p = sel[sel.side == "2021+ PDUs"].percent_yes
        d = sel[sel.side == "2018 NPS division"].percent_yes
        if len(p):
            ax.plot([p.min(), p.max()], [i, i], color="#4575b4", lw=3, alpha=0.6)
            ax.scatter([p.median()], [i], color="#4575b4", zorder=4, label="2021+ PDUs: median" if i == 0 else None)
        if len(d):
            ax.scatter(d, [i] * len(d), marker="D", color="black", zorder=5,
                       label="2018 NPS division" if "2018 NPS division" not in ax.get_legend_handles_labels()[1] else None)
    for x in (50, 65, 80):
        ax.axvline(x, color="#999999", ls=":", lw=1)
    ax.set_yticks(range(len(keys)), [f"{c} {n}: {f}" for c, n, f in keys], fontsize=8)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="lower left")
    h.finish(fig, ax, title, "% of inspected cases answered 'Yes' (dotted: bands from 50 RI, 65 Good, 80 Outstanding)",
             "Canonical standard: question focus", src)
plt.show()

# %% [markdown]
# ## What qualifies the comparison
# Check findings from the validation stage (score recomputation, rating bands, name variants, duplicated tables
# ...) for the documents compared, then the extraction notes, then caveats that follow from the data itself.

# %%
lineage_docs = sorted(set(ratings.doc_ids.dropna().astype(str).str.split("; ").explode().dropna()) |
                      set(kq.doc_id.dropna()))
if h.has_table(con, "check_findings", ["doc_id", "kind"]):
    checks = h.q(con, "SELECT * FROM check_findings WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY kind",
                 [lineage_docs])
    print(f"{len(checks)} check findings on the {len(lineage_docs)} documents compared")
    display(checks.groupby("kind").size().rename("findings").to_frame())
    display(checks.head(30))
else:
    print("check_findings (with columns doc_id, kind) is not in this warehouse yet (the validation stage has "
          "not run): relying on extraction notes and the caveats below.")
if h.has_table(con, "ratings_comparable"):
    display(h.q(con, "SELECT * FROM ratings_comparable LIMIT 50"))
notes = h.q(con, "SELECT doc_id, note FROM extraction_notes WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
                 "ORDER BY doc_id", [lineage_docs])
relevant = notes[notes.note.str.contains(r"score|rated|rating|discretion|typo|named|duplicat|table|2\.1",
                                         case=False, regex=True)]
print(f"{len(relevant)} of {len(notes)} extraction notes bear on ratings")
relevant

# %%
caveats = []
n_div = division.provider_names.nunique() if not division.empty else 0
n_pdu = len(set("; ".join(pdus.provider_names.dropna()).split("; ")) - {""}) if not pdus.empty else 0
if n_div and n_pdu:
    caveats.append(f"Unit of inspection differs: {n_div} NPS division in 2018 against {n_pdu} PDUs in 2021+; "
                   "a division rating summarises many offices, a PDU rating one.")
else:
    caveats.append("One side of the comparison has no ratings in this warehouse "
                   f"({n_div} division, {n_pdu} PDUs): nothing can be compared yet.")
not_rated = pdus[pdus.rating == "Not rated"]
if not not_rated.empty:
    caveats.append("Court work (2.1) was not rated for some PDUs: " + "; ".join(not_rated.provider_names) +
                   ". The 2018 equivalent (3.1) was rated for the division.")
unmapped = division[~division.canonical_standard.isin(standards.canonical_standard)]
if not unmapped.empty:
    caveats.append("No 2021 equivalent: " + ", ".join(f"{r.canonical_standard} {r.standard_name} ({r.rating})"
                                                      for r in unmapped.itertuples()) + " is left out of the chart.")
caveats.append("Frameworks changed between the two rounds (key questions reworded, 'service user' -> "
               "'person on probation'); the crosswalk maps standards, not identical measures.")
for c in caveats:
    print("-", c)

# %% [markdown]
# ## Reading
# The next cell states what this warehouse shows, computed from the tables above.

# %%
if comparison.pdus_rated.sum() and comparison.division_points.notna().any():
    worse = comparison[comparison.pdus_below_division > 0]
    lines = [f"{code} {row['name']}: division {row.division_2018_rating}; "
             f"{int(row.pdus_below_division)} of {int(row.pdus_rated)} PDUs rated lower"
             for code, row in worse.iterrows()]
    print(f"In {len(worse)} of {int(comparison.division_points.notna().sum())} comparable standards, "
          "PDUs in the lineage were rated below the 2018 division:")
    print("\n".join(lines))
else:
    print("Not enough ratings on both sides of the lineage in this warehouse to compare.")
