#!/usr/bin/env python3
"""Prints kryo5-vs-baseline tables (Markdown) from the last benchmark run.

Reads criterion's estimates (target/criterion/**/new/estimates.json) and
iai-callgrind's summaries (target/iai/kryo5-benches/buffers_iai/**/summary.json,
written with --save-summary=json), as produced by scripts/bench.sh.

Criterion figures are medians of the samples. "x" columns are
baseline / kryo5: above 1 kryo5 is faster (or runs fewer instructions) than
the plain loop, below 1 slower. Compare only figures of one run: wall times
drift between runs on a shared machine. The safe and native flavours run the
same code for varints and strings, so their gap there shows the noise.

    python3 scripts/bench_report.py [--target DIR]
"""

import argparse
import json
import os
import sys
from pathlib import Path

STRINGS = ["ascii15", "mostly_ascii100", "cjk100", "emoji100"]

# (label, criterion group, row prefix, baseline id) per family.
VARINT_ROWS = [
    ("write_var_int, 1 call per value", "varint_single/write", "", "baseline_leb128"),
    ("read_var_int, 1 call per value", "varint_single/read", "", "baseline_leb128"),
    ("write_ints_var_or_fixed", "varint_array/write_ints", "", "baseline_leb128"),
    ("read_ints_var_or_fixed_into", "varint_array/read_ints", "", "baseline_leb128"),
    ("write_longs_var_or_fixed", "varint_array/write_longs", "", "baseline_leb128"),
    ("read_longs_var_or_fixed_into", "varint_array/read_longs", "", "baseline_leb128"),
]
FIXED_ROWS = [
    (f"{op}_{t}{'_into' if op == 'read' else ''}", f"fixed_array/{op}_{t}", "", "baseline_memcpy")
    for t in ["ints", "longs", "doubles", "shorts"]
    for op in ["write", "read"]
]
STRING_ROWS = [
    (f"{label} {name}", f"string/{group}", f"{name}/", "baseline_cesu8")
    for group, label in [
        ("write", "write_string"),
        ("read_string_into", "read_string_into"),
        ("read_str", "read_str (zero-copy)"),
    ]
    for name in STRINGS
]

# iai-callgrind: (label, group, safe fn, native fn, baseline fn, id).
IAI_ROWS = [
    ("write_var_int x10k", "varint_single", "write_var_int", "leb128_write", "mix10k"),
    ("read_var_int x10k", "varint_single", "read_var_int", "leb128_read", "mix10k"),
    ("write_ints_var_or_fixed 10k", "varint_array", "write_ints_var", "leb128_write_ints", "mix10k"),
    ("read_ints_var_or_fixed_into 10k", "varint_array", "read_ints_var", "leb128_read_ints", "mix10k"),
    ("write_longs_var_or_fixed 10k", "varint_array", "write_longs_var", "leb128_write_longs", "mix10k"),
    ("read_longs_var_or_fixed_into 10k", "varint_array", "read_longs_var", "leb128_read_longs", "mix10k"),
] + [
    (f"{op}_{t} 64 KiB", "fixed_array", f"{op}_{t}", f"memcpy_{t}", "kib64")
    for t in ["ints", "longs", "doubles", "shorts"]
    for op in ["write", "read"]
] + [
    (f"{fn} {name}", "string", fn, base, name)
    for fn, base in [
        ("write_string", "cesu8_write"),
        ("read_string_into", "cesu8_read"),
        ("read_str", "cesu8_read"),
    ]
    for name in STRINGS
]


def criterion_results(target):
    """{(group, id): (ns per iteration, throughput dict)}"""
    out = {}
    for bench in (target / "criterion").glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        # The median of the samples, not criterion's printed mean/slope: on a
        # shared machine a burst from another job skews the mean of a few
        # samples, the median much less.
        out[(meta["group_id"], meta["function_id"])] = (
            est["median"]["point_estimate"],
            meta.get("throughput") or {},
        )
    return out


def fmt(x, digits=3):
    return f"{x:.{digits}g}" if x < 1000 else f"{x:,.0f}"


