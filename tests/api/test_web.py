"""The browsing pages over the hand-resolved knowledge base (see conftest): what a reader sees."""

import csv
import io
import json
from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from visitkb import visits as v
from visitkb.database import models as m
from visitkb.database.store import add_document
from visitkb.documents import Document

from ..html_tree import parse
from .conftest import PEOPLE, REPORTS
from .test_visits import FILTERS, IDS


def _page(client, path, params=None, status=200):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return parse(response.text)


def _visit_ids(page):
    """The ids of the visits a listing shows, in order, from their links (none: no table)."""
    return [
        int(a.attrs["href"].rsplit("/", 1)[1])
        for table in page.find_all("table", class_="visits")
        for a in table.find_all("a")
        if a.attrs["href"].startswith("/browse/visits/")
    ]


def _link(page, text):
    (href,) = {a.attrs["href"] for a in page.find_all("a") if a.text.strip() == text}
    return href


def _api_ids(client, params):
    return [visit["id"] for visit in client.get("/visits", params=params).json()["data"]]


# --- the visit listing -----------------------------------------------------------------------


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=IDS)
def test_home_lists_what_the_api_lists(kb, kb_client, params, expected):
    page = _page(kb_client, "/", params)
    assert _visit_ids(page) == [kb.visits[k] for k in expected]
    if not expected:
        assert "No visit matches these filters." in page.find("main").text


@pytest.mark.parametrize("person", list(PEOPLE))
def test_an_official_in_arabic_or_hindi_shows_the_same_visits(kb, kb_client, person):
    names = PEOPLE[person].names
    arabic = _visit_ids(_page(kb_client, "/", {"official": names["Arab"]}))
    hindi = _visit_ids(_page(kb_client, "/", {"official": names["Deva"]}))
    assert arabic == hindi == _api_ids(kb_client, {"official": kb.people[person]})
    assert arabic


def test_the_form_shows_the_filters_in_use(kb_client):
    page = _page(kb_client, "/", {"official": "लीना हद्दाद", "lang": "hi", "host_country": "irq"})
    assert page.find("input", id="official").attrs["value"] == "लीना हद्दाद"
    assert _selected(page, "lang") == ["hi"]
    assert _selected(page, "host_country") == ["IRQ"]


def test_blank_fields_are_no_filter(kb_client):
    blank = {"official": "", "from": "", "to": " ", "lang": "", "country": "", "status": ""}
    assert _visit_ids(_page(kb_client, "/", blank)) == _visit_ids(_page(kb_client, "/"))


def test_next_page_links_walk_the_whole_listing(kb, kb_client):
    page, seen = _page(kb_client, "/", {"limit": 2, "lang": "hi"}), []
    while True:
        seen += _visit_ids(page)
        nexts = [a for a in page.find_all("a") if a.attrs.get("rel") == "next"]
        if not nexts:
            break
        page = _page(kb_client, "/" + nexts[0].attrs["href"])
    assert seen == [kb.visits[k] for k in ["V5", "V3", "V1", "V6"]]


def test_the_date_header_turns_the_order_around(kb, kb_client):
    page = _page(kb_client, "/", {"status": "occurred"})
    assert _visit_ids(page) == [kb.visits[k] for k in ["V5", "V3", "V1", "V4"]]
    header = page.find("th", **{"aria-sort": "descending"})
    oldest = _page(kb_client, "/" + header.find("a").attrs["href"])
    assert oldest.find("th", **{"aria-sort": "ascending"})
    assert _visit_ids(oldest) == [kb.visits[k] for k in ["V1", "V3", "V5", "V4"]]


