"""Texts cut at span offsets: joined, the pieces give the text back; marks cover the spans."""

import pytest

from visitkb.web.highlight import Piece, cut

AR = "زار الرئيس سامي راشد بغداد ووقع 14 مذكرة تفاهم."
HI = "राष्ट्रपति सामी राशिद ने बगदाद का दौरा किया।"


def _span(text, needle, kind):
    start = text.index(needle)
    return (start, start + len(needle), kind)


CASES = [
    ("no-spans", AR, [], [Piece(AR)]),
    (
        "one-name-ar",
        AR,
        [_span(AR, "سامي راشد", "person")],
        [
            Piece("زار الرئيس "),
            Piece("سامي راشد", ("person",)),
            Piece(" بغداد ووقع 14 مذكرة تفاهم."),
        ],
    ),
    (
        "name-inside-sentence-hi",
        HI,
        [(0, len(HI), "visit"), _span(HI, "सामी राशिद", "person")],
        [
            Piece("राष्ट्रपति ", ("visit",)),
            Piece("सामी राशिद", ("person", "visit")),
            Piece(" ने बगदाद का दौरा किया।", ("visit",)),
        ],
    ),
    (
        "overlapping",
        "abcdef",
        [(0, 4, "visit"), (2, 6, "place")],
        [Piece("ab", ("visit",)), Piece("cd", ("place", "visit")), Piece("ef", ("place",))],
    ),
    (
        "adjacent-sentences-stay-apart",
        "ab",
        [(0, 1, "visit"), (1, 2, "visit")],
        [Piece("a", ("visit",)), Piece("b", ("visit",))],
    ),
    ("same-span-twice", "abc", [(1, 2, "visit"), (1, 2, "visit")],
     [Piece("a"), Piece("b", ("visit",)), Piece("c")]),
    ("clipped-to-text", "abc", [(-3, 1, "visit"), (2, 99, "place")],
     [Piece("a", ("visit",)), Piece("b"), Piece("c", ("place",))]),
    ("empty-span-ignored", "abc", [(1, 1, "visit")], [Piece("abc")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "spans", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_cut(text, spans, expected):
    pieces = cut(text, spans)
    assert pieces == expected
    assert "".join(p.text for p in pieces) == text


def test_markup_in_the_text_is_only_text():
    text = '<b onclick="x()">سامي</b> & co'
    pieces = cut(text, [_span(text, "سامي", "person")])
    assert [p.text for p in pieces] == ['<b onclick="x()">', "سامي", "</b> & co"]
