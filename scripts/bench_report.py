#!/usr/bin/env python3
"""Prints kryo5-vs-baseline tables (Markdown) from the last benchmark run.

Reads criterion's estimates (target/criterion/**/new/estimates.json),
iai-callgrind's summaries (target/iai/kryo5-benches/{buffers,kernels}_iai/
**/summary.json, written with --save-summary=json) and the Java Kryo timings
(target/java-bench/results.json, from `cargo bench --bench java`), as
produced by scripts/bench.sh. Sections: the buffer layer (buffers suites),
Java Kryo beside kryo5, the kernels per implementation (kernels suites),
the kernel choice, and the goals of issue 3.

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


def iai_results(target, suite="buffers_iai"):
    """{(group, function, id): instructions}"""
    out = {}
    base = target / "iai" / "kryo5-benches" / suite
    for summary in base.glob("**/summary.json"):
        d = json.loads(summary.read_text())
        group = d["module_path"].split("::")[1]
        total = d["profiles"][0]["summaries"]["total"]["summary"]["Callgrind"]
        # "Left" on a first run; "Both": [new, old] when an earlier run's
        # summary was there to compare with.
        metrics = total["Ir"]["metrics"]
        new = metrics["Left"] if "Left" in metrics else metrics["Both"][0]
        out[(group, d["function_name"], d["id"])] = new["Int"]
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


# ----- Java Kryo ---------------------------------------------------------------


def java_results(target):
    path = target / "java-bench" / "results.json"
    if not path.is_file():
        return []
    return json.loads(path.read_text())


def java_table(java, crit):
    """Each Java case beside its kryo5 counterpart (criterion median)."""
    lines = [
        "| Java Kryo 5.6.2 call | Java | kryo5 (same data, buffers suite) | kryo5 | kryo5 x Java |",
        "|---|---:|---|---:|---:|",
    ]
    for c in java:
        unit = "values/ns" if c["unit"] == "values" else "GB/s"
        # One string or one object graph per op: ns per op reads best.
        small = c["unit"] == "objects" or (c["unit"] == "bytes" and c["elements"] < 1000)
        if small:
            jv = f"{fmt(c['median_ns'])} ns"
        else:
            jv = f"{fmt(c['elements'] / c['median_ns'])} {unit}"
        k = crit.get((c["kryo5_group"], c["kryo5_id"]))
        label = f"`{c['kryo5_group']}/{c['kryo5_id']}`"
        if k is None:
            lines.append(f"| {c['name']} | {jv} | {label} | n/a | n/a |")
            continue
        kv = f"{fmt(k[0])} ns" if small else f"{fmt(c['elements'] / k[0])} {unit}"
        lines.append(f"| {c['name']} | {jv} | {label} | {kv} | {ratio(c['median_ns'], k[0])} |")
    return "\n".join(lines)


# ----- kernels -------------------------------------------------------------------

KERNELS = ["portable", "avx2", "avx512"]
# Baseline ids, in column order, with their labels.
BASELINES = [
    ("plain_loop", "plain loop"),
    ("std", "std"),
    ("memcpy", "memcpy"),
    ("integer_encoding", "integer-encoding"),
    ("leb128", "leb128"),
    ("varint_simd", "varint-simd"),
    ("simd_cesu8", "simd_cesu8"),
    ("simdutf8_basic", "simdutf8 basic"),
    ("simdutf8_compat", "simdutf8 compat"),
    ("baseline_leb128", "plain loop"),
    ("baseline_memcpy", "memcpy"),
    ("baseline_cesu8", "plain loop"),
]
TEXTS = [f"{k}_{s}" for s in ["1k", "64k"] for k in ["mostly_ascii", "cjk", "emoji"]]


def best_kernel(present):
    """What Kernel::best() picks on a CPU that runs every kernel present."""
    for k in reversed(KERNELS):
        if k in present:
            return k
    return None


def rate(t, thr):
    n = thr.get("Elements") or thr.get("Bytes") or 1
    return n / t


def kernel_rows(crit, group):
    """{row: {impl: (ns, throughput dict)}} for a kernel_* / buffer_by_kernel
    group; rows are the text or string names ('' for single-row groups)."""
    rows = {}
    for (g, id_), r in crit.items():
        if g != group:
            continue
        row, _, impl = id_.rpartition("/")
        rows.setdefault(row, {})[impl] = r
    return rows


def kernel_table(crit, group, unit):
    """Throughput per implementation (higher is better), the dispatcher's
    kernel against the plain loop, and the fastest kernel."""
    rows = kernel_rows(crit, group)
    if not rows:
        return ""
    impls = {i for r in rows.values() for i in r}
    kernels = [k for k in KERNELS if k in impls]
    bases = []
    for id_, label in BASELINES:
        if id_ in impls and label not in [l for _, l in bases]:
            bases.append((id_, label))
    best = best_kernel(kernels)
    plain = next((i for i, l in bases if l == "plain loop"), None)
    head = ["input"] + kernels + [l for _, l in bases]
    head += [f"{best} x {'plain' if plain else 'baseline'}", "fastest kernel"]
    lines = [
        f"| {' | '.join(head)} |",
        "|---|" + "---:|" * (len(head) - 2) + "---|",
    ]
    order = sorted(rows, key=lambda r: (TEXTS.index(r) if r in TEXTS else 99, r))
    for row in order:
        r = rows[row]
        cells = [row or group.split("/")[-1]]
        for i in kernels + [b for b, _ in bases]:
            cells.append(fmt(rate(*r[i])) if i in r else "")
        ref = plain if plain in r else next((b for b, _ in bases if b in r), None)
        cells.append(ratio(r[ref][0], r[best][0]) if ref and best in r else "n/a")
        present = [k for k in kernels if k in r]
        fastest = min(present, key=lambda k: r[k][0]) if present else None
        note = fastest or "n/a"
        if fastest and best in r and fastest != best:
            note = f"**{fastest}** ({ratio(r[best][0], r[fastest][0])} of {best})"
        cells.append(note)
        lines.append(f"| {' | '.join(cells)} |")
    return f"{group} ({unit}: higher is better)\n\n" + "\n".join(lines)


KERNEL_GROUPS = [
    ("kernel_varint/encode_i32", "values/ns"),
    ("kernel_varint/decode_i32", "values/ns"),
    ("kernel_varint/skip_i32", "values/ns"),
    ("kernel_varint/encode_i64", "values/ns"),
    ("kernel_varint/decode_i64", "values/ns"),
    ("kernel_varint/decode_i64_negative", "values/ns"),
    ("kernel_varint/skip_i64", "values/ns"),
] + [
    (f"kernel_text/{op}", "GB/s")
    for op in ["utf16_len", "cesu8_len", "utf8_to_cesu8", "cesu8_scan",
               "cesu8_to_utf8", "cesu8_to_utf16", "utf8"]
] + [
    (f"kernel_order/{op}", "GB/s")
    for op in ["f32_canonical", "f64_canonical", "bools_from_bytes"]
] + [
    ("buffer_by_kernel/write_ints_var", "values/ns"),
    ("buffer_by_kernel/read_ints_var", "values/ns"),
    ("buffer_by_kernel/write_longs_var", "values/ns"),
    ("buffer_by_kernel/read_longs_var", "values/ns"),
    ("buffer_by_kernel/write_doubles", "GB/s"),
    ("buffer_by_kernel/read_booleans", "GB/s"),
    ("buffer_by_kernel/write_string", "GB/s"),
    ("buffer_by_kernel/read_string_into", "GB/s"),
]


def choice_table(crit):
    """Per group: how often the dispatcher's kernel is the fastest, and the
    worst margin by which another kernel beats it."""
    lines = [
        "| group | dispatcher's kernel | fastest on | other kernel faster on (by up to) |",
        "|---|---|---|---|",
    ]
    for group, _ in KERNEL_GROUPS:
        rows = kernel_rows(crit, group)
        if not rows:
            continue
        kernels = [k for k in KERNELS if any(k in r for r in rows.values())]
        best = best_kernel(kernels)
        wins, losses = 0, []
        for row, r in rows.items():
            present = [k for k in kernels if k in r]
            if best not in r:
                continue
            fastest = min(present, key=lambda k: r[k][0])
            if fastest == best:
                wins += 1
            else:
                losses.append((r[best][0] / r[fastest][0], fastest, row))
        total = wins + len(losses)
        lost = ", ".join(
            f"{row or '-'}: {k} {x:.2f}x" for x, k, row in sorted(losses, reverse=True)
        )
        lines.append(f"| {group} | {best} | {wins}/{total} | {lost or 'none'} |")
    return "\n".join(lines)


def iai_kernel_table(res):
    """Instructions per call for every kernels_iai function and id."""
    lines = ["| group | function | id | Ir |", "|---|---|---|---:|"]
    for (group, fn, id_), ir in sorted(res.items()):
        lines.append(f"| {group} | {fn} | {id_} | {ir:,} |")
    return "\n".join(lines)


def iai_kernel_summary(res):
    """Kernel ops: portable and avx2 Ir beside the plain loop's."""
    lines = [
        "| op | input | portable Ir | avx2 Ir | plain loop (std for utf8) Ir | plain / avx2 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    ops = sorted({fn for (g, fn, id_) in res if id_ in ("portable", "avx2")
                  or id_.endswith("_portable")})
    for fn in ops:
        for (g, f, id_), ir in sorted(res.items()):
            if f != fn or not (id_ == "portable" or id_.endswith("_portable")):
                continue
            row = id_[: -len("_portable")] if id_.endswith("_portable") else ""
            avx2 = res.get((g, fn, f"{row}_avx2" if row else "avx2"))
            base_id = row or ("mix10k" if g == "varint" else "kib64")
            plain = res.get((g, f"plain_{fn}", base_id)) or res.get((g, f"std_{fn}", base_id))
            x = ratio(plain, avx2) if plain and avx2 else ""
            cells = [fn, row or "-", f"{ir:,}", f"{avx2:,}" if avx2 else "n/a",
                     f"{plain:,}" if plain else "", x]
            lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


