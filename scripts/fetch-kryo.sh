#!/usr/bin/env bash
# Obtains real Java Kryo 5.6 for the interop tests and caches it under target/.
#
# Kryo 5.6.2 ships inside Apache Flink's distribution jar, which PyPI carries in
# the wheel apache-flink-libraries==2.3.0 (pyflink/lib/flink-dist-2.3.0.jar).
# We download that wheel once, keep only Kryo (com/esotericsoftware/**, with
# minlog and reflectasm) and Objenesis (org/objenesis/**), and write them to
# target/kryo5-java/kryo-5.6.2.jar. The 330 MB wheel is deleted afterwards.
#
# Prints the jar's path on success; exits non-zero with a reason otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest_dir="${KRYO5_JAVA_DIR:-$root/target/kryo5-java}"
jar="$dest_dir/kryo-5.6.2.jar"
wheel_req="apache-flink-libraries==2.3.0"
inner="pyflink/lib/flink-dist-2.3.0.jar"

die() { echo "fetch-kryo: $*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is required (it unpacks the wheel); install Python 3"

verify() {
    python3 - "$1" <<'PY'
import sys, zipfile
need = [
    "com/esotericsoftware/kryo/Kryo.class",
    "com/esotericsoftware/kryo/io/Output.class",
    "com/esotericsoftware/kryo/io/InputChunked.class",
    "com/esotericsoftware/kryo/unsafe/UnsafeOutput.class",
    "com/esotericsoftware/minlog/Log.class",
    "com/esotericsoftware/reflectasm/MethodAccess.class",
    "org/objenesis/strategy/StdInstantiatorStrategy.class",
]
try:
    names = set(zipfile.ZipFile(sys.argv[1]).namelist())
except Exception as e:
    sys.exit(f"not a readable jar: {e}")
missing = [n for n in need if n not in names]
if missing:
    sys.exit("missing classes: " + ", ".join(missing))
PY
}

if [[ -f "$jar" ]] && verify "$jar" 2>/dev/null; then
    echo "$jar"
    exit 0
fi

mkdir -p "$dest_dir"
tmp="$(mktemp -d "$dest_dir/fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-kryo: downloading $wheel_req from PyPI (about 330 MB, once)" >&2
python3 -m pip download --quiet --no-deps --only-binary=:all: "$wheel_req" -d "$tmp" >&2 \
    || die "pip could not download $wheel_req from PyPI; check network access to pypi.org"

wheel="$(ls "$tmp"/apache_flink_libraries-2.3.0-*.whl 2>/dev/null | head -n1)"
[[ -n "$wheel" ]] || die "the download did not produce an apache_flink_libraries 2.3.0 wheel"

python3 - "$wheel" "$inner" "$tmp/kryo.jar" <<'PY' || die "could not extract Kryo from $inner"
import io, sys, zipfile
wheel, inner, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as w:
    dist = io.BytesIO(w.read(inner))
keep = ("com/esotericsoftware/", "org/objenesis/")
count = 0
with zipfile.ZipFile(dist) as d, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
    for info in d.infolist():
        if info.filename.startswith(keep) and not info.is_dir():
            o.writestr(info.filename, d.read(info.filename))
            count += 1
if count == 0:
    sys.exit("no Kryo classes found")
print(f"fetch-kryo: kept {count} classes", file=sys.stderr)
PY

verify "$tmp/kryo.jar" || die "the extracted jar is incomplete"
mv "$tmp/kryo.jar" "$jar"
echo "$jar"