@pytest.mark.parametrize(
    "params",
    [{}, {"official": "سامي راشد"}, {"lang": "hi", "from": "2019-01-01", "sort": "date"}],
    ids=["all", "official-ar", "lang-from-oldest"],
)
def test_export_links_keep_the_filters(kb_client, params):
    page = _page(kb_client, "/", params | {"limit": 1, "chart": "guest"})
    # Exports run oldest first unless the page's sort says otherwise.
    matching = _api_ids(kb_client, params | {"limit": 500, "sort": params.get("sort", "date")})
    rows = list(csv.DictReader(io.StringIO(kb_client.get(_link(page, "CSV")).text)))
    assert [int(row["id"]) for row in rows] == matching
    lines = kb_client.get(_link(page, "JSON Lines")).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == matching


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"from": "2019-13-01"}, "from: "),
        ({"country": "XYZ"}, "country: 'XYZ' is not an ISO 3166-1 alpha-3 country code"),
        ({"from": "2020-01-01", "to": "2019-01-01"}, "to: 2019-01-01 is before from=2020-01-01"),
        ({"cursor": "not-a-cursor"}, "cursor: invalid cursor"),
        ({"limit": "0"}, "limit: "),
        ({"chart": "sideways"}, "chart: "),
    ],
    ids=["date", "country", "range", "cursor", "limit", "chart"],
)
def test_bad_filters_are_pages_saying_why(kb_client, params, said):
    page = _page(kb_client, "/", params, status=422)
    assert page.find("h1").text == "This page cannot be shown"
    assert said in page.find("ul", class_="errors").text


# --- the timeline ----------------------------------------------------------------------------


def _chart_rows(page):
    table = page.find("section", class_="timeline").find("table")
    return [tuple(td.text.strip() for td in tr.find_all("td")) for tr in table.find_all("tr")[1:]]


def test_the_timeline_counts_visits_by_month_and_host_or_guest_country(kb_client):
    page = _page(kb_client, "/")
    assert _chart_rows(page) == [
        ("Mar 2019", "1", "Iraq 1"),
        ("Feb 2020", "1", "India 1"),
        ("Jul 2021", "1", "Iraq 1"),
    ]
    note = page.find("p", class_="note").text
    assert "3 matching visits are not drawn" in note  # V2, V4, V6: only windows
    assert [li.text for li in page.find("ul", class_="legend").find_all("li")] == ["Iraq", "India"]
    assert len(page.find("svg").find_all("path")) == 2  # a path of bars per country
    by_guest = _page(kb_client, "/", {"chart": "guest"})
    assert _chart_rows(by_guest) == [
        ("Mar 2019", "1", "Egypt 1"),
        ("Feb 2020", "1", "Egypt 1"),
        ("Jul 2021", "1", "India 1"),
    ]


def test_the_timeline_follows_the_filters(kb_client):
    page = _page(kb_client, "/", {"official": "Lina Haddad"})
    assert _chart_rows(page) == [("Mar 2019", "1", "Iraq 1"), ("Jul 2021", "1", "Iraq 1")]
    assert "2 matching visits are not drawn" in page.find("p", class_="note").text
    dated = _page(kb_client, "/", {"from": "2017-01-01", "to": "2019-12-31"})
    assert _chart_rows(dated) == [("Mar 2019", "1", "Iraq 1")]
    assert "2 matching visits are not drawn" in dated.find("p", class_="note").text  # V2, V4


def test_a_window_inside_one_month_is_charted_in_that_month(kb, kb_client, fresh_db):
    with fresh_db.begin() as conn:
        conn.execute(
            update(m.Visit)
            .where(m.Visit.id == kb.visits["V2"])
            .values(window_start=date(2018, 3, 5), window_end=date(2018, 3, 20))
        )
    page = _page(kb_client, "/")
    assert _chart_rows(page)[0] == ("Mar 2018", "1", "Egypt 1")
    assert "2 matching visits are not drawn" in page.find("p", class_="note").text


def test_no_known_month_says_so(kb_client):
    page = _page(kb_client, "/", {"status": "planned"})
    assert not page.find_all("svg")
    assert "2 have only a window of possible days" in page.find("section", class_="timeline").text


