"""Summarises bench/run.sh's results.tsv: medians per scenario and variant, ratios against the
baseline, and the issue's targets. Usage: summarize.py RESULTS.tsv BIG_MIB"""

import csv
import statistics
import sys
from collections import defaultdict

# scenario -> (variant measured, baseline variant, throughput target or None)
COMPARISONS = [
    ("hello", "wsgi", "raw", 0.95),
    ("hello", "raw-environ", "raw", None),
    ("hello", "wsgi", "raw-environ", None),
    ("64k", "wsgi", "raw", 0.98),
    ("stream", "wsgi", "raw", None),
    ("small-file", "wsgi", "raw", None),
    ("small-file", "wsgi-transferto", "raw", None),
    ("download", "wsgi", "raw", 0.95),
    ("download", "wsgi-transferto", "raw", None),
    ("upload", "wsgi", "raw", 0.95),
]
P99_LIMIT = 1.10
PEER_TARGET = 5.0
BASELINE_NAMES = {"download": "DefaultServlet", "small-file": "DefaultServlet"}


def main(path, big_mib):
    runs = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            runs[(row["scenario"], row["variant"])].append(row)

    def median(scenario, variant, field):
        return statistics.median(float(r[field]) for r in runs[(scenario, variant)])

    def errors(scenario, variant):
        return sum(int(r["errors"]) + int(r["non2xx"]) for r in runs[(scenario, variant)])

    def per_round_ratios(scenario, variant, baseline):
        base = {r["round"]: float(r["rps"]) for r in runs[(scenario, baseline)]}
        return sorted(float(r["rps"]) / base[r["round"]] for r in runs[(scenario, variant)]
                      if base.get(r["round"]))

    rounds = max((len(v) for v in runs.values()), default=0)
    print(f"\nMedians of {rounds} rounds. Ratio = {{variant}} / baseline; p99 ratio target <= {P99_LIMIT}.\n")
    print("| scenario | variant | baseline | variant req/s | baseline req/s | ratio | per-round ratios | "
          "variant p99 ms | baseline p99 ms | p99 ratio | target | met |")
    print("|---|---|---|---:|---:|---:|---|---:|---:|---:|---|---|")
    for scenario, variant, baseline, target in COMPARISONS:
        if not runs[(scenario, variant)] or not runs[(scenario, baseline)]:
            continue
        rps, base_rps = median(scenario, variant, "rps"), median(scenario, baseline, "rps")
        p99, base_p99 = median(scenario, variant, "p99_ms"), median(scenario, baseline, "p99_ms")
        ratio = rps / base_rps
        p99_ratio = p99 / base_p99 if base_p99 > 0 else float("inf")
        spread = per_round_ratios(scenario, variant, baseline)
        checks, met = [], True
        if target is not None:
            checks.append(f">= {target}")
            met &= ratio >= target
        if variant == "wsgi" and baseline == "raw":
            checks.append(f"p99 <= {P99_LIMIT}x")
            met &= p99_ratio <= P99_LIMIT
        met_text = ("yes" if met else "**no**") if checks else "-"
        unit = ""
        if scenario in ("download", "upload"):
            unit = f" ({rps * big_mib:.0f} MiB/s)"
            base_unit = f" ({base_rps * big_mib:.0f} MiB/s)"
        else:
            base_unit = ""
        print(f"| {scenario} | {variant} | {BASELINE_NAMES.get(scenario, baseline)} | {rps:.1f}{unit} | "
              f"{base_rps:.1f}{base_unit} | {ratio:.3f} | {spread[0]:.2f}-{spread[-1]:.2f} | {p99:.2f} | "
              f"{base_p99:.2f} | {p99_ratio:.2f} | {', '.join(checks) or '-'} | {met_text} |")

    peers = [v for v in ("gunicorn-sync", "gunicorn-gthread") if runs[("peer", v)]]
    if runs[("peer", "wsgi")] and peers:
        wsgi = median("peer", "wsgi", "rps")
        best = max(peers, key=lambda v: median("peer", v, "rps"))
        print("\n| hello | req/s | p99 ms |")
        print("|---|---:|---:|")
        for variant in [v for v in ("raw", "wsgi") if runs[("peer", v)]] + peers:
            print(f"| {variant} | {median('peer', variant, 'rps'):.1f} | {median('peer', variant, 'p99_ms'):.2f} |")
        ratio = wsgi / median("peer", best, "rps")
        print(f"\nWsgiServlet / gunicorn-best ({best}) on hello: {ratio:.2f} "
              f"(target >= {PEER_TARGET}: {'met' if ratio >= PEER_TARGET else 'NOT met'})")
        if runs[("peer", "raw")]:
            print(f"raw servlet / gunicorn-best on hello: {median('peer', 'raw', 'rps') / median('peer', best, 'rps'):.2f} "
                  "(the same Tomcat without the adapter)")

    failed = {f"{s}/{v}": errors(s, v) for (s, v) in runs if errors(s, v)}
    if failed:
        print(f"\nSocket errors or non-2xx responses (these runs' numbers are suspect): {failed}")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
