"""Builds the .ipynb notebooks from their percent-format sources (notebooks/src/*.py, jupytext style:
'# %%' starts a code cell, '# %% [markdown]' a markdown cell, '# %% tags=["parameters"]' a tagged cell).
Run: python notebooks/make_notebooks.py        (writes notebooks/*.ipynb)
     python notebooks/make_notebooks.py --check (fails if a committed .ipynb is out of date)"""
import re
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^# %%(?P<md> \[markdown\])?(?: tags=\[(?P<tags>[^\]]*)\])?\s*$")


def build(src: Path) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    cells, kind, tags, lines = [], None, [], []

    def flush():
        if kind is None:
            return
        text = "\n".join(lines).strip("\n")
        if kind == "md":
            text = "\n".join(l[2:] if l.startswith("# ") else l.lstrip("#") for l in text.split("\n"))
            cell = nbformat.v4.new_markdown_cell(text)
        else:
            cell = nbformat.v4.new_code_cell(text)
        if tags:
            cell.metadata["tags"] = tags
        cell.pop("id", None)
        cells.append(cell)

    for line in src.read_text(encoding="utf-8").split("\n"):
        m = HEADER.match(line)
        if m:
            flush()
            kind = "md" if m.group("md") else "code"
            tags = [t.strip().strip('"') for t in m.group("tags").split(",")] if m.group("tags") else []
            lines = []
        elif kind is not None:
            lines.append(line)
    flush()
    nb.cells = cells
    nb.nbformat, nb.nbformat_minor = 4, 4
    return nb


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for src in sorted((HERE / "src").glob("*.py")):
        target = HERE / (src.stem + ".ipynb")
        text = nbformat.writes(build(src)) + "\n"
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(HERE.parent)}")
    if stale:
        print("out of date (run python notebooks/make_notebooks.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
