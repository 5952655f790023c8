#!/usr/bin/env python3
"""Checks a Fokus report page: valid HTML5 (html5lib, strict), self-contained, accessible basics,
and, with --screenshot, that headless Chromium renders it to a non-blank PNG of the expected size; with
--pdf, that Chromium prints it (the page's print style) to an A4 PDF of a plausible number of pages
(pdfinfo) in which every table shows its last column (pdftotext), so no table is cut off at the right.

Usage: check_page.py PAGE.html [--lang sv|en] [--expect-text TEXT] [--screenshot OUT.png --size WxH]
                     [--pdf OUT.pdf --pages MIN-MAX]
Prints one line per finding and exits 1 when anything is wrong.
"""
import argparse
import shutil
import struct
import subprocess
import sys
import zlib

import html5lib


def png_pixels(path):
    """Width, height and the set of distinct RGB(A) rows' colours sampled from a PNG (8-bit, no interlace)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, depth, ctype = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {2: 3, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_pdf(root, page, pdf, pages):
    """Prints `page` to `pdf` with headless Chromium; the problems found in it."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        return ["chromium, pdfinfo or pdftotext is not installed"]
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", "file://" + page],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
    try:
        size = len(open(pdf, "rb").read())
    except OSError as error:
        return [f"no PDF: {error}"]
    if size == 0:
        return ["the PDF is empty"]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=False).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    problems = []
    count = int(fields.get("Pages", "0").strip() or 0)
    low, high = (int(v) for v in pages.split("-"))
    if not low <= count <= high:
        problems.append(f"the PDF has {count} pages, expected {low} to {high}")
    if "A4" not in fields.get("Page size", ""):
        problems.append(f"the PDF's pages are not A4: {fields.get('Page size', '?').strip()}")
    # A table cut off at the right loses its last columns: on the PDF line that shows the first two headers of a
    # table, its last header must show too.
    lines = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=False).stdout
    lines = [set(line.split()) for line in lines.splitlines()]
    folded = {id(t) for details in root.iter("details") for t in details.iter("table")}  # closed: not printed
    for table in root.iter("table"):
        if id(table) in folded:
            continue
        header_row = table.find(".//thead/tr")
        if header_row is None:
            header_row = table.find(".//tr")
        words = [("".join(c.itertext()).split() or [""])[0] for c in header_row] if header_row is not None else []
        words = [w for w in words if w and w != "#"]
        if len(words) < 3:
            continue
        rows = [line for line in lines if words[0] in line and words[1] in line]
        if not rows:
            problems.append(f"the header of the table starting {words[0]!r}, {words[1]!r} is not in the PDF")
        elif not any(words[-1] in line for line in rows):
            problems.append(f"the table starting {words[0]!r}, {words[1]!r} lacks its last column {words[-1]!r}: cut off")
    print(f"pdf {count} pages, {size} bytes")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--lang", default="sv")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--screenshot")
    parser.add_argument("--size", default="1200x2400")
    parser.add_argument("--pdf")
    parser.add_argument("--pages", default="2-40")
    args = parser.parse_args()
    problems = []

    source = open(args.page, "rb").read()
    html5 = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = html5.parse(source)
    for position, code, data in html5.errors:
        problems.append(f"html5 parse error at {position}: {code} {data}")
    root = document
    if root.get("lang") != args.lang:
        problems.append(f"<html lang> is {root.get('lang')!r}, expected {args.lang!r}")
    for tag in ("script", "img", "link", "iframe", "object", "embed"):
        if root.find(f".//{tag}") is not None:
            problems.append(f"the page has a <{tag}>: it must be self-contained")
    if b"http://" in source.replace(b"http://www.w3.org/2000/svg", b"") or b"https://" in source:
        problems.append("the page refers to another address")
    levels = [int(e.tag[1]) for e in root.iter() if isinstance(e.tag, str) and len(e.tag) == 2 and e.tag[0] == "h" and e.tag[1].isdigit()]
    if not levels or levels[0] != 1 or any(b - a > 1 for a, b in zip(levels, levels[1:])):
        problems.append(f"headings out of order: {levels}")
    svg_ns = "{http://www.w3.org/2000/svg}"
    charts = [e for e in root.iter() if e.tag in ("svg", svg_ns + "svg")]
    for svg in charts:
        titled = any(svg.find(prefix + "title") is not None for prefix in ("", svg_ns))
        described = any(svg.find(prefix + "desc") is not None for prefix in ("", svg_ns))
        if not titled or not described or svg.get("role") != "img":
            problems.append("an <svg> lacks title, desc or role=img")
    print(f"{len(charts)} charts, headings {levels[:3]}…")
    text = "".join(root.itertext())
    for expected in args.expect_text:
        if expected not in text:
            problems.append(f"the page does not show the text {expected!r}")

    if args.screenshot:
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            problems.append("chromium is not installed")
        else:
            width, height = (int(v) for v in args.size.split("x"))
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--screenshot={args.screenshot}", f"--window-size={width},{height}", "file://" + args.page],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
            try:
                w, h, channels, rows = png_pixels(args.screenshot)
            except (OSError, AssertionError, KeyError, zlib.error) as error:
                problems.append(f"no readable screenshot: {error}")
            else:
                if (w, h) != (width, height):
                    problems.append(f"screenshot is {w}x{h}, expected {width}x{height}")
                colours = set()
                dark = 0
                for row in rows[::8]:
                    for x in range(0, len(row), channels * 8):
                        pixel = row[x:x + 3]
                        colours.add(pixel)
                        if sum(pixel) < 200:
                            dark += 1
                if len(colours) < 20 or dark < 100:
                    problems.append(f"screenshot looks blank: {len(colours)} colours, {dark} dark samples")
                else:
                    print(f"screenshot {w}x{h}: {len(colours)} colours, {dark} dark samples")

    if args.pdf:
        problems += check_pdf(root, args.page, args.pdf, args.pages)

    for problem in problems:
        print(problem)
    print("page OK" if not problems else f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


main()
