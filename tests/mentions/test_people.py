"""Persons from titles, nationality adjectives, apposition, verbs and repeats."""

import pytest

from visitkb.mentions import find_mentions


def _people(lang: str, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (p.text, p.role, p.country) for p in find_mentions(text, lang).people if not p.role_only
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "استقبل الرئيس الكازاخي قاسم جومارت توكاييف في أستانا",
            [("قاسم جومارت توكاييف", "president", "KAZ")],
        ),
        (
            "ar",
            "وصلت رئيسة الوزراء الإيطالية جورجيا ميلوني إلى تونس",
            [("جورجيا ميلوني", "prime minister", "ITA")],
        ),
        (
            "ar",
            "التقى وزير الخارجية الياباني يوشيماسا هاياشي نظيره",
            [("يوشيماسا هاياشي", "foreign minister", "JPN")],
        ),
        (
            "ar",
            "وزير الخارجية الأسبق عمرو موسى",
            [("عمرو موسى", "former foreign minister", None)],
        ),
        (
            "ar",
            "وكان في استقباله صاحب السمو الشيخ صباح الأحمد الجابر الصباح ولي العهد",
            [("صباح الأحمد الجابر الصباح", "crown prince", None)],
        ),
        (
            "ar",
            "قال قاسم جومارت توكاييف، رئيس جمهورية كازاخستان، إن",
            [("قاسم جومارت توكاييف", "president", "KAZ")],
        ),
        (
            "hi",
            "जर्मनी के चांसलर ओलाफ़ शॉल्ज़ ने कहा",
            [("ओलाफ़ शॉल्ज़", "chancellor", "DEU")],
        ),
        (
            "hi",
            "जापानी प्रधानमंत्री फ़ुमियो किशिदा सोमवार को पहुंचे",
            [("फ़ुमियो किशिदा", "prime minister", "JPN")],
        ),
        (
            "hi",
            "पूर्व राष्ट्रपति के. आर. नारायणन ने कहा",
            [("के. आर. नारायणन", "former president", None)],
        ),
    ],
    ids=[
        "ar-title-adjective",
        "ar-feminine",
        "ar-minister",
        "ar-former",
        "ar-honorific-apposition",
        "ar-apposition-genitive",
        "hi-genitive-country",
        "hi-adjective",
        "hi-initials",
    ],
)
def test_titled_people(lang, text, expected):
    assert _people(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "forms"),
    [
        ("ar", "وصل الرئيس الكازاخي قاسم توكاييف. وقال توكاييف إن", ["قاسم توكاييف", "توكاييف"]),
        ("ar", "رئيس البرلمان علي الكعبي. وأكد كعبي أن", ["علي الكعبي", "كعبي"]),
        ("ar", "الوزير يوسف عبد الرحمن. وأكد عبدالرحمن", ["يوسف عبد الرحمن", "عبدالرحمن"]),
        ("hi", "राष्ट्रपति राम प्रसाद 'बिस्मिल' पहुंचे। बिस्मिल ने कहा", ["राम प्रसाद", "बिस्मिल", "बिस्मिल"]),
    ],
    ids=["surname", "without-article", "spacing", "nickname"],
)
def test_repeats_are_one_person(lang, text, forms):
    people = [p for p in find_mentions(text, lang).people if not p.role_only]
    assert [p.text for p in people] == forms
    assert len({p.person for p in people}) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "زار ضريح الإمام الحسين في كربلاء"),
        ("ar", "وصل إلى مطار الملك خالد الدولي"),
        ("hi", "वे ख़्वाजा साहब की दरगाह पर गए"),
        ("ar", "أكد رئيس الوزراء العراقي في بيان"),
    ],
    ids=["shrine", "airport", "hi-shrine", "role-only"],
)
def test_no_named_person(lang, text):
    assert _people(lang, text) == []


def test_role_only_mentions_keep_role_and_country():
    found = find_mentions("أكد رئيس الوزراء العراقي في بيان", "ar")
    assert [(p.role, p.country) for p in found.people if p.role_only] == [("prime minister", "IRQ")]


def test_untitled_traveller_named_by_the_verb():
    found = find_mentions("इससे पहले 1988 में राजीव गांधी चीन गए थे।", "hi")
    assert [p.text for p in found.people] == ["राजीव गांधी"]
