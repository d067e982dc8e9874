"""Reports of a conformance run: reporters fed by the run loop, and the renderings they write.

>>> from conformance.reports import TerminalReporter, file_reporters
"""

from ._files import RENDERERS, FileReporter, file_reporters, render_json
from ._html import render_html
from ._junit import render_junit
from ._markdown import render_markdown
from ._matrix import MatrixError, load_results, render_matrix_html, render_matrix_markdown
from ._terminal import TerminalReporter, use_colour
from ._view import clause_texts

__all__ = [
    "RENDERERS",
    "FileReporter",
    "MatrixError",
    "TerminalReporter",
    "clause_texts",
    "file_reporters",
    "load_results",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_matrix_html",
    "render_matrix_markdown",
    "use_colour",
]
