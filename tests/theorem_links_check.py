#!/usr/bin/env python3
"""Checks the links between the theorems of model.md (T1-T5), the Coq proofs and the tests.

Usage: theorem_links_check.py <repository root>

Reads docs/theorems.md, proofs/theories/*.v and the test sources under tests/, and fails
(exit status 1, one line per problem) when:
  (a) a Coq name `Collapse.<Module>.<name>` written in docs/theorems.md or in a THEOREM tag
      is not a `Theorem` or `Lemma` of proofs/theories/<Module>.v;
  (b) a theorem audited in proofs/theories/Audit.v (`Print Assumptions X.`) is not named,
      as `Collapse.<Module>.X`, in docs/theorems.md;
  (c) a test named in docs/theorems.md (`` `file` :: `Suite.Name` ``, file relative to
      tests/) is not declared in that file (TEST, TEST_F, TEST_P, RC_GTEST_PROP,
      RC_GTEST_FIXTURE_PROP);
  (d) one of T1-T5 has no tagged test;
  (e) a test listed in a theorem's section of docs/theorems.md has no tag for that theorem
      (in the T5 section, test rows marked (a) or (b) are T5a or T5b);
  (f) a tag names a test and theorem that docs/theorems.md does not list together;
  (g) a tag names a Coq theorem that the theorem's section of docs/theorems.md does not
      name;
  (h) a THEOREM tag is malformed or not directly above a test declaration, or a section
      T1-T5 of docs/theorems.md is missing or names no Coq theorem.

A tag is a line `// THEOREM: T<n>[a|b] — <Coq names>` directly above the test (several
tags may follow each other), where <Coq names> is a comma-separated list of
`Collapse.<Module>.<name>` or the words `no Coq statement yet`.

Python 3 standard library only. Prints "N passed, M failed" last.
"""
import os
import re
import sys

TAG_LINE = re.compile(r"^\s*// THEOREM: (T[1-5][ab]?)( — (.*))?$")
TAG_LIKE = re.compile(r"^\s*//\s*THEOREM\b")
NO_COQ = "no Coq statement yet"
COQ_NAME = re.compile(r"Collapse\.([A-Za-z_][A-Za-z0-9_']*)\.([A-Za-z_][A-Za-z0-9_']*)")
COQ_NAME_EXACT = re.compile(r"^" + COQ_NAME.pattern + r"$")
TEST_DECL = re.compile(
    r"^\s*(?:TEST|TEST_F|TEST_P|RC_GTEST_PROP|RC_GTEST_FIXTURE_PROP)\s*\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)",
    re.ASCII)
TEST_NAME = re.compile(r"^[A-Za-z_]\w*\.[A-Za-z_]\w*$", re.ASCII)
DOC_FILE_BEFORE_SEP = re.compile(r"`([^`]+)`\s*::")
BACKTICKED = re.compile(r"`([^`]*)`")
SECTION = re.compile(r"^##\s+(T[1-5])\b")
THEOREM_IDS = ["T1", "T2", "T3", "T4", "T5"]
TEST_SUFFIXES = (".cpp", ".cc", ".cxx", ".hpp", ".h")


class Report:
    def __init__(self):
        self.passed = 0
        self.problems = []

    def check(self, ok, problem):
        if ok:
            self.passed += 1
        else:
            self.problems.append(problem)
        return ok


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def strip_coq_comments(text):
    """Removes (nested) Coq comments, keeping line breaks so line numbers stay valid."""
    out, depth, i = [], 0, 0
    while i < len(text):
        if text.startswith("(*", i):
            depth += 1
            i += 2
        elif depth and text.startswith("*)", i):
            depth -= 1
            i += 2
        else:
            if depth == 0 or text[i] == "\n":
                out.append(text[i])
            i += 1
    return "".join(out)


