"""People: gazetteer links, cross-script identity, surnames, ties."""

from datetime import date

from visitkb.resolve import KnownPerson, MentionClaim, TermOfOffice, resolve_people

RAISI = KnownPerson(
    id="ebrahim-raisi",
    country="IRN",
    names=("Ebrahim Raisi", "إبراهيم رئيسي", "इब्राहीम रईसी"),
    terms=(TermOfOffice("president", "IRN", date(2021, 8, 3), date(2024, 5, 19)),),
)
HAKIM_A = KnownPerson(id="a-hakim", country="IRQ", names=("Ammar al-Hakim", "عمار الحكيم"))
HAKIM_B = KnownPerson(id="b-hakim", country="IRQ", names=("Mohammed al-Hakim", "محمد الحكيم"))


def _mention(mid, doc, text, key=0, role=None, country=None):
    return MentionClaim(mid, doc, key, text, role, country)


def test_arabic_and_hindi_spellings_meet_in_the_gazetteer():
    people = resolve_people(
        [_mention(1, "ar", "إبراهيم رئيسي"), _mention(2, "hi", "इब्राहीम रईसी")], [RAISI]
    )
    assert people[1].key == people[2].key == "gazetteer:ebrahim-raisi"
    assert set(people[1].names) == {"إبراهيم رئيسي", "इब्राहीम रईसी"}


def test_a_surname_alone_needs_the_text_to_agree():
    alone = resolve_people([_mention(1, "d", "رئيسي")], [RAISI])
    assert alone[1].known is None
    confirmed = resolve_people(
        [_mention(1, "d", "رئيسي", role="president", country="IRN")], [RAISI]
    )
    assert confirmed[1].known == RAISI


def test_an_ambiguous_surname_links_nobody():
    people = resolve_people([_mention(1, "d", "الحكيم", country="IRQ")], [HAKIM_A, HAKIM_B])
    assert people[1].known is None


def test_people_outside_the_gazetteer_meet_across_documents_and_scripts():
    people = resolve_people(
        [
            _mention(1, "a", "فالح فياض", country="IRQ"),
            _mention(2, "b", "फ़ालेह फ़य्याज़", country="IRQ"),
            _mention(3, "c", "فياض", country="IRQ"),
            _mention(4, "d", "سلام فياض", country="PSE"),
        ]
    )
    assert people[1].key == people[2].key == people[3].key
    assert people[4].key != people[1].key


def test_people_of_one_name_and_two_countries_stay_two():
    people = resolve_people(
        [
            _mention(1, "a", "محمد علي", country="EGY"),
            _mention(2, "b", "محمد علي", country="PAK"),
            _mention(3, "c", "محمد علي", country="EGY"),
        ]
    )
    assert people[1].key == people[3].key != people[2].key
    assert all(len(people[i].key) <= 255 for i in (1, 2))


def test_a_very_long_name_gets_an_identity_that_fits_its_column():
    people = resolve_people([_mention(1, "a", " ".join(["عبد الرحمن"] * 80))])
    assert len(people[1].key) <= 255


def test_within_a_document_the_claim_key_decides():
    people = resolve_people(
        [_mention(1, "d", "إبراهيم رئيسي", key=0), _mention(2, "d", "رئيسي", key=0)], [RAISI]
    )
    assert people[1] is people[2]
    assert people[1].name == "إبراهيم رئيسي"


def test_a_document_date_counts_for_a_person_still_in_office():
    sitting = KnownPerson(
        id="sitting",
        country="IRN",
        names=("Sitting Leader", "القائد الحالي"),
        terms=(TermOfOffice("president", "IRN", date(2024, 7, 28), None),),
    )
    people = resolve_people(
        [_mention(1, "d", "Leader", role="president", country="IRN")],
        [sitting],
        {"d": date(2025, 1, 1)},
    )
    assert people[1].known == sitting


def test_a_longer_name_links_by_its_leading_words_and_two_shared_words_do_not():
    crown_prince = KnownPerson(id="mbs", country="SAU", names=("محمد بن سلمان",), terms=())
    speaker = KnownPerson(id="speaker", country="IRN", names=("محمد باقر قاليباف",))
    people = resolve_people(
        [
            _mention(1, "a", "محمد بن سلمان بن عبدالعزيز آل سعود"),
            _mention(2, "b", "محمد باقري", country="IRN"),
        ],
        [crown_prince, speaker],
    )
    assert people[1].known == crown_prince
    assert people[2].known is None


FM_A = KnownPerson(
    id="fm-a",
    country="IRQ",
    names=("Minister A", "الوزير أ"),
    terms=(TermOfOffice("foreign minister", "IRQ", date(2016, 1, 1), date(2020, 5, 6)),),
    name_en="Minister A",
)
FM_B = KnownPerson(
    id="fm-b",
    country="IRQ",
    names=("Minister B", "الوزير ب"),
    terms=(TermOfOffice("foreign minister", "IRQ", date(2020, 5, 7), None),),
    name_en="Minister B",
)


def _role_only(mid, doc, text="وزير الخارجية العراقي", role="foreign minister"):
    return MentionClaim(mid, doc, 0, text, role, "IRQ", role_only=True)


def test_a_role_alone_is_the_holder_on_the_day_of_the_visit():
    people = resolve_people(
        [_role_only(1, "a"), _role_only(2, "b")],
        [FM_A, FM_B],
        {"a": date(2024, 1, 1), "b": date(2024, 1, 1)},
        visit_days={1: date(2019, 3, 1)},
    )
    assert people[1].known == FM_A  # the visit's day decides, not the report's
    assert people[2].known == FM_B
    assert people[1].inferred[1].startswith("named only as 'وزير الخارجية العراقي': Minister A")
    assert people[1].names == []  # a role phrase is no name


def test_a_role_without_a_single_holder_stays_unresolved_and_apart():
    people = resolve_people([_role_only(1, "a"), _role_only(2, "b")], [FM_A, FM_B])
    assert people[1].known is None and not people[1].inferred
    assert people[1].key != people[2].key
