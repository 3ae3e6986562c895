"""User text never changes the shape of a generated document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.exchange import markdown as md
from tests.exchange.conftest import outline, parse


@pytest.mark.parametrize(
    "title",
    [
        "# not a heading",
        "1. not a list",
        "- not a list",
        "*stars* and _underscores_",
        "[a](link) <b>tag</b> `code`",
        "Closing ##",
        "> not a quote",
        "P&L &amp; more",
    ],
)
def test_text_in_a_heading_or_bullet_reads_back_literally(title: str) -> None:
    doc = md.document([[md.heading(2, title)], [md.bullet(md.text(title))], [md.text(title)]])
    assert outline(doc) == [(2, title)]
    kinds = [t.type for t in parse(doc)]
    assert kinds.count("bullet_list_open") == 1
    assert "ordered_list_open" not in kinds
    assert "blockquote_open" not in kinds
    inline = [t for t in parse(doc) if t.type == "inline"]
    assert all("".join(c.content for c in t.children if c.type == "text") == title for t in inline)


def test_a_quoted_body_keeps_its_markdown_but_cannot_add_headings() -> None:
    body = "# Heading in the body\nSome **bold** text\n\n```\n# a comment in code\n"
    doc = md.document([[md.heading(1, "Doc")], md.quote(body), ["after"]])
    assert outline(doc) == [(1, "Doc")]
    tokens = parse(doc)
    assert any(t.type == "strong_open" for t in tokens[0:] for t in (t.children or []))
    fences = [t for t in tokens if t.type == "fence"]
    assert fences and "# a comment in code" in fences[0].content
    assert tokens[-2].type == "inline" and tokens[-2].content == "after"


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), max_codepoint=0x2FF),
    min_size=1,
    max_size=40,
).filter(lambda s: s.split())


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_reads_back_as_itself_in_a_heading_and_a_list_item(value: str) -> None:
    doc = md.document([[md.heading(2, value)], [md.bullet(md.text(value))]])
    flat = " ".join(value.split())
    assert outline(doc) == [(2, flat)]
    item = [t for t in parse(doc) if t.type == "inline"][1]
    assert [c.type for c in item.children] == ["text"]
    assert item.children[0].content == flat
