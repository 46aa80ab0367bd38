# %% [markdown]
# # Policy trend pack
#
# Every trend table of the project's catalogue (`./hmip trends` lists the same ones), as a table and a chart.
# The tables are computed by the SQL files in `pipeline/src/main/resources/hmip/trends/`, exactly as the
# command line and the exports compute them. Filters below narrow every table at once.

# %% tags=["parameters"]
WAREHOUSE = None  # path to the DuckDB warehouse; None = $HMIP_DB or var/hmip.duckdb
REGION = None     # e.g. "North West"; None = every region
FROM_YEAR = None  # first inspection year, inclusive
TO_YEAR = None    # last inspection year, inclusive

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import hmip_nb as h

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 60)
db = h.warehouse_path(WAREHOUSE)
con = h.connect(db)
print("warehouse:", db)
catalog = pd.DataFrame(h.trend_catalog())[["name", "title", "description"]]
tables = {t: h.trend(con, t, REGION, FROM_YEAR, TO_YEAR) for t in catalog.name}
catalog.assign(rows=[len(tables[t]) for t in catalog.name],
               notes=[" ".join(tables[t].attrs["notes"]) for t in catalog.name])


# %%
def show(name):
    df = tables[name]
    entry = catalog.set_index("name").loc[name]
    print(f"{entry.title}\n{entry.description}")
    for n in df.attrs["notes"]:
        print("NOTE:", n)
    return df.drop(columns=[c for c in ("provider_names", "doc_ids", "example_question", "question")
                            if c in df.columns])


# %% [markdown]
# ## 1. Ratings distribution by region and year, per canonical standard

# %%
show("ratings_by_region_year")

# %%
df = tables["ratings_by_region_year"]
title = "Ratings by canonical standard, per region and inspection year"
src = h.source_note(con, df.doc_ids)
if df.empty:
    h.no_data_chart(title, "No ratings in this warehouse yet.", "Canonical standard", "Inspected units", src)
else:
    groups = list(df.groupby(["region", "year"]))
    fig, axes = plt.subplots(len(groups), 1, figsize=(10, 2.8 * len(groups)), squeeze=False)
    for ax, ((region, year), g) in zip(axes[:, 0], groups):
        p = g.pivot_table(index="canonical_standard", columns="rating", values="providers", aggfunc="sum",
                          fill_value=0)
        p = p[[r for r in h.RATING_ORDER if r in p.columns]]
        p.plot.bar(stacked=True, ax=ax, color=[h.RATING_COLOURS[r] for r in p.columns], edgecolor="white",
                   legend=False, rot=0)
        fw = ", ".join(sorted(g.framework.dropna().unique()))
        ax.set_title(f"{region} {year:.0f} ({fw})", fontsize=9, loc="left")
        ax.set_xlabel("")
        ax.set_ylabel("Units rated")
        ax.yaxis.get_major_locator().set_params(integer=True)
    handles = [plt.Rectangle((0, 0), 1, 1, color=h.RATING_COLOURS[r]) for r in h.RATING_ORDER]
    axes[0, 0].legend(handles, h.RATING_ORDER, fontsize=7, title="Rating", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    h.finish(fig, axes[-1, 0], None, "Canonical standard (2021 PDU code)", "Units rated",
             src, top=1 - 0.5 / (2.8 * len(groups)))
plt.show()

# %% [markdown]
# ## 2. Share of PDUs rated Inadequate or Requires improvement

# %%
show("pdu_below_good_share")

# %%
df = tables["pdu_below_good_share"]
title = "Share of PDUs rated Inadequate or Requires improvement, per standard and region"
src = h.source_note(con, df.doc_ids)
if df.empty:
    h.no_data_chart(title, "No PDU ratings in this warehouse yet.", "% of PDUs rated", "Standard", src)
else:
    regions = sorted(df.region.dropna().unique())
    stds = sorted(df.canonical_standard.unique())
    names = df.drop_duplicates("canonical_standard").set_index("canonical_standard").standard_name
    fig, axes = plt.subplots(1, len(regions), figsize=(4 + 3.2 * len(regions), 1.8 + 0.4 * len(stds)),
                             sharey=True, squeeze=False)
    y = np.arange(len(stds))
    for ax, region in zip(axes[0], regions):
        g = df[df.region == region].set_index("canonical_standard").reindex(stds)
        ax.barh(y, g.inadequate_pct.fillna(0), color=h.RATING_COLOURS["Inadequate"], label="Inadequate")
        ax.barh(y, g.requires_improvement_pct.fillna(0), left=g.inadequate_pct.fillna(0),
                color=h.RATING_COLOURS["Requires improvement"], label="Requires improvement")
        for yi, n in zip(y, g.pdus_rated):
            ax.text(101, yi, "" if pd.isna(n) else f"n={int(n)}", va="center", fontsize=7)
        ax.set_xlim(0, 115)
        ax.set_title(region, fontsize=9, loc="left")
        ax.set_xlabel("% of PDUs rated on the standard")
    axes[0, 0].set_yticks(y, [f"{s} {names[s]}" for s in stds], fontsize=8)
    axes[0, 0].invert_yaxis()
    axes[0, -1].legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1))
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    h.finish(fig, axes[0, 0], None, "% of PDUs rated on the standard", "Canonical standard", src, top=0.93)
plt.show()

