"""Checks a Parquet export against its warehouse: every table and view has a file, and DuckDB and pandas
both read back the warehouse's row count. Usage: python notebooks/check_export.py WAREHOUSE EXPORT_DIR"""
import sys
from pathlib import Path

import duckdb
import pandas as pd


def main(db: str, out: str) -> int:
    con = duckdb.connect(db, read_only=True)
    relations = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_catalog = current_database() ORDER BY 1").fetchall()]
    bad = []
    for t in relations:
        n = con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        f = Path(out) / f"{t}.parquet"
        if not f.exists():
            bad.append(f"{t}: no {f.name}")
            continue
        n_duck = duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(f)]).fetchone()[0]
        n_pandas = len(pd.read_parquet(f))
        if not n == n_duck == n_pandas:
            bad.append(f"{t}: warehouse {n}, duckdb {n_duck}, pandas {n_pandas}")
    for b in bad:
        print("export check:", b, file=sys.stderr)
    print(f"export check: {len(relations) - len(bad)} of {len(relations)} tables and views read back with the "
          f"warehouse's row counts (DuckDB and pandas)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