def test_a_month_links_to_the_listing_of_that_month(kb, kb_client):
    page = _page(kb_client, "/", {"lang": "hi"})
    links = [a.attrs["href"] for a in page.find("svg").find_all("a")]
    (march,) = [href for href in links if "from=2019-03-01" in href]
    assert "to=2019-03-31" in march and "lang=hi" in march
    assert _visit_ids(_page(kb_client, "/" + march)) == [kb.visits["V1"]]


# --- one visit -------------------------------------------------------------------------------


def _sources(page):
    return {a.find("h3").find("a").text: a for a in page.find_all("article", class_="source")}


def test_a_visit_shows_each_source_text_with_its_evidence_marked(kb, kb_client):
    page = _page(kb_client, f"/browse/visits/{kb.visits['V1']}")
    sources = _sources(page)
    assert set(sources) == {"ar-1", "hi-1"}
    arabic = sources["ar-1"].find("div", class_="text")
    assert (arabic.attrs["lang"], arabic.attrs["dir"]) == ("ar", "rtl")
    assert arabic.text == kb.texts["ar-1"]
    marks = arabic.find_all("mark")
    assert "".join(mark.text for mark in marks) == kb.texts["ar-1"]  # the evidence: all of it
    (count,) = [mark for mark in marks if "span-agreement" in mark.attrs["class"].split()]
    assert count.text == "14 مذكرة تفاهم"
    hindi = sources["hi-1"].find("div", class_="text")
    assert (hindi.attrs["lang"], hindi.attrs["dir"]) == ("hi", "ltr")
    assert hindi.text == kb.texts["hi-1"]


def _facts(page):
    """The visit's facts list, name -> what it says (spaces collapsed)."""
    facts = page.find("dl", class_="facts")
    return dict(
        zip(
            [dt.text for dt in facts.find_all("dt")],
            [" ".join(dd.text.split()) for dd in facts.find_all("dd")],
            strict=True,
        )
    )


def test_a_visit_shows_guest_host_dates_places_and_participants(kb, kb_client):
    page = _page(kb_client, f"/browse/visits/{kb.visits['V1']}")
    facts = _facts(page)
    assert facts["Guest"].startswith("Sami Rashid")
    assert (facts["From"], facts["To"]) == ("Egypt", "Iraq")
    assert facts["Dates"] == "2019-03-10 to 2019-03-12"
    assert facts["Duration"] == "3 days"
    assert "as ar-1 says" in facts["Why these dates"]
    assert "بغداد" in facts["Places"] and "Baghdad" in facts["Places"]
    assert facts["Met"].startswith("Lina Haddad")
    guest = page.find("dl").find("a")
    assert guest.attrs["href"] == f"/browse/people/{kb.people['sami']}"


def test_an_undated_visit_shows_its_window_and_why(kb, kb_client):
    facts = _facts(_page(kb_client, f"/browse/visits/{kb.visits['V2']}"))
    assert facts["Dates"] == "between 2018-01-01 and 2018-06-30 (day not known)"
    assert facts["Why these dates"] == "as ar-2 says"
    assert facts["Duration"] == "not known"


def test_conflicting_agreement_counts_are_flagged(kb, kb_client):
    page = _page(kb_client, f"/browse/visits/{kb.visits['V1']}")
    assert "Sources disagree" in page.find("p", class_="conflict").text
    rows = page.find("section", **{"aria-labelledby": "agreements-heading"}).find_all("tr")[1:]
    assert [(r.find_all("td")[0].text, r.attrs.get("class")) for r in rows] == [
        ("14", "conflicting"),
        ("15", "conflicting"),
    ]
    calm = _page(kb_client, f"/browse/visits/{kb.visits['V3']}")
    assert not calm.find_all("p", class_="conflict")
    assert calm.find("section", **{"aria-labelledby": "agreements-heading"}).find("td").text == (
        "several"
    )


# --- people, agreements, documents -----------------------------------------------------------


def test_a_person_page_has_names_by_script_terms_and_visits(kb, kb_client):
    page = _page(kb_client, f"/browse/people/{kb.people['lina']}")
    assert page.find("h1").text == "Lina Haddad"
    names = page.find("dl", class_="names")
    by_script = dict(
        zip([dt.text for dt in names.find_all("dt")], names.find_all("dd"), strict=True)
    )
    arabic = by_script["Arabic script"].find("bdi")
    assert (arabic.text, arabic.attrs["lang"], arabic.attrs["dir"]) == ("لينا حداد", "ar", "rtl")
    hindi = by_script["Devanagari script"].find("bdi")
    assert (hindi.text, hindi.attrs["lang"], hindi.attrs["dir"]) == ("लीना हद्दाद", "hi", "ltr")
    assert by_script["Latin script"].text.strip() == "Lina Haddad"
    term = [td.text for td in page.find("section", **{"aria-labelledby": "roles-heading"})
            .find("tbody").find_all("td")]  # fmt: skip
    assert term == ["foreign minister", "Iraq", "2016-01-01", "2022-10-27"]
    guest = page.find("section", **{"aria-labelledby": "visits_as_guest-heading"})
    met = page.find("section", **{"aria-labelledby": "visits_as_participant-heading"})
    assert "(2)" in guest.find("h2").text and "(2)" in met.find("h2").text
    assert _visit_ids(guest) == [kb.visits[k] for k in ["V6", "V4"]]
    assert _visit_ids(met) == [kb.visits[k] for k in ["V5", "V1"]]


def _selected(page, select_id):
    options = page.find("select", id=select_id).find_all("option")
    return [o.attrs["value"] for o in options if "selected" in o.attrs]


def _claims(page):
    return [
        (tr.find_all("td")[-5].text, tr.attrs.get("class"))
        for tr in page.find("table", class_="agreements").find_all("tr")[1:]
    ]


def test_agreements_by_visit_and_country_pair(kb, kb_client):
    pair = [("country", "IRQ"), ("country", "EGY")]
    page = _page(kb_client, "/browse/agreements", pair)
    api = kb_client.get("/agreements", params=pair).json()["data"]
    assert _claims(page) == [(str(a["count"]), "conflicting") for a in api]
    assert sorted(count for count, _ in _claims(page)) == ["14", "15"]
    (group,) = page.find("table", class_="agreements").find_all("tbody")
    assert group.find("th").find("a").attrs["href"] == f"/browse/visits/{kb.visits['V1']}"
    assert [_selected(page, "country-a"), _selected(page, "country-b")] == [["IRQ"], ["EGY"]]
    assert _claims(_page(kb_client, "/browse/agreements", {"kind": "agreement"})) == [
        ("3", None),
        ("several", None),
    ]


def test_the_agreement_export_link_keeps_the_filters(kb_client):
    page = _page(kb_client, "/browse/agreements", {"kind": "mou"})
    rows = list(csv.DictReader(io.StringIO(kb_client.get(_link(page, "CSV")).text)))
    assert sorted(row["count"] for row in rows) == ["14", "15"]


def test_documents_are_listed_and_filtered_by_language(kb_client):
    ids = [a.text for a in _page(kb_client, "/browse/documents").find("tbody").find_all("a")]
    assert ids == sorted(r.document for r in REPORTS)
    hindi = _page(kb_client, "/browse/documents", {"lang": "hi"}).find("tbody").find_all("a")
    assert [a.text for a in hindi] == sorted(r.document for r in REPORTS if r.lang == "hi")


