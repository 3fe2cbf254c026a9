"""Normalisation: matching forms in ``token.norm_``, offsets always into the original text."""

import pytest

from visitkb.mentions import find_mentions
from visitkb.mentions.forms import normalize_word
from visitkb.mentions.pipeline import PIPE_NAMES, build_pipeline


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("ar", "أحمد", "احمد"),
        ("ar", "إيران", "ايران"),
        ("ar", "مصطفى", "مصطفي"),
        ("ar", "زيارة", "زياره"),
        ("ar", "الرئيـــس", "الرئيس"),
        ("ar", "وَقَّعَ", "وقع"),
        ("ar", "٢٢", "22"),
        ("ar", "۱۴", "14"),
        ("hi", "इराक़", "इराक"),
        ("hi", "मुलाक़ात", "मुलाकात"),
        ("hi", "पहुँचे", "पहुंचे"),
        ("hi", "२२", "22"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_word_forms(lang, word, expected):
    assert normalize_word(word, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "word", "expected"),
    [
        ("ar", "ورئيس الوزراء", "ورئيس", "رئيس"),
        ("ar", "وصل إلى للعراق", "للعراق", "العراق"),
        ("ar", "بالعاصمة", "بالعاصمة", "العاصمه"),
        ("ar", "فيصل", "فيصل", "فيصل"),  # ف only before the article
        ("ar", "وزار", "وزار", "زار"),
        ("ar", "وزارة", "وزارة", "وزاره"),  # "زارة" is no word
        ("ar", "قال توكاييف ثم وتوكاييف", "وتوكاييف", "توكاييف"),  # known from the document
        ("ar", "بحضور الوزير", "بحضور", "بحضور"),  # listed as written by visit_terms.yaml
    ],
    ids=[
        "conjunction",
        "lam-alif",
        "bi-al",
        "fa-name",
        "verb",
        "noun",
        "document-word",
        "listed-with-clitic",
    ],
)
def test_clitics_stripped_only_into_known_words(lang, text, word, expected):
    doc = build_pipeline(lang)(text)
    assert next(t.norm_ for t in doc if t.text == word) == expected


def test_pipeline_shows_its_components():
    assert tuple(build_pipeline("ar").pipe_names) == PIPE_NAMES
    assert tuple(build_pipeline("hi").pipe_names) == PIPE_NAMES


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "وصل الرئيسُ الكازاخيّ قاسم توكاييف، اليومَ، إلى أنقرة في زيارةٍ تستغرق يومين."),
        ("hi", "जर्मनी के चांसलर ओलाफ़ शॉल्ज़ सोमवार को दो दिन के दौरे पर मुंबई आए।"),
    ],
    ids=["ar", "hi"],
)
def test_every_mention_is_a_span_of_the_original_text(lang, text):
    found = find_mentions(text, lang)
    groups = [
        found.countries,
        found.places,
        found.people,
        found.terms,
        found.dates,
        found.numbers,
        found.durations,
        found.agreements,
    ]
    mentions = [m for group in groups for m in group]
    assert mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
