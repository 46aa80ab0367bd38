"""Shared helpers for the HMIP notebooks: open the warehouse read-only, run the project's trend SQL
(the same files `./hmip trends` runs), guard tables that other stages create, and finish charts with a
title, labelled axes and a source note naming the documents."""
from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

import duckdb
import matplotlib.pyplot as plt
import pandas as pd

RATING_ORDER = ["Outstanding", "Good", "Requires improvement", "Inadequate", "Not rated"]
RATING_COLOURS = {"Outstanding": "#1b7837", "Good": "#7fbf7b", "Requires improvement": "#f4a582",
                  "Inadequate": "#b2182b", "Not rated": "#bababa"}
RATING_POINTS = {"Outstanding": 3, "Good": 2, "Requires improvement": 1, "Inadequate": 0}


def project_root() -> Path:
    """The repository root: HMIP_HOME, else the first folder upwards holding pom.xml and notebooks/."""
    if os.environ.get("HMIP_HOME"):
        return Path(os.environ["HMIP_HOME"]).resolve()
    here = Path.cwd().resolve()
    for p in [here, *here.parents]:
        if (p / "pom.xml").exists() and (p / "notebooks").is_dir():
            return p
    return here


def warehouse_path(parameter: str | None = None) -> Path:
    """The warehouse file: the notebook parameter, else $HMIP_DB, else var/hmip.duckdb (what `./hmip ingest` writes)."""
    value = parameter or os.environ.get("HMIP_DB") or str(project_root() / "var" / "hmip.duckdb")
    return Path(value).expanduser().resolve()


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `./hmip ingest` first (or set HMIP_DB)")
    return duckdb.connect(str(path), read_only=True)


def has_table(con, table: str, columns: list[str] | tuple = ()) -> bool:
    """Whether a table or view exists in the main schema with all the given columns."""
    have = {r[0].lower() for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
        "AND lower(table_name) = lower(?)", [table]).fetchall()}
    return bool(have) and all(c.lower() in have for c in columns)


def tables_like(con, pattern: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name ILIKE ? "
        "ORDER BY 1", [pattern]).fetchall()]


def q(con, sql: str, params=None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


# ---- trend tables: the project's SQL files, run exactly as Trends.run does in Java ----

TRENDS_DIR = Path("pipeline/src/main/resources/hmip/trends")


def trend_catalog() -> list[dict]:
    return json.loads((project_root() / TRENDS_DIR / "catalog.json").read_text(encoding="utf-8"))["tables"]


def trend(con, name: str, region=None, from_year=None, to_year=None, standard=None) -> pd.DataFrame:
    """Runs one trend table. Notes (e.g. a missing input table) are in df.attrs['notes']."""
    entry = next((t for t in trend_catalog() if t["name"] == name), None)
    if entry is None:
        raise KeyError(f"no trend table named {name}")
    file, notes = f"{name}.sql", []
    for req in entry.get("requires", []):
        if not has_table(con, req["table"], req["columns"]):
            file, notes = entry["fallback"], [entry["fallbackNote"]]
            break
    sql = (project_root() / TRENDS_DIR / file).read_text(encoding="utf-8")
    df = con.execute(sql, [region, from_year, to_year, standard]).df()
    df.attrs["notes"] = notes
    df.attrs["title"] = entry["title"]
    return df


# ---- documents and source notes ----

def documents(con) -> pd.DataFrame:
    return q(con, "SELECT doc_id, doc_type, title, published, region, framework, pages FROM documents "
                  "WHERE status = 'ok' ORDER BY doc_id")


def doc_label(row) -> str:
    title = row.get("title") if hasattr(row, "get") else None
    if isinstance(title, str) and title.strip():
        label = title.strip()
    else:
        kind = (row.get("doc_type") or "document").replace("_", " ")
        label = f"untitled {kind}"
    pub = row.get("published")
    return f"{row['doc_id']} ({label}{', ' + pub if isinstance(pub, str) and pub else ''})"


def source_note(con, doc_ids) -> str:
    """'Source: HM Inspectorate of Probation, <doc labels>' for the given doc ids (strings or '; '-joined lists)."""
    ids = set()
    for v in doc_ids if doc_ids is not None else []:
        if isinstance(v, str):
            ids.update(x.strip() for x in v.split(";") if x.strip())
    if not ids:
        return "Source: HMIP warehouse (no documents contributed rows)"
    docs = documents(con)
    docs = docs[docs.doc_id.isin(ids)]
    labels = [doc_label(r) for _, r in docs.iterrows()]
    return "Source: HM Inspectorate of Probation reports " + "; ".join(labels) + ". Crown copyright, OGL v3.0."


def finish(fig, ax, title: str, xlabel: str, ylabel: str, source: str, top: float = 1.0):
    """Title, axis labels and a wrapped source note under the axes; `top` < 1 leaves room for a suptitle."""
    if title:  # None keeps a subplot's own title (the figure's title is then a suptitle)
        ax.set_title(title, fontsize=11, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    wrapped = "\n".join(textwrap.wrap(source, 150))
    fig.tight_layout(rect=(0, 0, 1, top))
    # below the figure's bottom edge: the inline backend saves with bbox_inches='tight', so the note is kept
    # and can never overlap tick labels or axis titles
    fig.text(0.01, -0.01, wrapped, fontsize=7, ha="left", va="top", color="#444444")
    return fig


def no_data_chart(title: str, message: str, xlabel: str, ylabel: str, source: str):
    """A chart that says plainly there is nothing to plot yet, still titled, labelled and sourced."""
    fig, ax = plt.subplots(figsize=(8, 2.6))
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, wrap=True, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return finish(fig, ax, title, xlabel, ylabel, source)


# ---- text mining over page text (works before the structured extractor has run) ----

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z•])|\s*•\s*|\n{2,}")


