#!/usr/bin/env python3
"""Checks what headless Chromium made of a timeline page (standard library only).

usage:
  browser_check.py png SHOT.png [MIN_COLOURS]
      the screenshot is a real picture: decodes the PNG (zlib, no PIL), and fails
      when it has fewer than MIN_COLOURS distinct colours (default 12) or when
      less than 1% of its pixels differ from the most common (background) colour.
  browser_check.py dom DOM.html [TIMELINE.json]
      the DOM Chromium built: every list entry (data-event-id) unique, no external
      resource; with TIMELINE.json (the timeline example's --json output), one entry
      per event with the same kind and date, and every dated event drawn on the
      chart once (its own mark, or counted in a cluster mark).
Prints one line per check; exit status 1 on any failure.
"""
import collections
import json
import struct
import sys
import zlib
from html.parser import HTMLParser


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = ihdr
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def check_png(path, min_colours):
    width, height, bpp, rows = read_png(path)
    counts = collections.Counter()
    for row in rows[::2]:
        for x in range(0, len(row), bpp * 2):
            counts[row[x:x + 3]] += 1
    total = sum(counts.values())
    background = counts.most_common(1)[0][1]
    busy = 1 - background / total
    ok = len(counts) >= min_colours and busy >= 0.01
    print(f"{'ok' if ok else 'FAIL'}: {path}: {width}x{height}, {len(counts)} colours, "
          f"{busy:.1%} of pixels off the background")
    return ok


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.entries, self.marks, self.clustered, self.external = [], [], 0, []
        self.in_axis = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-event-id" in a:
            self.entries.append((a["data-event-id"], a.get("data-kind"), a.get("data-when") or ""))
        cls = (a.get("class") or "").split()
        if "mk" in cls:
            if "data-mark-for" in a:
                self.marks.append(a["data-mark-for"])
            elif "data-count" in a:
                self.clustered += int(a["data-count"])
        for k in ("src", "href"):
            v = a.get(k) or ""
            if v and not v.startswith("#"):
                self.external.append(f"<{tag} {k}={v!r}>")
        if tag == "link":
            self.external.append("<link>")


def check_dom(path, timeline_path):
    dom = Dom()
    dom.feed(open(path, encoding="utf-8").read())
    failures = []
    ids = [e[0] for e in dom.entries]
    if len(ids) != len(set(ids)):
        failures.append("duplicate data-event-id")
    dangling = set(dom.marks) - set(ids)
    if dangling:
        failures.append(f"chart marks for no listed event: {sorted(dangling)[:5]}")
    if dom.external:
        failures.append(f"external resources: {dom.external[:3]}")
    if timeline_path:
        events = json.load(open(timeline_path, encoding="utf-8"))["events"]
        want = collections.Counter((e["kind"], e.get("when") or "") for e in events)
        got = collections.Counter((k, w) for _, k, w in dom.entries)
        if want != got:
            failures.append(f"events in the JSON but not the page: {dict(want - got)}; "
                            f"in the page but not the JSON: {dict(got - want)}")
        dated = sum(1 for e in events if e.get("when"))
        drawn = len(dom.marks) + dom.clustered
        # An event whose value cannot be placed (XXXX-09-24) goes to the undated lane.
        if drawn > dated or len(set(dom.marks)) != len(dom.marks):
            failures.append(f"{drawn} events drawn on the axis for {dated} dated events")
        print(f"{'ok' if not failures else 'FAIL'}: {path}: {len(dom.entries)} entries for "
              f"{len(events)} events, {len(dom.marks)} marks + {dom.clustered} clustered on the axis")
    else:
        print(f"{'ok' if not failures else 'FAIL'}: {path}: {len(dom.entries)} entries, "
              f"{len(dom.marks)} marks + {dom.clustered} clustered on the axis")
    for f in failures:
        print(f"  {f}")
    return not failures


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("png", "dom"):
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "png":
        ok = check_png(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 12)
    else:
        ok = check_dom(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