def coq_declarations(theories):
    """{(module, name): kind} for every Theorem and Lemma of theories/*.v (except Audit.v)."""
    decls = {}
    for entry in sorted(os.listdir(theories)):
        if not entry.endswith(".v") or entry == "Audit.v":
            continue
        module = entry[:-2]
        text = strip_coq_comments(read(os.path.join(theories, entry)))
        for m in re.finditer(r"^\s*(Theorem|Lemma)\s+([A-Za-z_][A-Za-z0-9_']*)", text, re.M):
            decls[(module, m.group(2))] = m.group(1)
    return decls


def audited_names(theories):
    text = strip_coq_comments(read(os.path.join(theories, "Audit.v")))
    return re.findall(r"^\s*Print\s+Assumptions\s+([A-Za-z_][A-Za-z0-9_'.]*)\s*\.", text, re.M)


def doc_structure(text):
    """Returns (tests, sections).

    tests: list of (line number, file, "Suite.Name", theorem id or None) for every test the
    page names; sections: {theorem: {"line": n, "coq": set of (module, name)}}."""
    tests, sections = [], {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        heading = SECTION.match(line)
        if heading:
            current = heading.group(1)
            sections[current] = {"line": number, "coq": set()}
        elif line.startswith("## ") or line.startswith("# "):
            current = None
        if current:
            for m in COQ_NAME.finditer(line):
                sections[current]["coq"].add((m.group(1), m.group(2)))
        files = list(DOC_FILE_BEFORE_SEP.finditer(line))
        for k, f in enumerate(files):
            end = files[k + 1].start() if k + 1 < len(files) else len(line)
            theorem = current
            if current == "T5":
                parts = re.findall(r"\((a|b)\)", line[:f.start()])
                if parts:
                    theorem = "T5" + parts[-1]
            for name in BACKTICKED.finditer(line, f.end(), end):
                if TEST_NAME.match(name.group(1)):
                    tests.append((number, f.group(1), name.group(1), theorem))
    return tests, sections


def test_sources(tests_dir):
    for root, dirs, files in os.walk(tests_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(TEST_SUFFIXES):
                yield os.path.join(root, name)


def declared_tests(path):
    """"Suite.Name" of every test declared at the start of a line of `path`."""
    return {f"{m.group(1)}.{m.group(2)}" for m in re.finditer(TEST_DECL.pattern, read(path), re.M | re.ASCII)}


def main(argv):
    if len(argv) != 2:
        print("usage: theorem_links_check.py <repository root>", file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    docs_path = os.path.join(root, "docs", "theorems.md")
    theories = os.path.join(root, "proofs", "theories")
    tests_dir = os.path.join(root, "tests")
    for p in (docs_path, os.path.join(theories, "Audit.v"), tests_dir):
        if not os.path.exists(p):
            print(f"theorem_links_check: {p} not found", file=sys.stderr)
            return 2
    report = Report()
    docs_rel = os.path.relpath(docs_path, root)

    decls = coq_declarations(theories)
    modules_of = {}
    for (module, name) in decls:
        modules_of.setdefault(name, []).append(module)

    def coq_exists(where, module, name):
        report.check((module, name) in decls,
                     f"{where}: Collapse.{module}.{name} is not a Theorem or Lemma of "
                     f"proofs/theories/{module}.v")

    # (a) the Coq names of the page.
    docs = read(docs_path)
    for number, line in enumerate(docs.splitlines(), 1):
        for m in COQ_NAME.finditer(line):
            coq_exists(f"{docs_rel}:{number}", m.group(1), m.group(2))

    # (b) every audited theorem is on the page.
    named_in_docs = {(m.group(1), m.group(2)) for m in COQ_NAME.finditer(docs)}
    for name in audited_names(theories):
        modules = [mod for mod in modules_of.get(name, []) if decls[(mod, name)] == "Theorem"]
        if not report.check(modules != [], f"proofs/theories/Audit.v: {name} is not a Theorem of proofs/theories/*.v"):
            continue
        report.check(any((mod, name) in named_in_docs for mod in modules),
                     f"{docs_rel}: the audited theorem Collapse.{modules[0]}.{name} is not mentioned")

    # (c) every test the page names exists; (h) every theorem has a section naming Coq theorems.
    doc_tests, sections = doc_structure(docs)
    declared = {}
    for number, rel, test, _ in doc_tests:
        path = os.path.join(tests_dir, rel)
        if not report.check(os.path.isfile(path), f"{docs_rel}:{number}: tests/{rel} does not exist"):
            continue
        if path not in declared:
            declared[path] = declared_tests(path)
        report.check(test in declared[path], f"{docs_rel}:{number}: tests/{rel} declares no test {test}")
    for t in THEOREM_IDS:
        if report.check(t in sections, f"{docs_rel}: no section '## {t} ...'"):
            report.check(sections[t]["coq"] != set(),
                         f"{docs_rel}:{sections[t]['line']}: the section of {t} names no Coq theorem")

    # The tags.
    tags = []  # (file relative to tests/, line, theorem, "Suite.Name", [(module, name)])
    for path in test_sources(tests_dir):
        rel = os.path.relpath(path, tests_dir)
        lines = read(path).splitlines()
        pending = []
        for number, line in enumerate(lines, 1):
            where = f"tests/{rel}:{number}"
            if TAG_LIKE.match(line):
                m = TAG_LINE.match(line)
                if not report.check(m is not None and m.group(3) is not None,
                                    f"{where}: malformed tag, expected '// THEOREM: T<n> — <Coq names or "
                                    f"\"{NO_COQ}\">': {line.strip()}"):
                    continue
                theorem, coq_text = m.group(1), m.group(3).strip()
                report.check(theorem[:2] == "T5" or len(theorem) == 2,
                             f"{where}: {theorem}: only T5 has parts (a) and (b)")
                names = []
                if coq_text != NO_COQ:
                    for item in coq_text.split(","):
                        item = item.strip()
                        q = COQ_NAME_EXACT.match(item)
                        if report.check(q is not None, f"{where}: '{item}' is neither a Collapse.<Module>.<name> "
                                                       f"nor '{NO_COQ}'"):
                            names.append((q.group(1), q.group(2)))
                            coq_exists(where, q.group(1), q.group(2))  # (a)
                pending.append((number, theorem, names))
                continue
            if pending:
                d = TEST_DECL.match(line)
                if report.check(d is not None,
                                f"tests/{rel}:{pending[-1][0]}: tag not directly above a test declaration"):
                    test = f"{d.group(1)}.{d.group(2)}"
                    seen = set()
                    for number_, theorem, names in pending:
                        report.check(theorem not in seen, f"tests/{rel}:{number_}: {test} has two {theorem} tags")
                        seen.add(theorem)
                        tags.append((rel, number_, theorem, test, names))
                pending = []
        if pending:
            report.check(False, f"tests/{rel}:{pending[-1][0]}: tag not directly above a test declaration")

    # (d) every theorem has a tagged test.
    for t in THEOREM_IDS:
        report.check(any(theorem.startswith(t) for _, _, theorem, _, _ in tags), f"{t} has no tagged test")

    # (e) a test listed under a theorem carries its tag; (f) a tag is listed on the page.
    tagged = {(rel, test, theorem) for rel, _, theorem, test, _ in tags}
    listed = {(rel, test, theorem) for _, rel, test, theorem in doc_tests if theorem}
    for number, rel, test, theorem in doc_tests:
        if theorem:
            report.check((rel, test, theorem) in tagged,
                         f"{docs_rel}:{number}: tests/{rel} :: {test} is listed under {theorem} but has no "
                         f"'// THEOREM: {theorem} — ...' tag")
    for rel, number, theorem, test, names in tags:
        report.check((rel, test, theorem) in listed,
                     f"tests/{rel}:{number}: {test} is tagged {theorem} but {docs_rel} does not list it "
                     f"under {theorem}")
        # (g) the tag's Coq theorems are those of the theorem's section.
        section = sections.get(theorem[:2], {"coq": set()})["coq"]
        for module, name in names:
            report.check((module, name) in section,
                         f"tests/{rel}:{number}: Collapse.{module}.{name} is not named in the {theorem[:2]} "
                         f"section of {docs_rel}")

    for problem in report.problems:
        print(problem)
    print(f"{report.passed} passed, {len(report.problems)} failed")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
