#!/usr/bin/env bash
# Pathological sizes (issue 7): each input at 1x, 2x and 4x its size through the
# whole pipeline (the `timeline` example: read JSON Lines, segment, timexes, events,
# merge, print), to show time grows linearly and nothing panics.
#
#   scripts/pathological.sh            # full sizes (the 4x word article is 20 MB)
#   SCALE=0.1 scripts/pathological.sh  # a quick look at a tenth of the sizes
#   WORD=Monday scripts/pathological.sh
#
# Cases:
#   word      one article of one repeated word ("yesterday" by default): 5, 10, 20 MB
#   noise     random Unicode scalar values with bidi controls, zero-width characters
#             and NUL mixed in: 200,000, 400,000, 800,000 chars
#   sentence  one sentence of news and calendar words: 100,000, 200,000, 400,000 words
#   overlimit a 40 MB article, over the default 32 MiB limit: must say so, not truncate
#             silently
#
# Prints seconds, input MB/s, the time ratio to the 1x run (linear: ~2 and ~4),
# peak RSS, and the exit status. Needs python3 to generate the inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-1}
WORD=${WORD:-yesterday}
LIMIT=${LIMIT:-300}   # seconds per run before it counts as not linear
tmp=$(mktemp -d /tmp/storyline-pathological.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

cargo build --quiet --release --example timeline
bin=target/release/examples/timeline
echo "# $(git rev-parse --short HEAD 2>/dev/null) SCALE=$SCALE WORD=$WORD LIMIT=${LIMIT}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

gen() { # case multiplier out
    python3 - "$1" "$2" "$3" "$SCALE" "$WORD" <<'PY'
import json, random, sys
case, mult, out, scale, word = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5]
rng = random.Random(7 * mult + len(case))
if case == "word":
    n = int(5_000_000 * mult * scale)
    unit = word + " "
    text = (unit * (n // len(unit) + 1))[:n]
elif case == "overlimit":
    unit = word + " "
    text = unit * (int(40_000_000 * scale) // len(unit))
elif case == "noise":
    special = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
               "\u2069", "\u200e", "\u200f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
               "\x00", "\n", " ", ".", "\u2028", "\u0301"]
    chars = []
    for _ in range(int(200_000 * mult * scale)):
        r = rng.random()
        if r < 0.3:
            chars.append(rng.choice(special))
        else:
            while True:
                c = rng.randrange(0x110000)
                if not 0xD800 <= c <= 0xDFFF:
                    break
            chars.append(chr(c))
    text = "".join(chars)
elif case == "sentence":
    words = ("the minister met officials in the capital on Monday and said talks "
             "would resume next week after she arrived yesterday from a visit that began "
             "three days ago while the government announced new sanctions on March 3 "
             "at 9:30 a.m. local time and voted for the agreement signed last year").split()
    n = int(100_000 * mult * scale)
    text = "The " + " ".join(rng.choice(words) for _ in range(n)) + "."
article = {"id": f"{case}-{mult}", "published": "2011-03-04", "text": text}
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps(article, ensure_ascii=False) + "\n")
PY
}

printf '%-10s %4s %12s %9s %9s %7s %9s %s\n' case size bytes seconds MB/s ratio rss_MB status
for case in word noise sentence overlimit; do
    base=""
    mults="1 2 4"
    [ "$case" = overlimit ] && mults=1
    for m in $mults; do
        f="$tmp/$case-$m.jsonl"
        gen "$case" "$m" "$f"
        bytes=$(stat -c %s "$f")
        set +e
        /usr/bin/time -f '%e %M' -o "$tmp/time" timeout "$LIMIT" "$bin" "$f" >"$tmp/out" 2>"$tmp/err"
        status=$?
        set -e
        # The last line is "seconds rss"; a failed run adds a line before it.
        read -r secs rss < <(tail -n 1 "$tmp/time") || true
        [ "$status" -eq 124 ] && secs=$LIMIT
        secs=${secs:-$LIMIT}
        rss=${rss:-0}
        [ -z "$base" ] && base=$secs
        awk -v c="$case" -v m="${m}x" -v b="$bytes" -v s="$secs" -v base="$base" -v r="$rss" -v st="$status" 'BEGIN {
            mbs = (s > 0) ? b / 1e6 / s : 0; ratio = (base > 0) ? s / base : 0;
            printf "%-10s %4s %12d %9.2f %9.1f %7.2f %9.0f %s\n", c, m, b, s, mbs, ratio, r / 1024, st }'
        if [ "$status" -eq 124 ]; then
            echo "  TIMEOUT: not finished after ${LIMIT}s (status 124)"
        elif [ "$status" -ne 0 ]; then
            echo "  run failed (status $status); stderr:" && head -c 2000 "$tmp/err" && echo
        fi
        if grep -q panicked "$tmp/err"; then
            echo "  PANIC:" && grep -m3 panicked "$tmp/err"
        fi
        if [ "$case" = overlimit ]; then
            echo "  stderr says: $(grep -m1 -i limit "$tmp/err" || echo 'NOTHING about the limit')"
        fi
    done
done
