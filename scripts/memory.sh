#!/usr/bin/env bash
# Peak memory on a large input: builds a JSON Lines file of about SIZE_MB (default
# 100) MB from the repository's texts (examples/data/seeds.jsonl and the bench
# news texts in benches/data/, copied with new ids, shifted dates and rotated
# paragraphs) in a temporary directory, runs the `timeline` and `timex` examples on
# it under /usr/bin/time -v, and prints their peak resident memory. Fails if either
# needs LIMIT_MB (default 300) or more.
#
#   scripts/memory.sh            # 100 MB input
#   SIZE_MB=20 scripts/memory.sh # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-100}
limit_mb=${LIMIT_MB:-300}
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT

cargo build --release --example timeline --example timex >&2

python3 - "$tmp/input.jsonl" "$size_mb" <<'PY'
import datetime, glob, json, sys
out_path, size_mb = sys.argv[1], int(sys.argv[2])
bases = []
for line in open("examples/data/seeds.jsonl", encoding="utf-8"):
    a = json.loads(line)
    bases.append(("seed" + a["id"], a.get("published"), a.get("source"), a["text"]))
for path in sorted(glob.glob("benches/data/*.txt")):
    lines = open(path, encoding="utf-8").read().split("\n")
    meta = {}
    while lines and ":" in lines[0] and lines[0].split(":")[0] in ("published", "source"):
        k, v = lines.pop(0).split(":", 1)
        meta[k] = v.strip()
    name = path.rsplit("/", 1)[-1][:-4]
    bases.append((name, meta.get("published"), meta.get("source"), "\n".join(lines)))

def shift(p, days):
    if not p:
        return p
    d = datetime.date.fromisoformat(p[:10]) + datetime.timedelta(days=days)
    return d.isoformat() + p[10:]

target, written, copy = size_mb * 1_000_000, 0, 0
with open(out_path, "w", encoding="utf-8") as out:
    while written < target:
        for ident, pub, src, text in bases:
            paras = text.split("\n\n")
            if copy and len(paras) > 4:
                body = paras[3:]
                k = copy % len(body)
                paras = paras[:3] + body[k:] + body[:k]
            a = {"id": f"{ident}-{copy}", "published": shift(pub, copy * 3 % 366), "text": "\n\n".join(paras)}
            if src:
                a["source"] = src
            line = json.dumps(a, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
        copy += 1
PY
printf 'input: %s bytes, %s articles\n' "$(stat -c %s "$tmp/input.jsonl")" "$(wc -l < "$tmp/input.jsonl")"

status=0
run() {
    local name=$1
    shift
    /usr/bin/time -v "$@" > "$tmp/out" 2> "$tmp/time"
    local kb secs user
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time")
    # CPU time too: on a shared machine the wall time depends on the load
    user=$(awk -F': ' '/User time \(seconds\)/ {print $2}' "$tmp/time")
    printf '%-9s peak RSS %6d MB  (wall %s, user %s s, output %s bytes)\n' \
        "$name" $((kb / 1024)) "$secs" "$user" "$(stat -c %s "$tmp/out")"
    if [ $((kb / 1024)) -ge "$limit_mb" ]; then
        echo "FAIL: $name needs ${limit_mb} MB or more" >&2
        status=1
    fi
}
run timeline target/release/examples/timeline --json "$tmp/input.jsonl"
run timex target/release/examples/timex --jsonl "$tmp/input.jsonl"
exit $status
