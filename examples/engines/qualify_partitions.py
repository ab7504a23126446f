"""Score rows with a long-lived `qualify` CLI, the way Spark's mapPartitions or Dask's map_partitions would.

One CLI process per partition; each row goes in as the envelope {"row": key, "deal": deal-json-text} and
comes back on one line starting with the same "row", so reports are joined back by key, never by
position. --keep-going makes per-row failures records, not a failed task.

    from qualify_partitions import score_partition
    scored = rdd.mapPartitions(lambda rows: score_partition(rows, as_of="2026-11-27"))

Standard library only. Run directly, it reads "key<TAB>deal json" lines on stdin and prints
"key<TAB>report json" lines (for a quick check from a shell).
"""

import json
import subprocess
import sys
import threading

QUALIFY = ["npx", "--no-install", "qualify"]


def score_partition(rows, as_of=None, command=None, extra=()):
    """rows: iterable of (key, deal) where deal is a dict or JSON text. Yields (key, report dict)."""
    args = list(command or QUALIFY) + ["score", "-", "--ndjson", "--keep-going"]
    if as_of:
        args += ["--as-of", as_of]
    args += list(extra)
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def feed():
        for key, deal in rows:
            text = deal if isinstance(deal, str) else json.dumps(deal)
            proc.stdin.write(json.dumps({"row": key, "deal": text}) + "\n")
        proc.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    # splitlines() breaks at U+2028, U+2029 and U+0085 too: qualify escapes them, so one line is one report.
    for line in proc.stdout.read().splitlines():
        record = json.loads(line)
        yield record["row"], record
    writer.join()
    if proc.wait() != 0:
        raise RuntimeError(f"qualify could not finish (exit {proc.returncode})")


if __name__ == "__main__":
    pairs = (line.rstrip("\n").split("\t", 1) for line in sys.stdin if line.strip())
    command = sys.argv[1:] or None
    for key, report in score_partition(((k, d) for k, d in pairs), command=command):
        print(f"{key}\t{json.dumps(report, ensure_ascii=True)}")