# %% [markdown]
# ## 3. Key-question percentages: minimum, median and maximum by region and year

# %%
show("key_question_spread")

# %%
df = tables["key_question_spread"]
title = "Key-question % 'Yes': range (bar) and median (●) across providers, by region and year"
src = h.source_note(con, df.doc_ids)
df = df[df.question_focus.isin(["safety", "desistance", "engagement", "outcomes"])] if not df.empty else df
if df.empty:
    h.no_data_chart(title, "No key-question percentages in this warehouse yet.", "% 'Yes'", "Question", src)
else:
    df = df.sort_values(["canonical_standard", "question_focus", "region", "year"]).reset_index(drop=True)
    series = sorted(set(zip(df.region, df.year)))
    colours = dict(zip(series, plt.cm.tab10.colors))
    fig, ax = plt.subplots(figsize=(10, 1.5 + 0.3 * len(df)))
    for i, r in df.iterrows():
        c = colours[(r.region, r.year)]
        ax.plot([r.min_pct, r.max_pct], [i, i], color=c, lw=4, alpha=0.5, solid_capstyle="butt")
        ax.scatter([r.median_pct], [i], color=c, zorder=3)
        ax.text(r.max_pct + 1, i, f"n={r.providers}", va="center", fontsize=7)
    ax.set_yticks(range(len(df)), [f"{r.canonical_standard} {r.standard_name}: {r.question_focus}"
                                   for r in df.itertuples()], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 105)
    for x in (50, 65, 80):
        ax.axvline(x, color="#999999", ls=":", lw=1)
    handles = [plt.Line2D([0], [0], color=colours[s], lw=4) for s in series]
    ax.legend(handles, [f"{reg} {yr:.0f}" for reg, yr in series], fontsize=7, loc="lower right")
    h.finish(fig, ax, title, "% of inspected cases answered 'Yes' (bands: 50 RI, 65 Good, 80 Outstanding)",
             "Canonical standard: question focus", src)
plt.show()

# %%
show("key_questions_by_provider")

# %% [markdown]
# ## 4. Recommendations by theme, addressee level and region

# %%
show("recommendations_by_theme")

# %%
df = tables["recommendations_by_theme"]
title = "Recommendations by addressee level and region" + ("" if df.theme.notna().any() else " (themes not loaded)")
src = h.source_note(con, df.doc_ids)
if df.empty:
    h.no_data_chart(title, "No recommendations in this warehouse yet.", "Recommendations", "Region", src)
else:
    themed = df.theme.notna().any()
    fig, axes = plt.subplots(1, 2 if themed else 1, figsize=(12 if themed else 9, 4), squeeze=False)
    p = df.pivot_table(index="region", columns="addressee_level", values="distinct_texts", aggfunc="sum",
                       fill_value=0)
    p.plot.barh(stacked=True, ax=axes[0, 0], colormap="tab20c", edgecolor="white")
    axes[0, 0].legend(title="Addressee level", fontsize=7)
    axes[0, 0].invert_yaxis()
    if themed:
        t = df.groupby("theme").distinct_texts.sum().sort_values()
        t.plot.barh(ax=axes[0, 1], color="#4393c3")
        axes[0, 1].set_title("By theme", fontsize=9)
        axes[0, 1].set_xlabel("Distinct recommendations")
        axes[0, 1].set_ylabel("Theme")
    h.finish(fig, axes[0, 0], title, "Distinct recommendations (repeats in regional letters counted once)",
             "Region", src)
plt.show()

# %% [markdown]
# ## 5. Validation check findings by kind

# %%
show("check_findings_by_kind")

# %%
df = tables["check_findings_by_kind"]
title = "Validation check findings by kind and region"
src = h.source_note(con, df.doc_ids)
if df.empty:
    h.no_data_chart(title, " ".join(df.attrs["notes"]) or "No check findings in this warehouse.",
                    "Findings", "Kind of check", src)
else:
    p = df.pivot_table(index="kind", columns="region", values="findings", aggfunc="sum", fill_value=0)
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.4 * len(p)))
    p.plot.barh(stacked=True, ax=ax, colormap="Set2", edgecolor="white")
    ax.invert_yaxis()
    ax.legend(title="Region", fontsize=7)
    h.finish(fig, ax, title, "Findings", "Kind of check", src)
plt.show()

# %% [markdown]
# ## Reading

# %%
r = tables["pdu_below_good_share"]
if not r.empty:
    worst = r.sort_values(["inadequate_pct", "pdus_rated"], ascending=False).head(3)
    for x in worst.itertuples():
        print(f"{x.region}, {x.canonical_standard} {x.standard_name}: {x.inadequate} of {x.pdus_rated} PDUs "
              f"Inadequate ({x.inadequate_pct:g}%), {x.below_good_pct:g}% below Good")
k = tables["key_question_spread"]
if not k.empty:
    low = k.sort_values("min_pct").head(3)
    for x in low.itertuples():
        print(f"Lowest key question: {x.region} {x.year:.0f} {x.canonical_standard} {x.question_focus} "
              f"{x.min_pct}% ({x.lowest_provider})")
if r.empty and k.empty:
    print("No ratings or key questions in this warehouse yet; the pack fills in once the extractor has run.")
