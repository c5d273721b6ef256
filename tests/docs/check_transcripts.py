#!/usr/bin/env python3
"""The command transcripts of docs/tutorial.md and docs/reproduction.md are what this version
prints: runs every fenced block that starts with "$ collapse" (commands on "$ " lines, each
followed by its expected output) and compares standard output and standard error, together,
with the text shown. Blocks that elide output ("...") or use shell loops and pipes are
skipped; "> FILE" redirects standard output to a file. A picture a command writes must be
the committed docs/img/ file of the same name, which the documents show. Commands run in a scratch directory
in which tests/ points to the source tree's tests/, so the documents' relative paths work.

usage: check_transcripts.py COLLAPSE_BINARY SOURCE_DIR SCRATCH_DIR
"""
import pathlib
import shlex
import shutil
import subprocess
import sys

DOCUMENTS = ["docs/tutorial.md", "docs/reproduction.md"]


def transcripts(text):
    """The contents of fenced blocks that start with "$ collapse" and elide nothing."""
    block = None
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            if block is None:
                block = ""
                continue
            if block.startswith("$ collapse") and "\n...\n" not in block:
                yield block
            block = None
        elif block is not None:
            block += line


def steps(block):
    """[(command tokens, expected output)]; None when the block needs a real shell."""
    out = []
    for line in block.splitlines(keepends=True):
        if line.startswith("$ "):
            tokens = shlex.split(line[2:])
            if any(t in ("|", "for", "do", "done", "&&") for t in tokens):
                return None
            out.append([tokens, ""])
        else:
            out[-1][1] += line
    return out


def main() -> int:
    collapse, source, scratch = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    (scratch / "tests").symlink_to(source / "tests")
    failures, ran, skipped = [], 0, 0
    for document in DOCUMENTS:
        for block in transcripts((source / document).read_text()):
            commands = steps(block)
            if commands is None:
                skipped += 1
                continue
            for tokens, expected in commands:
                redirect = None
                if len(tokens) >= 2 and tokens[-2] == ">":
                    redirect, tokens = tokens[-1], tokens[:-2]
                assert tokens[0] == "collapse", tokens
                result = subprocess.run([collapse] + tokens[1:], cwd=scratch, capture_output=True, text=True)
                ran += 1
                if redirect:
                    (scratch / redirect).write_text(result.stdout)
                    actual = result.stderr
                else:
                    actual = result.stdout + result.stderr
                if actual != expected:
                    failures.append(f"{document}: $ {shlex.join(tokens)}\n--- expected\n{expected}--- actual\n{actual}")
    # The pictures the documents' commands write are the committed ones they show.
    for svg in sorted(scratch.glob("*.svg")):
        committed = source / "docs" / "img" / svg.name
        if committed.exists() and committed.read_bytes() != svg.read_bytes():
            failures.append(f"{svg.name}: the documented command draws a different picture than docs/img/{svg.name}")
    for f in failures:
        print("FAIL:", f)
    print(f"{ran} commands run, {skipped} blocks skipped, {len(failures)} differ")
    return 1 if failures or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