def sentences(text: str) -> list[str]:
    text = re.sub(r"[ \t]+", " ", text.replace("\r", ""))
    out = []
    for part in _SPLIT.split(text):
        part = re.sub(r"\s+", " ", part).strip()
        if len(part) > 20:
            out.append(part)
    return out


WORD_FRACTIONS = {"a quarter": 25, "one quarter": 25, "a third": 33, "one third": 33, "half": 50,
                  "two-thirds": 67, "two thirds": 67, "three-quarters": 75, "three quarters": 75}
_PCT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:per\s*cent|percent|%)", re.I)
_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUM = r"(\d[\d,]*|" + "|".join(_SMALL) + r")"
_OUT_OF = re.compile(_NUM + r"\s+(?:\w+\s+)?out of\s+(?:the\s+|all\s+)?" + _NUM, re.I)
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.]*\s*(?:per\s*cent|percent|%))")
_UNIT = re.compile(r"(\d+)\s+(weeks?|days?|months?)", re.I)


def quantities(sentence: str) -> list[dict]:
    """Figures in a sentence: percentages, 'x out of y', durations and plain counts, with their kind."""
    found = []
    for m in _PCT.finditer(sentence):
        found.append({"value": float(m.group(1)), "unit": "%", "figure": m.group(0)})
    for m in _OUT_OF.finditer(sentence):
        a, b = (_SMALL.get(g.lower(), None) if g.lower() in _SMALL else int(g.replace(",", ""))
                for g in (m.group(1), m.group(2)))
        if b:
            found.append({"value": round(100 * a / b, 1), "unit": "% (x out of y)", "figure": m.group(0)})
    for m in _UNIT.finditer(sentence):
        found.append({"value": float(m.group(1)), "unit": m.group(2).lower().rstrip("s") + "s", "figure": m.group(0)})
    lowered = sentence.lower()
    for words, pct in WORD_FRACTIONS.items():
        if re.search(r"\b" + re.escape(words) + r"\b", lowered):
            found.append({"value": float(pct), "unit": "% (in words)", "figure": words})
    used = " ".join(f["figure"] for f in found)
    for m in _NUMBER.finditer(sentence):
        n = m.group(1)
        if n in used or re.fullmatch(r"(19|20)\d\d", n) or re.match(r"\d+\.\d", sentence[m.start():m.start() + 4]):
            continue
        if int(n.replace(",", "")) >= 10:
            found.append({"value": float(n.replace(",", "")), "unit": "count", "figure": n})
    return found


def mention_kind(sentence: str) -> str:
    s = sentence.lower()
    if re.search(r"backlog|awaiting|outstanding (?:enquir|check|request)", s):
        return "backlog"
    if re.search(r"delay|waiting|took up to|weeks|days to", s):
        return "delay"
    if re.search(r"enquir|checks?\b|information (?:was|were) (?:requested|obtained|sought)", s):
        return "enquiries / checks made"
    if re.search(r"perpetrator|caseload|of (?:probation |all )?cases (?:were|involved)", s):
        return "prevalence on caseload"
    return "other figure"
