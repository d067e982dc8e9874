"""``ark-conformance matrix R1.json R2.json ... -o matrix.html``: hosts side by side."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from conformance.cli import UsageError
from conformance.reports import MatrixError, load_results, render_matrix_html, render_matrix_markdown

HELP = "compare hosts: results.json files side by side as HTML (-o X.html) or Markdown (-o X.md, or stdout)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("results", type=Path, nargs="+", metavar="RESULTS.json")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=".html or .md (default: Markdown on stdout)")


def run(args: argparse.Namespace) -> int:
    try:
        runs = [load_results(path) for path in args.results]
    except MatrixError as exc:
        raise UsageError(str(exc)) from None
    if args.output is None:
        sys.stdout.write(render_matrix_markdown(runs))
        return 0
    suffix = args.output.suffix.lower()
    if suffix not in (".html", ".md"):
        raise UsageError(f"{args.output}: the output must end in .html or .md")
    text = render_matrix_html(runs) if suffix == ".html" else render_matrix_markdown(runs)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, "utf-8")
    return 0
