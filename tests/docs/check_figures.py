#!/usr/bin/env python3
"""The committed figures are what the documented command produces, and each one is a
picture a person can open: regenerates docs/img/*.svg with docs/img/generate.sh into a
scratch directory, then checks that every file is well-formed XML with an <svg> root, is
byte-identical to the committed one, and renders to a non-empty PNG with rsvg-convert.

usage: check_figures.py COLLAPSE_BINARY SOURCE_DIR SCRATCH_DIR
"""
import pathlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def main() -> int:
    collapse, source, scratch = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    committed_dir = source / "docs" / "img"
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    subprocess.run(["bash", str(committed_dir / "generate.sh"), collapse, str(scratch)], check=True)
    generated = sorted(p.name for p in scratch.glob("*.svg"))
    committed = sorted(p.name for p in committed_dir.glob("*.svg"))
    failures = []
    if generated != committed:
        failures.append(f"generated {generated} but committed {committed}")
    if not generated:
        failures.append("no figure was generated")
    for name in generated:
        svg = scratch / name
        try:
            root = ET.parse(svg).getroot()
            if root.tag != "{http://www.w3.org/2000/svg}svg":
                failures.append(f"{name}: root element is {root.tag}, not svg")
        except ET.ParseError as e:
            failures.append(f"{name}: not well-formed XML: {e}")
        if (committed_dir / name).exists() and svg.read_bytes() != (committed_dir / name).read_bytes():
            failures.append(f"{name}: differs from docs/img/{name}; run docs/img/generate.sh COLLAPSE docs/img")
        png = svg.with_suffix(".png")
        result = subprocess.run(["rsvg-convert", "--format", "png", "--output", str(png), str(svg)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f"{name}: rsvg-convert failed: {result.stderr.strip()}")
        elif not png.exists() or png.stat().st_size < 1000 or png.read_bytes()[:8] != PNG_SIGNATURE:
            failures.append(f"{name}: rsvg-convert gave no usable PNG")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(generated)} figures checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