# ----- goals of issue 3 ----------------------------------------------------------


def goals(crit, java=()):
    """Each goal: target, kryo5 figure, same-run baselines (and Java Kryo
    from the same session), ratio to the baseline, verdict."""
    out = [
        "| goal | target | kryo5 (same run) | baseline (same run) | ratio | Java Kryo 5.6.2 (same session) | met? |",
        "|---|---|---|---|---:|---|---|",
    ]
    jv = {c["name"]: c for c in java}

    def jfig(name):
        c = jv.get(name)
        if c is None:
            return ""
        if c["unit"] == "values":
            return f"{name}: {fmt(c['elements'] / c['median_ns'])} values/ns"
        if c["elements"] < 1000:
            return f"{name}: {fmt(c['median_ns'])} ns"
        return f"{name}: {fmt(c['elements'] / c['median_ns'])} GB/s"

    current_java = [""]

    def get(group, id_):
        return crit.get((group, id_))

    def row(goal, target, kryo, base, ratio_s, ok):
        out.append(f"| {goal} | {target} | {kryo} | {base} | {ratio_s} | {current_java[0]} | "
                   f"{'met' if ok else '**not met**'} |")

    def vals(r):
        return rate(*r)

    for op, what, floor, times, grp, jname in [
        ("encode", "encode_i32", 4.5, 25, "write_ints_var", "writeVarInts Output"),
        ("decode", "decode_i32", 2.9, 18, "read_ints_var", "readVarInts Input"),
    ]:
        current_java[0] = jfig(jname)
        g = f"kernel_varint/{what}"
        kernels = [k for k in KERNELS if get(g, k)]
        best = best_kernel(kernels)
        plain = get(g, "plain_loop")
        if best and plain:
            k, p = get(g, best), plain
            row(f"varint {op}, 1M values, kernel ({best})", f">= {floor} values/ns",
                f"{fmt(vals(k))} values/ns", f"plain loop {fmt(vals(p))}",
                ratio(p[0], k[0]), vals(k) >= floor)
            row(f"varint {op}: kernel ({best}) x plain loop", f">= {times}x",
                f"{fmt(vals(k))} values/ns", f"plain loop {fmt(vals(p))}",
                ratio(p[0], k[0]), p[0] / k[0] >= times)
            b = get(f"buffer_by_kernel/{grp}", best)
            bp = get(f"buffer_by_kernel/{grp}", "plain_loop")
            if b and bp:
                row(f"varint {op} through the buffer (`{grp}`, {best})",
                    f">= {floor} values/ns, >= {times}x",
                    f"{fmt(vals(b))} values/ns", f"plain loop {fmt(vals(bp))}",
                    ratio(bp[0], b[0]), vals(b) >= floor and bp[0] / b[0] >= times)
            for kern, need, label in [("avx2", 1.5, "clearly beats (>= 1.5x)"),
                                      ("portable", 1.0, "not slower (>= 1.00x)")]:
                r = get(g, kern)
                if r:
                    row(f"varint {op}: {kern} kernel {label} the plain loop",
                        f">= {need:.2f}x", f"{fmt(vals(r))} values/ns",
                        f"plain loop {fmt(vals(p))}", ratio(p[0], r[0]), p[0] / r[0] >= need)
    for t in ["ints", "longs", "doubles", "shorts"]:
        for op in ["write", "read"]:
            g = f"fixed_array/{op}_{t}"
            m = get(g, "baseline_memcpy")
            for flav in ["safe", "native"]:
                cls = ("Unsafe" if flav == "native" else "") + ("Output" if op == "write" else "Input")
                current_java[0] = jfig(f"{op}{t.capitalize()} {cls}")
                k = get(g, f"kryo5_{flav}")
                if k and m:
                    row(f"{op}_{t} 1 MiB ({flav})", ">= 90% of memcpy",
                        f"{fmt(rate(*k))} GB/s", f"memcpy {fmt(rate(*m))} GB/s",
                        f"{100 * m[0] / k[0]:.0f}%", m[0] / k[0] >= 0.9)
    for g, id_, target, label in [
        ("string/write", "ascii15/kryo5_safe", 2.0, "write_string ascii15 (safe)"),
        ("string/write", "ascii15/kryo5_native", 2.0, "write_string ascii15 (native)"),
        ("string/read_string_into", "ascii15/kryo5_safe", 4.0, "read_string_into ascii15 (safe)"),
        ("string/read_str", "ascii15/kryo5_safe", 4.0, "read_str ascii15 (safe)"),
    ]:
        k = get(g, id_)
        b = get(g, "ascii15/baseline_cesu8")
        current_java[0] = jfig("writeString ascii15" if g == "string/write" else "readString ascii15")
        if k:
            row(label, f"<= {target:g} ns", f"{fmt(k[0])} ns",
                f"plain loop {fmt(b[0])} ns" if b else "", ratio(b[0], k[0]) if b else "",
                k[0] <= target)
    current_java[0] = ""
    for op, label in [("utf8_to_cesu8", "encode"), ("cesu8_to_utf8", "decode")]:
        g = f"kernel_text/{op}"
        rows = kernel_rows(crit, g)
        for text in TEXTS:
            if text.startswith("emoji") or text not in rows:
                continue
            r = rows[text]
            kernels = [k for k in KERNELS if k in r]
            best = best_kernel(kernels)
            if best and "plain_loop" in r:
                x = r["plain_loop"][0] / r[best][0]
                row(f"{text} {label} (`{op}`, {best})", ">= 3x per-char loop",
                    f"{fmt(rate(*r[best]))} GB/s", f"plain loop {fmt(rate(*r['plain_loop']))} GB/s",
                    f"{x:.2f}x", x >= 3)
    for g, label in [("string/write", "encode"), ("string/read_string_into", "decode")]:
        for name in ["mostly_ascii100", "cjk100"]:
            jop = "writeString" if label == "encode" else "readString"
            current_java[0] = jfig(f"{jop} {name}")
            k = get(g, f"{name}/kryo5_safe")
            b = get(g, f"{name}/baseline_cesu8")
            if k and b:
                row(f"{name} {label} through the buffer (`{g.split('/')[1]}`)",
                    ">= 3x per-char loop", f"{fmt(k[0])} ns", f"plain loop {fmt(b[0])} ns",
                    ratio(b[0], k[0]), b[0] / k[0] >= 3)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("CARGO_TARGET_DIR") or Path(__file__).resolve().parent.parent / "target"
    ap.add_argument("--target", type=Path, default=Path(default))
    ap.add_argument("--iai-detail", action="store_true",
                    help="also list every kernels_iai benchmark's instruction count")
    args = ap.parse_args()

    crit = criterion_results(args.target)
    iai = iai_results(args.target)
    iai_k = iai_results(args.target, "kernels_iai")
    java = java_results(args.target)
    if not crit and not iai and not iai_k:
        sys.exit(f"bench_report: no results under {args.target} (run scripts/bench.sh)")
    if any(g.startswith(("varint_", "fixed_array/", "string/")) for g, _ in crit):
        print("### criterion: varints (1M values per iteration)\n")
        print(criterion_table(crit, VARINT_ROWS, "values"))
        print("\n### criterion: fixed-width arrays (1 MiB per iteration)\n")
        print(criterion_table(crit, FIXED_ROWS, "bytes"))
        print("\n### criterion: strings (one string per iteration)\n")
        print(criterion_table(crit, STRING_ROWS, "ns"))
        print("\n" + noise(crit))
    if java:
        print("\n### Java Kryo 5.6.2 beside kryo5 (same session)\n")
        print(java_table(java, crit))
    if iai:
        print("\n### iai-callgrind: instructions (Ir) per call\n")
        print(iai_table(iai))
    if any(g.startswith(("kernel_", "buffer_by_kernel/")) for g, _ in crit):
        print("\n### criterion: kernels, every implementation\n")
        for group, unit in KERNEL_GROUPS:
            t = kernel_table(crit, group, unit)
            if t:
                print(t + "\n")
        print("### kernel choice: Kernel::best() against the fastest measured\n")
        print(choice_table(crit))
    if iai_k:
        print("\n### iai-callgrind: kernels (Ir per call; no AVX-512 under Valgrind)\n")
        print(iai_kernel_summary(iai_k))
        if args.iai_detail:
            print()
            print(iai_kernel_table(iai_k))
    if crit:
        print("\n### goals (issue 3)\n")
        print(goals(crit, java))


if __name__ == "__main__":
    main()
