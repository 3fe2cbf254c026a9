"""The pages in headless Chromium over the seed knowledge base, as a reader uses them.

Which official to look for is read from the knowledge base itself (someone named in an Arabic
and in a Hindi article), so the tests hold for any seeds with such a person.
"""

from __future__ import annotations

import csv
import re

import httpx
import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def official(live_server) -> dict[str, object]:
    """A person some Arabic and some Hindi seed names, with the fullest name each writes."""
    with httpx.Client(base_url=live_server) as api:
        written: dict[int, dict[str, str]] = {}
        for doc in api.get("/documents", params={"limit": 500}).json()["data"]:
            spans = api.get(f"/documents/{doc['id']}").json()["spans"]
            for span in spans:
                if span["kind"] == "person" and span["person"]:
                    forms = written.setdefault(span["person"], {})
                    if len(span["text"]) > len(forms.get(doc["lang"], "")):
                        forms[doc["lang"]] = span["text"]
        both = sorted(p for p, forms in written.items() if {"ar", "hi"} <= forms.keys())
        assert both, "no person is named in both an Arabic and a Hindi seed"
        person = both[0]
        visits = api.get("/visits", params={"official": person, "limit": 500}).json()["data"]
    return {"id": person, "visits": [v["id"] for v in visits], **written[person]}


def _shown_visits(page) -> list[int]:
    links = page.locator("table.visits a", has_text=re.compile(r"^Visit \d+$"))
    return [int(text.split()[1]) for text in links.all_inner_texts()]


def _filter_by_official(page, name: str) -> list[int]:
    page.goto("/")
    page.get_by_label("Official").fill(name)
    page.get_by_role("button", name="Show visits").click()
    page.wait_for_load_state()
    return _shown_visits(page)


def test_home_page_shows_the_visits_and_their_timeline(page, live_server, screenshot):
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Visits"
    api = httpx.get(f"{live_server}/visits", params={"limit": 25}).json()["data"]
    assert _shown_visits(page) == [visit["id"] for visit in api]
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    assert chart.locator("path").count() >= 1  # the bars, a path per country
    box = chart.locator("path").first.bounding_box()
    assert box["width"] > 0 and box["height"] > 0
    screenshot(page, "visits")


def test_an_official_in_arabic_then_in_hindi_shows_the_same_visits(page, official):
    arabic = _filter_by_official(page, official["ar"])
    assert page.get_by_label("Official").input_value() == official["ar"]
    hindi = _filter_by_official(page, official["hi"])
    assert arabic == hindi
    assert sorted(arabic) == sorted(official["visits"])
    assert arabic


def test_typing_part_of_a_hindi_name_suggests_its_arabic_forms_too(page, official):
    page.goto("/")
    page.get_by_label("Official").press_sequentially(official["hi"][:-1], delay=10)
    options = page.locator("#people-suggestions option")
    options.first.wait_for(state="attached")
    values = options.evaluate_all("(options) => options.map((o) => o.value)")
    assert official["hi"] in values and official["ar"] in values


def test_a_visit_shows_its_evidence_highlighted_in_right_to_left_text(
    page, live_server, official, screenshot
):
    _filter_by_official(page, official["ar"])
    page.get_by_label("Reported in").select_option(label="Arabic")
    page.get_by_role("button", name="Show visits").click()
    page.wait_for_load_state()
    page.locator("table.visits a", has_text=re.compile(r"^Visit \d+$")).first.click()
    page.wait_for_load_state()
    visit_id = int(page.url.rsplit("/", 1)[1])
    visit = httpx.get(f"{live_server}/visits/{visit_id}").json()
    text = page.locator('div.text[lang="ar"][dir="rtl"]').first
    assert text.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    marks = text.locator("mark.span-visit")
    assert marks.first.is_visible()
    evidence = {e["text"] for s in visit["sources"] for e in s["evidence"]}
    marked = "".join(marks.all_inner_texts())
    assert any(e in marked for e in evidence)
    # The first mark starts on the right: the line runs right to left.
    box, first = text.bounding_box(), marks.first.bounding_box()
    assert first["x"] + first["width"] > box["x"] + box["width"] / 2
    screenshot(page, "visit")


def test_csv_export_of_a_filtered_view_holds_its_visits(page, official, tmp_path):
    shown = _filter_by_official(page, official["hi"])
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "visits.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(int(row["id"]) for row in rows) == sorted(shown)
    assert all(row["guest"] and row["host_country"] for row in rows)


def test_a_person_page_has_names_in_each_script(page, official, screenshot):
    page.goto(f"/browse/people/{official['id']}")
    names = page.locator("dl.names")
    arabic = names.locator('bdi[lang="ar"][dir="rtl"]', has_text=official["ar"])
    hindi = names.locator('bdi[lang="hi"][dir="ltr"]', has_text=official["hi"])
    assert arabic.count() >= 1 and hindi.count() >= 1
    assert page.get_by_role("heading", name="Terms of office").is_visible()
    screenshot(page, "person")


def test_agreements_page_filters_by_country(page, screenshot):
    page.goto("/browse/agreements")
    rows = page.locator("table.agreements tbody tr")
    assert rows.count() >= 1
    pair = rows.first.locator("abbr").evaluate_all("(els) => els.map((e) => e.title)")
    page.get_by_label("Country", exact=True).select_option(pair[0])
    page.get_by_label("And country (a pair, either way)").select_option(pair[1])
    page.get_by_role("button", name="Show claims").click()
    page.wait_for_load_state()
    shown = page.locator("table.agreements tbody abbr").evaluate_all(
        "(els) => els.map((e) => e.title)"
    )
    assert shown and set(shown) == set(pair)
    page.goto("/browse/agreements")
    screenshot(page, "agreements")


def test_a_document_page_marks_what_was_extracted(page, screenshot):
    page.goto("/browse/documents")
    page.get_by_label("Language").select_option(label="Hindi")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    page.locator("tbody a").first.click()
    page.wait_for_load_state()
    text = page.locator('div.text[lang="hi"][dir="ltr"]')
    marked = "".join(text.locator("mark.span-person").all_inner_texts())
    rows = page.locator("table.spans tbody tr")
    people = [
        row.locator("td").nth(3).inner_text()
        for row in rows.all()
        if row.locator("td").first.inner_text() == "person"
    ]
    assert people and all(name in marked for name in people)
    screenshot(page, "document")


def test_the_keyboard_reaches_the_content_and_the_form(page, official):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    page.get_by_label("Official").focus()
    page.keyboard.type(official["hi"])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"official="))
    assert sorted(_shown_visits(page)) == sorted(official["visits"])
