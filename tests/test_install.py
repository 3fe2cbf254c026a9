"""The install stays small: camel-tools' utilities work without torch or transformers."""

import subprocess
import sys


def test_pipeline_imports_no_torch():
    code = (
        "import sys, visitkb.cli, visitkb.api\n"
        "from camel_tools.utils.normalize import normalize_alef_ar\n"
        "from camel_tools.utils.dediac import dediac_ar\n"
        "assert normalize_alef_ar('أحمد') == 'احمد'\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
