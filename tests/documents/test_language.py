"""Language by script."""

import pytest

from visitkb.documents import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("زار الرئيس الإيراني العراق", "ar", id="arabic"),
        pytest.param("प्रधानमंत्री मोदी ने ईरान की यात्रा की", "hi", id="hindi"),
        pytest.param(
            "Getty (AFP) زار الرئيس الإيراني العراق يوم الأربعاء", "ar", id="arabic-with-latin"
        ),
        pytest.param("2024-06-21 ...", None, id="digits-only"),
        pytest.param("Visit to Paris", None, id="latin-only"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang
