"""Visit frames end to end on short invented reports: who went where, when, with whom, what
was signed; and the reports that are not visits (calls, summits elsewhere, trips at home)."""

from datetime import date

import pytest

from visitkb.documents import Document
from visitkb.visits.extract import extract


def _visits(lang: str, text: str, published: date | None = None) -> list[dict]:
    found = extract(Document(id="t", lang=lang, text=text, published=published))
    names = {p.key: p.name for p in found.people}
    for person in found.people:
        for span in person.mentions:
            assert text[span.start : span.end] == span.text
    visits = []
    for v in found.visits:
        for span in v.evidence:
            assert text[span.start : span.end] == span.text
        visits.append(
            {
                "guest": names[v.guest],
                "from": v.guest_country,
                "to": v.host_country,
                "status": v.status,
                "start": v.start_date,
                "end": v.end_date,
                "window": v.date_window,
                "days": v.duration_days,
                "places": [p.name for p in v.places],
                "met": [names[k] for k in v.participants],
                "agreements": [(a.count, a.kind) for a in v.agreements],
            }
        )
    return visits


ARRIVAL_AR = (
    "وصل الرئيس الكازاخي قاسم جومارت توكاييف، اليوم الثلاثاء، إلى العاصمة الصينية بكين في "
    "زيارة دولة تستغرق ثلاثة أيام، وكان في استقباله الرئيس الصيني شي جين بينغ.\n"
    "ووقع الجانبان 12 اتفاقية في مجالات الطاقة والنقل."
)
RECEPTION_AR = (
    "أنقرة (الأناضول)\n"
    "استقبل رجب طيب أردوغان رئيس تركيا، الجمعة، رئيس الوزراء الباكستاني شهباز شريف في "
    "المجمع الرئاسي بأنقرة، وبحث الجانبان سبل تعزيز التعاون."
)
PLANNED_AR = (
    "يزور وزير الخارجية الفرنسي جان نويل بارو الجزائر الأسبوع المقبل، حيث يلتقي الرئيس "
    "عبد المجيد تبون، بحسب ما أعلنت الخارجية الفرنسية."
)
BACKGROUND_AR = (
    "وصل الرئيس التونسي قيس سعيد اليوم إلى القاهرة في زيارة رسمية.\n"
    "وكان سعيد قد زار القاهرة في نيسان/أبريل 2021، والتقى خلالها الرئيس المصري."
)
ARRIVAL_HI = (
    "नई दिल्ली। जर्मनी के चांसलर ओलाफ़ शॉल्ज़ शुक्रवार को अपनी दो दिवसीय भारत यात्रा के "
    "लिए दिल्ली आए, और प्रधानमंत्री नरेंद्र मोदी ने उनकी अगवानी की। दोनों देशों ने चार "
    "समझौतों पर हस्ताक्षर किए।"
)
PLANNED_HI = (
    "विदेश मंत्री एस. जयशंकर अगले सप्ताह तीन दिवसीय यात्रा पर जापान जाएंगे, जहां वे जापानी "
    "प्रधानमंत्री से मुलाक़ात करेंगे।"
)


def test_arrival_with_reception_duration_and_agreements():
    (visit,) = _visits("ar", ARRIVAL_AR, date(2024, 5, 14))
    assert visit == {
        "guest": "قاسم جومارت توكاييف",
        "from": "KAZ",
        "to": "CHN",
        "status": "occurred",
        "start": date(2024, 5, 14),
        "end": date(2024, 5, 16),
        "window": (date(2024, 5, 14), date(2024, 5, 14)),
        "days": 3,
        "places": ["بكين"],
        "met": ["شي جين بينغ"],
        "agreements": [(12, "agreement")],
    }


def test_reception_makes_the_received_official_the_guest():
    (visit,) = _visits("ar", RECEPTION_AR, date(2024, 3, 9))
    assert (visit["guest"], visit["from"], visit["to"]) == ("شهباز شريف", "PAK", "TUR")
    assert visit["start"] == date(2024, 3, 8)  # the Friday before a Saturday paper
    assert visit["met"] == ["رجب طيب أردوغان"]


def test_announced_visit_is_planned_with_a_window():
    (visit,) = _visits("ar", PLANNED_AR, date(2025, 4, 1))
    assert (visit["to"], visit["status"], visit["start"]) == ("DZA", "planned", None)
    assert visit["window"] == (date(2025, 4, 2), date(2025, 4, 14))
    assert visit["met"] == ["عبد المجيد تبون"]


def test_background_visit_is_a_visit_of_its_own():
    current, earlier = _visits("ar", BACKGROUND_AR, date(2024, 1, 10))
    assert (current["to"], current["start"]) == ("EGY", date(2024, 1, 10))
    assert (earlier["to"], earlier["start"]) == ("EGY", None)
    assert earlier["window"] == (date(2021, 4, 1), date(2021, 4, 30))


def test_hindi_arrival_received_by_the_host():
    (visit,) = _visits("hi", ARRIVAL_HI, date(2023, 2, 26))
    assert (visit["guest"], visit["from"], visit["to"]) == ("ओलाफ़ शॉल्ज़", "DEU", "IND")
    assert (visit["start"], visit["end"], visit["days"]) == (
        date(2023, 2, 24),
        date(2023, 2, 25),
        2,
    )
    assert visit["met"] == ["नरेंद्र मोदी"]
    assert visit["agreements"] == [(4, "agreement")]


def test_hindi_planned_visit():
    (visit,) = _visits("hi", PLANNED_HI, date(2024, 3, 1))
    assert (visit["guest"], visit["from"], visit["to"]) == ("एस. जयशंकर", "IND", "JPN")
    assert (visit["status"], visit["days"]) == ("planned", 3)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ar",
            "تلقى الرئيس الجزائري عبد المجيد تبون اتصالاً هاتفياً من الرئيس الفرنسي إيمانويل "
            "ماكرون، بحثا خلاله العلاقات الثنائية.",
        ),
        (
            "hi",
            "ब्रिक्स शिखर सम्मेलन से इतर प्रधानमंत्री नरेंद्र मोदी ने जोहान्सबर्ग में ब्राज़ील के "
            "राष्ट्रपति लूला दा सिल्वा से मुलाक़ात की।",
        ),
        ("hi", "प्रधानमंत्री नरेंद्र मोदी ने आज तमिलनाडु के चेन्नई में कई परियोजनाओं का उद्घाटन किया।"),
        ("ar", "عاد الرئيس المصري عبد الفتاح السيسي إلى القاهرة بعد جولة خارجية."),
    ],
    ids=["phone-call", "summit-in-a-third-country", "domestic-tour", "return-home"],
)
def test_not_visits(lang, text):
    assert _visits(lang, text, date(2024, 1, 1)) == []


def test_document_without_date_gets_the_dateline_day():
    text = "12-أكتوبر-2022\n\nوصل وزير الخارجية الياباني يوشيماسا هاياشي الأحد إلى القاهرة."
    found = extract(Document(id="t", lang="ar", text=text))
    assert found.reference_date == date(2022, 10, 12)
    (visit,) = found.visits
    assert visit.start_date == date(2022, 10, 9)


def test_relative_clause_names_the_guest_and_shadda_tells_amman_from_oman():
    text = (
        "عمّان (بترا)\nاستقبل جلالة الملك عبدالله الثاني في قصر الحسينية اليوم الأحد الرئيس "
        "القبرصي نيكوس خريستودوليدس، الذي يزور المملكة حالياً."
    )
    (visit,) = _visits("ar", text, date(2023, 6, 4))
    assert (visit["guest"], visit["from"], visit["to"]) == ("نيكوس خريستودوليدس", "CYP", "JOR")
    assert visit["start"] == date(2023, 6, 4)
    assert visit["met"] == ["عبدالله الثاني"]


def test_meeting_at_home_with_a_counterpart_on_a_state_visit():
    text = (
        "التقى الرئيس الروسي فلاديمير بوتين في موسكو اليوم نظيره الصيني شي جين بينغ، الذي يقوم "
        "بزيارة دولة إلى روسيا تستمر ثلاثة أيام."
    )
    (visit,) = _visits("ar", text, date(2023, 3, 20))
    assert (visit["guest"], visit["to"], visit["start"], visit["days"]) == (
        "شي جين بينغ",
        "RUS",
        date(2023, 3, 20),
        3,
    )
    assert visit["met"] == ["فلاديمير بوتين"]  # a first name that is also a town's


def test_hindi_first_name_that_is_a_function_word():
    text = (
        "प्रधानमंत्री नरेंद्र मोदी इन दिनों अमेरिका के दौरे पर हैं, जहां उन्होंने व्हाइट हाउस में "
        "राष्ट्रपति जो बाइडन से मुलाक़ात की।"
    )
    (visit,) = _visits("hi", text, date(2023, 6, 23))
    assert (visit["guest"], visit["to"], visit["met"]) == ("नरेंद्र मोदी", "USA", ["जो बाइडन"])


def test_hindi_list_of_destinations_told_as_background():
    text = (
        "कनाडा की विदेश मंत्री मेलानी जोली सोमवार को नई दिल्ली पहुंचीं। भारत आने से पहले जोली "
        "इंडोनेशिया और वियतनाम गई थीं।"
    )
    visits = _visits("hi", text, date(2024, 2, 6))
    assert [(v["to"], v["start"], v["window"]) for v in visits] == [
        ("IND", date(2024, 2, 5), (date(2024, 2, 5), date(2024, 2, 5))),
        ("IDN", None, (None, date(2024, 2, 5))),
        ("VNM", None, (None, date(2024, 2, 5))),
    ]


def test_a_seat_of_government_says_the_country_but_is_no_place():
    text = (
        "واشنطن – وكالات\nالتقى رئيس الوزراء الإيطالي جوزيبي كونتي الرئيس الأمريكي في البيت الأبيض."
    )
    (visit,) = _visits("ar", text, date(2019, 7, 30))
    assert (visit["guest"], visit["to"]) == ("جوزيبي كونتي", "USA")
    assert "البيت الأبيض" not in visit["places"]
