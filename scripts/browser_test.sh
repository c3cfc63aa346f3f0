#!/usr/bin/env bash
# Real-browser test of the HTML timeline page (issue 8).
#
# Renders the seed timeline page (and synthetic 5- and 500-event pages) in headless
# Chromium, takes screenshots, and checks that they are not blank and that every
# event of the timeline's --json output is in the DOM Chromium built.
#
#   scripts/browser_test.sh                      # test; pictures kept in $KEEP or a temp dir
#   scripts/browser_test.sh --update-screenshot  # test, then copy the seed shot to docs/timeline.png
#
# Installs Debian's chromium when it is missing (needs root, as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

update=0
for arg in "$@"; do
    case "$arg" in
        --update-screenshot) update=1 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "installing Debian's chromium" >&2
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    browser=$(command -v chromium)
fi

tmp=${KEEP:-$(mktemp -d)}
mkdir -p "$tmp"
echo "pages and screenshots in $tmp"

# One fresh profile per run, no network chatter (the machine's network is closed).
chrome() {
    local profile
    profile=$(mktemp -d "$tmp/profile.XXXX")
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-first-run --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
    rm -rf "$profile"
}

# shoot PAGE NAME WIDTH,HEIGHT [MIN_COLOURS]: screenshot, not blank.
shoot() {
    chrome --screenshot="$tmp/$2.png" --window-size="$3" "file://$1" >/dev/null
    python3 scripts/browser_check.py png "$tmp/$2.png" "${4:-12}"
}

cargo build --release --example timeline
cargo run --release --quiet --example timeline -- --json --html "$tmp/seeds.html" >"$tmp/seeds.json"
STORYLINE_HTML_OUT="$tmp/synthetic" cargo test --quiet --test html_render >/dev/null

fail=0
shoot "$tmp/seeds.html" seeds 1400,900 || fail=1
shoot "$tmp/seeds.html" seeds-narrow 480,900 || fail=1
chrome --dump-dom "file://$tmp/seeds.html" >"$tmp/seeds.dom.html"
python3 scripts/browser_check.py dom "$tmp/seeds.dom.html" "$tmp/seeds.json" || fail=1

for page in small synthetic-500; do
    shoot "$tmp/synthetic/$page.html" "$page" 1400,900 20 || fail=1
    shoot "$tmp/synthetic/$page.html" "$page-narrow" 480,900 20 || fail=1
    chrome --dump-dom "file://$tmp/synthetic/$page.html" >"$tmp/$page.dom.html"
    python3 scripts/browser_check.py dom "$tmp/$page.dom.html" || fail=1
done

if [ "$fail" -ne 0 ]; then
    echo "browser test FAILED (see $tmp)" >&2
    exit 1
fi
if [ "$update" -eq 1 ]; then
    mkdir -p docs
    cp "$tmp/seeds.png" docs/timeline.png
    echo "docs/timeline.png updated"
fi
if [ -z "${KEEP:-}" ]; then
    rm -rf "$tmp"
fi
echo "browser test passed"
