#!/usr/bin/env python3
"""Median (min-max) per workload and engine of JSON result lines (run.sh / interleave.sh output).

usage: summarize.py FILE.jsonl [FILE.jsonl ...]   -> a Markdown table on stdout
"""
import json
import statistics
import sys

COLUMNS = [
    ("wall_ms", "wall_ms"),
    ("events_per_sec_processing", "events/s (processing)"),
    ("startup_ms", "startup_ms"),
    ("checkpoints_completed", "ckpts"),
    ("restarts", "restarts"),
    ("max_rss_kb", "max RSS MB"),
    ("proc_wall_s", "proc_wall_s"),
]
EXTRA = ["recovery_ms", "fail_to_redeploy_ms", "fail_to_keyed_restored_ms", "fail_to_end_ms", "restore_ckpt_id", "weir_restored_ckpt_id", "main_to_end_ms", "jvm_to_end_ms", "ckpt_e2e_ms_median"]


def fmt(v, key):
    if key == "max_rss_kb":
        return f"{round(v / 1024):,}"
    if isinstance(v, float) and v.is_integer() and key != "proc_wall_s":
        v = int(v)
    if isinstance(v, float) and (abs(v) < 100 or key == "proc_wall_s"):
        return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.1f}"
    return f"{round(v):,}"


def cell(values, key):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    m = statistics.median(values)
    if len(values) == 1:
        return fmt(m, key)
    return f"{fmt(m, key)} ({fmt(min(values), key)}–{fmt(max(values), key)})"


def main(paths):
    runs = []
    for p in paths:
        with open(p) as f:
            runs += [json.loads(line) for line in f if line.strip().startswith("{")]
    groups = {}
    for r in runs:
        groups.setdefault((r.get("workload"), r.get("engine", "?"), r.get("jdk", "?")), []).append(r)
    print("| workload | engine | jdk | runs | correct | " + " | ".join(h for _, h in COLUMNS) + " | extra |")
    print("|---|---|---|---|---|" + "---|" * len(COLUMNS) + "---|")
    for (w, e, jdk), rs in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1], kv[0][2])):
        ok = [r.get("correct") for r in rs]
        correct = "all" if all(ok) else f"{sum(1 for o in ok if o)}/{len(ok)}"
        cells = [cell([r.get(k) for r in rs], k) for k, _ in COLUMNS]
        extra = []
        for k in EXTRA:
            vals = [r[k] for r in rs if k in r]
            if vals:
                extra.append(f"{k} " + (",".join(str(v) for v in vals) if k.endswith("ckpt_id") else cell(vals, k)))
        print(f"| {w} | {e} | {jdk} | {len(rs)} | {correct} | " + " | ".join(cells) + " | " + "; ".join(extra) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["/tmp/weir-bench/interleaved.jsonl"])
