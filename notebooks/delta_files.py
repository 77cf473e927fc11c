"""Read a results folder's Delta tables without Spark: the live Parquet files of a table, from its
transaction log, queried with DuckDB (or read with pyarrow).

    python3 notebooks/delta_files.py results/quick/runs \
        "SELECT target, activation, width, median(train_loss) FROM t GROUP BY ALL ORDER BY ALL"

A Delta table's data files are plain Parquet, but only those the log adds (and has not removed
since) are rows of the table: a crashed or losing commit can leave other files beside them. The
log is the latest checkpoint (a Parquet file, if any) plus the JSON commits after it. Local
folders only; for hdfs:// or s3a:// use Spark (`lottery sql`) or a Delta reader for that store.
Needs pyarrow and duckdb (pip install pyarrow duckdb).
"""
import glob
import json
import os
import sys
from urllib.parse import unquote


def live_files(table):
    """Absolute paths of the Parquet files that make up the Delta table in folder `table`."""
    log = os.path.join(table, "_delta_log")
    live, start = set(), -1
    last = os.path.join(log, "_last_checkpoint")
    if os.path.exists(last):
        import pyarrow.parquet as pq
        start = json.load(open(last))["version"]
        for part in glob.glob(os.path.join(log, "%020d.checkpoint*.parquet" % start)):
            for add in pq.read_table(part, columns=["add"]).column("add").to_pylist():
                if add is not None:
                    live.add(add["path"])
    for commit in sorted(glob.glob(os.path.join(log, "[0-9]*.json"))):
        if int(os.path.basename(commit).split(".")[0]) <= start:
            continue
        with open(commit) as lines:
            for line in lines:
                action = json.loads(line)
                if "add" in action:
                    live.add(action["add"]["path"])
                elif "remove" in action:
                    live.discard(action["remove"]["path"])
    return sorted(os.path.join(table, unquote(p)) for p in live)


def query(table, sql):
    """Runs `sql` over the table, which it names `t`, with DuckDB; partition columns included."""
    import duckdb
    files = live_files(table)
    if not files:
        raise SystemExit(table + " has no rows")
    con = duckdb.connect()
    con.read_parquet(files, hive_partitioning=True).create_view("t")
    return con.sql(sql)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    query(sys.argv[1], sys.argv[2]).show()
