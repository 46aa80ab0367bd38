# %% [markdown]
# # Domestic abuse across regions
#
# What the inspections say about domestic abuse work, region by region:
#
# 1. **recommendations** on the theme (from the theme tables when loaded, else recommendations whose text names
#    domestic abuse), by region and addressee level;
# 2. **findings** (strengths and areas for improvement) on the theme;
# 3. **quantitative mentions** in the report text: backlogs, delays, percentages of cases with domestic abuse
#    enquiries made, prevalence on the caseload, read from every page of every document.
#
# The text mining in part 3 runs over `pages.text`, so it works even before the structured extractor has run.
# Figures are quoted as printed, with document and page, never corrected.

# %% tags=["parameters"]
WAREHOUSE = None  # path to the DuckDB warehouse; None = $HMIP_DB or var/hmip.duckdb
THEME = "domestic abuse"
THEME_PATTERN = r"domestic (?:abuse|violence)|\bDA\b|intimate partner"

# %%
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import hmip_nb as h

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 120)
db = h.warehouse_path(WAREHOUSE)
con = h.connect(db)
docs = h.documents(con)
docs["region"] = docs.region.fillna("(region not extracted)")
print("warehouse:", db, "|", len(docs), "documents")
docs

# %% [markdown]
# ## 1. Recommendations on the theme

# %%
if h.has_table(con, "recommendation_themes", ["rec_id", "theme"]):
    how = "theme tables (recommendation_themes)"
    recs = h.q(con, """SELECT r.*, d.region FROM recommendations r JOIN documents d USING (doc_id)
                       WHERE r.rec_id IN (SELECT rec_id FROM recommendation_themes WHERE theme ILIKE ?)""",
               [f"%{THEME}%"])
else:
    how = "text match (theme tables not loaded yet)"
    recs = h.q(con, """SELECT r.*, d.region FROM recommendations r JOIN documents d USING (doc_id)
                       WHERE regexp_matches(r.text, ?, 'i')""", [THEME_PATTERN])
all_recs = h.q(con, "SELECT d.region, count(*) AS n FROM recommendations r JOIN documents d USING (doc_id) GROUP BY 1")
recs["region"] = recs.region.fillna("(region not extracted)")
recs["text_key"] = recs.text.str.lower().str.replace(r"[^a-z0-9]+", "", regex=True)
print(f"{len(recs)} recommendations on {THEME} found by {how}; "
      f"{recs.text_key.nunique()} distinct texts (regional letters repeat PDU reports)")
by_region = (recs.groupby(["region", "addressee_level"]).agg(recommendations=("rec_id", "count"),
                                                             distinct_texts=("text_key", "nunique"))
             .reset_index())
totals = all_recs.assign(region=all_recs.region.fillna("(region not extracted)")).groupby("region").n.sum()
by_region["share_of_region_recs_pct"] = (100 * by_region.recommendations /
                                         by_region.region.map(totals)).round(1)
by_region

# %%
title = f"Recommendations on {THEME} by region and addressee level"
src = h.source_note(con, recs.doc_id)
if recs.empty:
    h.no_data_chart(title, "No recommendations in this warehouse yet (the structured extractor has not loaded any).",
                    "Recommendations", "Region", src)
else:
    pivot = by_region.pivot_table(index="region", columns="addressee_level", values="distinct_texts",
                                  aggfunc="sum", fill_value=0)
    fig, ax = plt.subplots(figsize=(9, 1.0 + 0.7 * len(pivot)))
    pivot.plot.barh(stacked=True, ax=ax, colormap="tab20c", edgecolor="white")
    ax.legend(title="Addressee level", fontsize=8)
    ax.invert_yaxis()
    h.finish(fig, ax, title + " (distinct texts)", "Distinct recommendations", "Region", src)
plt.show()

# %%
recs.drop_duplicates(["region", "text_key"])[["region", "doc_id", "provider", "addressee", "number", "text"]]

# %% [markdown]
# ## 2. Findings on the theme

# %%
findings = h.q(con, """SELECT f.*, d.region FROM findings f JOIN documents d USING (doc_id)
                      WHERE regexp_matches(f.text, ?, 'i')""", [THEME_PATTERN])
if findings.empty:
    print("No findings on the theme in this warehouse (the findings extractor has not loaded any yet); "
          "the quantitative mentions below come straight from the page text.")
else:
    findings["region"] = findings.region.fillna("(region not extracted)")
    display(findings.groupby(["region", "polarity"]).size().unstack(fill_value=0))
    display(findings[["region", "doc_id", "provider", "standard", "polarity", "text", "page"]])

# %% [markdown]
# ## 3. Quantitative mentions in the report text
# Every sentence or bullet that names domestic abuse and carries a figure, classified as a **backlog**, a
# **delay**, **enquiries / checks made** (typically "% of cases with domestic abuse enquiries"), **prevalence on
# caseload**, or another figure. Recommendation lists are left out (they carry numbering, not figures).

