#!/usr/bin/env bash
# Proves that `kryo5 decode --many` runs in constant memory: builds a
# stream of MediaContent graphs of about SIZE_MIB (default 1024) by
# encoding one graph and doubling the file, decodes it to JSON lines
# (discarded) with the release binary under /usr/bin/time -v, and fails
# unless the peak resident set stays under LIMIT_MIB (default 64).
#
#   bash scripts/many-memory.sh            # 1 GiB, < 64 MiB
#   SIZE_MIB=64 bash scripts/many-memory.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size_mib="${SIZE_MIB:-1024}"
limit_mib="${LIMIT_MIB:-64}"
[ -x /usr/bin/time ] || { echo "many-memory.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 1; }

cargo build --release -p kryo5-cli --locked
bin="$root/target/release/kryo5"
schema="$root/crates/kryo5-dynamic/tests/schemas/media.toml"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

cat >"$dir/media.json" <<'JSON'
{"media": {"@class": "CasesMedia$Media", "uri": "http://javaone.com/keynote.mpg", "title": "Javaone Keynote",
  "width": 640, "height": 480, "format": "video/mpg4", "duration": 18000000,
  "size": 58982400, "bitrate": 262144, "hasBitrate": true,
  "persons": {"@class": "java.util.ArrayList", "@value": ["Bill Gates", "Steve Jobs"]},
  "player": "JAVA", "copyright": null},
 "images": {"@class": "java.util.ArrayList", "@value": [
  {"@class": "CasesMedia$Image", "uri": "http://javaone.com/keynote_large.jpg",
   "title": "Javaone Keynote", "width": 1024, "height": 768, "size": "LARGE"},
  {"@class": "CasesMedia$Image", "uri": "http://javaone.com/keynote_small.jpg",
   "title": "Javaone Keynote", "width": 320, "height": 240, "size": "SMALL"}]}}
JSON
"$bin" encode --schema "$schema" --root 'CasesMedia$MediaContent' "$dir/media.json" -o "$dir/s.bin"
# Doubling, then cut to the whole graphs that fit in SIZE_MIB.
graph="$(stat -c %s "$dir/s.bin")"
graphs=$(((size_mib << 20) / graph))
while [ "$(stat -c %s "$dir/s.bin")" -lt $((graphs * graph)) ]; do
    cat "$dir/s.bin" "$dir/s.bin" >"$dir/t.bin"
    mv "$dir/t.bin" "$dir/s.bin"
done
truncate -s $((graphs * graph)) "$dir/s.bin"
bytes="$(stat -c %s "$dir/s.bin")"
/usr/bin/time -v "$bin" decode --schema "$schema" --root 'CasesMedia$MediaContent' --many "$dir/s.bin" \
    -o /dev/null 2>"$dir/time.txt"
rss_kib="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")"
secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")"
echo "decoded $graphs graphs, $bytes bytes ($((bytes >> 20)) MiB), in $secs: max RSS $((rss_kib / 1024)) MiB ($rss_kib KiB)"
if [ "$rss_kib" -ge $((limit_mib * 1024)) ]; then
    echo "many-memory.sh: max RSS ${rss_kib} KiB is not under ${limit_mib} MiB" >&2
    exit 1
fi
