"""Language knowledge lives in ``lang/<code>/``: no Arabic or Devanagari in executable code,
and every language folder declares every grammar group the pipeline reads."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import visitkb
from visitkb.errors import LanguageDataError
from visitkb.lang import KNOWLEDGE_FILES, LANG_DIR, load_knowledge, supported_languages
from visitkb.mentions.lexicon import check_grammar, grammar, grammar_keys

PACKAGE = Path(visitkb.__file__).parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
# Arabic (with its supplement, extended and presentation forms) and Devanagari (with extended).
LANGUAGE_TEXT = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u0900-\u097f\ua8e0-\ua8ff]"
)
# OpenAPI examples are documentation for API users, shown with Arabic and Hindi text.
EXAMPLE_KEYWORDS = frozenset({"example", "examples", "openapi_examples"})


def _documentation_spans(tree: ast.AST) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where docstrings and API examples are, as (start, end) positions."""
    nodes: list[ast.AST] = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            nodes.append(body[0].value)
        if isinstance(node, ast.keyword) and node.arg in EXAMPLE_KEYWORDS:
            nodes.append(node.value)
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and "EXAMPLE" in t.id for t in node.targets
        ):
            nodes.append(node.value)
    return [
        ((n.lineno, n.col_offset), (n.end_lineno or n.lineno, n.end_col_offset or 0)) for n in nodes
    ]


def language_text_in_code(path: Path) -> list[str]:
    """``line: token`` of every token with Arabic or Devanagari letters outside comments,
    docstrings and API examples."""
    source = path.read_text(encoding="utf-8")
    spans = _documentation_spans(ast.parse(source))
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT or not LANGUAGE_TEXT.search(token.string):
            continue
        if any(start <= token.start < end for start, end in spans):
            continue
        found.append(f"{token.start[0]}: {token.string[:60]}")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_language_text_in_code(path):
    assert language_text_in_code(path) == [], (
        f"{path}: Arabic or Devanagari in code; move it to src/visitkb/lang/<code>/"
    )


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('X = frozenset({"في"})\n', True),
        ('def f(w):\n    return w.startswith("ال")\n', True),
        ('def f():\n    """ "زيارته": a docstring."""\n', False),
        ('# "في بغداد": a comment\nX = 1\n', False),
        ('Q = Query(examples=["سامي راشد"])\n', False),
        ('EXAMPLE = {"text": "राष्ट्रपति"}\n', False),
        ('x = f"{y}में"\n', True),
    ],
    ids=["literal", "in-call", "docstring", "comment", "api-example", "example-constant", "fstr"],
)
def test_checker_tells_code_from_documentation(tmp_path, source, flagged):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert bool(language_text_in_code(path)) is flagged


@pytest.mark.parametrize("lang", sorted(supported_languages()))
def test_folder_has_every_knowledge_file(lang):
    missing = [n for n in KNOWLEDGE_FILES if not (LANG_DIR / lang / f"{n}.yaml").exists()]
    assert missing == []


@pytest.mark.parametrize("lang", sorted(supported_languages()))
def test_grammar_declares_every_group(lang):
    data = load_knowledge(lang, "grammar")
    assert [k for k in grammar_keys() if k not in data] == []
    assert grammar(lang).lang == lang


@pytest.mark.parametrize("lang", sorted(supported_languages()))
def test_grammar_file_opens_with_a_comment(lang):
    first = (LANG_DIR / lang / "grammar.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")


def test_missing_group_names_file_and_key():
    data = dict(load_knowledge("ar", "grammar"))
    del data["clause_openers"]
    del data["verb_final"]
    with pytest.raises(LanguageDataError) as error:
        check_grammar("ar", data)
    message = str(error.value)
    assert str(LANG_DIR / "ar" / "grammar.yaml") in message
    assert "clause_openers" in message and "verb_final" in message


def test_unknown_group_is_named():
    data = {**load_knowledge("ar", "grammar"), "towads": ["نحو"]}
    with pytest.raises(LanguageDataError, match="unknown towads"):
        check_grammar("ar", data)


@pytest.mark.parametrize(
    ("key", "value"),
    [("postpositions", "yes"), ("to", "إلى"), ("letters", ["\u0600"]), ("script", None)],
    ids=["feature-not-bool", "group-not-list", "letters-not-a-pair", "script-not-str"],
)
def test_mistyped_group_is_named(key, value):
    data = {**load_knowledge("ar", "grammar"), key: value}
    with pytest.raises(LanguageDataError, match=key):
        check_grammar("ar", data)


@pytest.mark.parametrize(
    ("lang", "group", "written", "read"),
    [
        ("ar", "to", "إلى", "الي"),
        ("ar", "place_heads", "العاصمة", "العاصمه"),
        ("ar", "at", "لدى", "لدي"),
        ("ar", "conjunction_clitics", "و", "و"),
        ("ar", "sentence_ends", "؟", "؟"),
        ("hi", "agent_marks", "ने", "ने"),
        ("hi", "genitives", "का", "का"),
        ("hi", "sentence_ends", "।", "।"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_groups_in_matching_form(lang, group, written, read):
    """Word groups are normalised like text; letter groups are kept as written."""
    assert written in load_knowledge(lang, "grammar").get(group, [written])
    assert read in getattr(grammar(lang), group)


@pytest.mark.parametrize(
    ("lang", "postpositions", "verb_final", "verb_before_subject"),
    [("ar", False, False, True), ("hi", True, True, False)],
    ids=["ar", "hi"],
)
def test_grammar_features(lang, postpositions, verb_final, verb_before_subject):
    g = grammar(lang)
    assert (g.postpositions, g.verb_final, g.verb_before_subject) == (
        postpositions,
        verb_final,
        verb_before_subject,
    )
