"""A document as one self-contained HTML page: its Markdown rendered by markdown-it-py, with a
style sheet made for reading on screen and printing to a clean PDF.

Nothing in the page reaches outside the file: the style sheet is inline and loads no font or
image, and the Markdown is read with raw HTML, links, images, autolinks and link references
turned off, so a body that holds ``<script>``, ``![](https://…)`` or ``[x](https://…)``
shows that text as written instead of running it or fetching anything.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

#: What the page is set in, on screen and on paper (no url(), no @import: nothing is fetched).
STYLE = """\
:root { color-scheme: light; }
body {
  font: 11pt/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1b1b1b; background: #fff; max-width: 46em; margin: 2.5em auto; padding: 0 1.5em;
}
h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 .4em; }
h2 { font-size: 1.3em; margin: 1.8em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin: 1.3em 0 .3em; }
h4 { font-size: 1em; margin: 1em 0 .2em; }
p { margin: .4em 0; }
ul, ol { margin: .3em 0 .6em; padding-left: 1.5em; }
li { margin: .15em 0; }
blockquote { margin: .5em 0; padding: .1em 0 .1em 1em; border-left: 3px solid #bbb; color: #444; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
hr { border: 0; border-top: 1px solid #ccc; margin: 1.5em 0; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, blockquote, pre, p { break-inside: avoid; page-break-inside: avoid; }
}
"""

#: The Markdown rules that would make the page point outside itself or carry raw HTML.
_OFF = ("link", "image", "autolink", "reference", "html_inline", "html_block")


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False})
    parser.disable(list(_OFF))
    return parser


def body(markdown: str) -> str:
    """``markdown`` as HTML, with no raw HTML, link or image in it."""
    return _parser().render(markdown)


def page(markdown: str, *, title: str) -> str:
    """``markdown`` as a complete HTML page called ``title``, ending in one newline."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(' '.join(title.split()))}</title>\n"
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body(markdown)}</main>\n"
        "</body>\n</html>\n"
    )
