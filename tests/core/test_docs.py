"""The docs stay true to the code: the access matrix is generated, and the docs index links to real files."""

import re
from pathlib import Path

from scripts.gen_access_doc import DOC, expected_section, section

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_access_matrix_in_the_docs_matches_the_url_policy():
    assert section(DOC.read_text()) == expected_section(), (
        "docs/access-model.md is out of date: run .venv/bin/python scripts/gen_access_doc.py"
    )


def test_every_link_in_the_docs_index_points_to_a_file():
    links = re.findall(r"\]\(([^)#]+)\)", (DOCS / "README.md").read_text())
    assert links
    assert [link for link in links if not (DOCS / link).exists()] == []


def test_every_environment_variable_in_the_settings_is_documented():
    settings_py = (DOCS.parent / "wijkkracht" / "settings.py").read_text()
    names = set(re.findall(r"\.(?:str|bool|int|list|db)\(\s*\"([A-Z][A-Z0-9_]+)\"", settings_py))
    assert "SECRET_KEY" in names
    documented = (DOCS / "configuration.md").read_text()
    assert sorted(name for name in names if f"`{name}`" not in documented) == []