# %%
pages = h.q(con, "SELECT p.doc_id, p.page, p.text, d.region FROM pages p JOIN documents d USING (doc_id) "
                 "WHERE d.status = 'ok' ORDER BY p.doc_id, p.page")
rows = []
for r in pages.itertuples():
    for s in h.sentences(r.text):
        if not re.search(THEME_PATTERN, s, re.I) or re.search(r"should:|\bshould\s*$", s):
            continue
        for fig_ in h.quantities(s):
            rows.append({"region": r.region or "(region not extracted)", "doc_id": r.doc_id, "page": r.page,
                         "kind": h.mention_kind(s), "value": fig_["value"], "unit": fig_["unit"],
                         "figure": fig_["figure"], "sentence": s})
mentions = pd.DataFrame(rows, columns=["region", "doc_id", "page", "kind", "value", "unit", "figure", "sentence"])
# the same sentence printed in two documents (a regional letter quoting a report) is kept once per region
mentions = mentions.drop_duplicates(["region", "sentence", "figure"])
print(f"{len(mentions)} figures in {mentions.sentence.nunique()} sentences from {mentions.doc_id.nunique()} documents")
mentions.groupby(["region", "kind"]).size().unstack(fill_value=0) if not mentions.empty else mentions

# %%
mentions[["region", "kind", "figure", "doc_id", "page", "sentence"]]

# %% [markdown]
# ### Percentages of cases with domestic abuse enquiries made, and other percentages, by region

# %%
pct = mentions[mentions.unit.str.startswith("%")].copy()
title = f"{THEME.capitalize()}: percentages quoted in the reports, by region"
src = h.source_note(con, mentions.doc_id)
if pct.empty:
    h.no_data_chart(title, "No percentages near a mention of domestic abuse in this warehouse's page text.",
                    "% as printed", "Region and kind of figure", src)
else:
    pct["label"] = pct.region + " | " + pct.kind
    pct = pct.sort_values(["region", "kind", "value"])
    fig, ax = plt.subplots(figsize=(10, 1.5 + 0.45 * len(pct)))
    colours = {k: c for k, c in zip(sorted(pct.kind.unique()), plt.cm.tab10.colors)}
    y = np.arange(len(pct))
    ax.barh(y, pct.value, color=[colours[k] for k in pct.kind])
    for yi, (v, d, p) in enumerate(zip(pct.value, pct.doc_id, pct.page)):
        ax.text(v + 1, yi, f"{v:g}%  ({d[:3]} p.{p})", va="center", fontsize=7)
    ax.set_yticks(y, pct.label, fontsize=8)
    ax.set_xlim(0, 115)
    ax.invert_yaxis()
    h.finish(fig, ax, title, "% as printed", "Region | kind of figure", src)
plt.show()

# %% [markdown]
# ### Backlogs and delays

# %%
waits = mentions[mentions.kind.isin(["backlog", "delay"]) & ~mentions.unit.str.startswith("%")]
title = f"{THEME.capitalize()}: backlogs and delays quoted in the reports"
src = h.source_note(con, waits.doc_id)
if waits.empty:
    h.no_data_chart(title, "No backlog or delay figures near a mention of domestic abuse in this warehouse.",
                    "Figure as printed", "Region", src)
else:
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.2))
    for ax, (kind, unit_filter, xlabel) in zip(axes, [("backlog", "count", "Items awaiting response (count)"),
                                                       ("delay", None, "Delay as printed (weeks / days / months)")]):
        sel = waits[waits.kind == kind]
        if unit_filter:
            sel = sel[sel.unit == unit_filter]
        if sel.empty:
            ax.text(0.5, 0.5, f"no {kind} figures", ha="center", va="center", transform=ax.transAxes)
            ax.set_yticks([])
        else:
            labels = sel.region + " (" + sel.doc_id.str[:3] + " p." + sel.page.astype(str) + ", " + sel.unit + ")"
            ax.barh(range(len(sel)), sel.value, color="#d6604d")
            for i, (v, f) in enumerate(zip(sel.value, sel.figure)):
                ax.text(v, i, f" {f}", va="center", fontsize=8)
            ax.set_xlim(0, sel.value.max() * 1.35)
            ax.set_yticks(range(len(sel)), labels, fontsize=8)
        ax.set_title(kind.capitalize(), fontsize=10, loc="left")
        ax.set_xlabel(xlabel)
        ax.set_ylabel("Region (document, page)")
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    h.finish(fig, axes[0], None, "Items awaiting response (count)", "Region (document, page)", src, top=0.9)
plt.show()

# %% [markdown]
# ## Reading

# %%
summary = []
for region, g in mentions.groupby("region"):
    parts = []
    for kind, gg in g.groupby("kind"):
        parts.append(f"{kind}: " + ", ".join(sorted(set(gg.figure)))[:160])
    summary.append(f"{region}: " + " | ".join(parts))
print(f"{len(recs)} recommendations ({recs.text_key.nunique()} distinct) on {THEME}, "
      f"in {recs.region.nunique()} region(s); {len(findings)} findings.")
print("\n".join(summary) if summary else "No quantitative mentions found.")