def test_a_document_page_marks_every_extracted_span(kb, kb_client):
    api = kb_client.get("/documents/hi-1").json()
    page = _page(kb_client, "/browse/documents/hi-1")
    text = page.find("div", class_="text")
    assert (text.attrs["lang"], text.attrs["dir"], text.text) == ("hi", "ltr", kb.texts["hi-1"])
    rows = page.find("table", class_="spans").find("tbody").find_all("tr")
    assert [(tr.find_all("td")[0].text, int(tr.find_all("td")[1].text)) for tr in rows] == [
        (s["kind"], s["start"]) for s in api["spans"]
    ]
    marked = {mark.text for mark in text.find_all("mark", class_="span-person")}
    assert {PEOPLE["sami"].names["Deva"], PEOPLE["lina"].names["Deva"]} <= marked


def test_document_text_is_escaped_never_markup(fresh_db, kb_client):
    text = '<script>alert("x")</script> <b>سامي راشد</b> & <img src=x onerror=alert(1)>'
    start = text.index("سامي")
    name = v.Evidence(start, start + len("سامي راشد"), "سامي راشد")
    extraction = v.Extraction(
        document_id="markup", people=[v.PersonClaim(key=0, name=name.text, mentions=[name])]
    )
    with Session(fresh_db) as session, session.begin():
        add_document(session, Document("markup", "ar", text), extraction)
    response = kb_client.get("/browse/documents/markup")
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;alert" in response.text
    page = parse(response.text)
    assert page.find("div", class_="text").text == text
    assert [mark.text for mark in page.find("div", class_="text").find_all("mark")] == [name.text]
    assert not [e for e in page.iter() if e.tag in ("b", "img")]


@pytest.mark.parametrize(
    "path", ["/browse/visits/999999", "/browse/people/999999", "/browse/documents/nope"]
)
def test_unknown_things_are_404_pages(kb_client, path):
    page = _page(kb_client, path, status=404)
    assert "no " in page.find("ul", class_="errors").text


# --- what every page shares ------------------------------------------------------------------


def _every_page(kb):
    return [
        "/",
        f"/browse/visits/{kb.visits['V1']}",
        f"/browse/people/{kb.people['sami']}",
        "/browse/people",
        "/browse/agreements",
        "/browse/documents",
        "/browse/documents/ar-1",
        "/browse/visits/999999",
    ]


def test_pages_have_no_inline_script_or_style(kb, kb_client):
    for path in _every_page(kb):
        page = parse(kb_client.get(path).text)
        for element in page.iter():
            assert "style" not in element.attrs, path
            assert not [a for a in element.attrs if a.startswith("on")], path
            if element.tag == "script":
                assert element.attrs["src"].startswith("/static/") and not element.text.strip()
            assert element.tag != "style", path


def test_every_form_control_has_a_label(kb, kb_client):
    for path in _every_page(kb):
        page = parse(kb_client.get(path).text)
        labelled = {label.attrs.get("for") for label in page.find_all("label")}
        for control in page.find_all("input") + page.find_all("select"):
            if control.attrs.get("type") != "hidden":
                assert control.attrs["id"] in labelled, (path, control.attrs)
        assert len(page.find_all("h1")) == 1, path
        assert page.find("html").attrs["lang"] == "en"


def test_static_files_are_served(kb_client):
    css = kb_client.get("/static/visitkb.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "Noto Naskh Arabic" in css.text and "Noto Sans Devanagari" in css.text
    assert "url(" not in css.text  # no font or image fetched from anywhere
    assert kb_client.get("/static/visitkb.js").status_code == 200


def test_the_api_is_unchanged_and_the_pages_stay_out_of_its_schema(kb_client):
    assert kb_client.get("/visits").headers["content-type"] == "application/json"
    paths = kb_client.get("/openapi.json").json()["paths"]
    assert "/" not in paths and not [p for p in paths if p.startswith("/browse")]


@pytest.mark.parametrize("path", ["/", "/browse/people", "/browse/agreements", "/browse/documents"])
def test_pages_answer_head_as_get_without_a_body(kb_client, path):
    got, head = kb_client.get(path), kb_client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""