def ratio(base, kryo):
    return f"{base / kryo:.2f}x"


def criterion_table(res, rows, unit):
    head = {
        "values": ("values/ns", lambda t, n: n / t),
        "bytes": ("GB/s", lambda t, n: n / t),
        "ns": ("ns/op", lambda t, n: t),
    }[unit]
    name, conv = head
    lines = [
        f"| case | safe {name} | native {name} | baseline {name} | safe x | native x |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, group, prefix, base_id in rows:
        cells = []
        times = []
        for id_ in [f"{prefix}kryo5_safe", f"{prefix}kryo5_native", f"{prefix}{base_id}"]:
            r = res.get((group, id_))
            if r is None:
                times.append(None)
                cells.append("n/a")
                continue
            t, thr = r
            n = thr.get("Elements") or thr.get("Bytes") or 1
            times.append(t)
            cells.append(fmt(conv(t, n)))
        s, nat, b = times
        xs = [ratio(b, k) if b and k else "n/a" for k in (s, nat)]
        lines.append(f"| {label} | " + " | ".join(cells + xs) + " |")
    return "\n".join(lines)


def noise(res):
    """How far apart the safe and native flavours are where they do the same
    work (everything but write_doubles, whose safe flavour canonicalises
    NaN): a gauge of the run's noise."""
    gaps = []
    for (group, id_), (t, _) in res.items():
        if id_.endswith("kryo5_safe") and group != "fixed_array/write_doubles":
            other = res.get((group, id_.replace("kryo5_safe", "kryo5_native")))
            if other:
                gaps.append(abs(t / other[0] - 1))
    if not gaps:
        return ""
    return (
        f"Noise gauge: where safe and native do the same work ({len(gaps)} pairs) their "
        f"medians differ by {100 * sum(gaps) / len(gaps):.1f}% on average, "
        f"{100 * max(gaps):.1f}% at most."
    )


def iai_results(target):
    """{(group, function, id): instructions}"""
    out = {}
    base = target / "iai" / "kryo5-benches" / "buffers_iai"
    for summary in base.glob("**/summary.json"):
        d = json.loads(summary.read_text())
        group = d["module_path"].split("::")[1]
        total = d["profiles"][0]["summaries"]["total"]["summary"]["Callgrind"]
        out[(group, d["function_name"], d["id"])] = total["Ir"]["metrics"]["Left"]["Int"]
    return out


def iai_table(res):
    lines = [
        "| case | safe Ir | native Ir | baseline Ir | safe x | native x |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, group, fn, base_fn, id_ in IAI_ROWS:
        s = res.get((group, f"{fn}_safe", id_))
        n = res.get((group, f"{fn}_native", id_))
        b = res.get((group, base_fn, id_))
        cells = [f"{v:,}" if v is not None else "n/a" for v in (s, n, b)]
        xs = [ratio(b, k) if b and k else "n/a" for k in (s, n)]
        lines.append(f"| {label} | " + " | ".join(cells + xs) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("CARGO_TARGET_DIR") or Path(__file__).resolve().parent.parent / "target"
    ap.add_argument("--target", type=Path, default=Path(default))
    args = ap.parse_args()

    crit = criterion_results(args.target)
    iai = iai_results(args.target)
    if not crit and not iai:
        sys.exit(f"bench_report: no results under {args.target} (run scripts/bench.sh)")
    if crit:
        print("### criterion: varints (1M values per iteration)\n")
        print(criterion_table(crit, VARINT_ROWS, "values"))
        print("\n### criterion: fixed-width arrays (1 MiB per iteration)\n")
        print(criterion_table(crit, FIXED_ROWS, "bytes"))
        print("\n### criterion: strings (one string per iteration)\n")
        print(criterion_table(crit, STRING_ROWS, "ns"))
        print("\n" + noise(crit))
    if iai:
        print("\n### iai-callgrind: instructions (Ir) per call\n")
        print(iai_table(iai))


if __name__ == "__main__":
    main()
