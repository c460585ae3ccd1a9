"""Write the URL x role table of docs/access-model.md from wijkkracht.access.url_policy.URL_POLICY.

Run after changing URL_POLICY or a URL configuration (from the project root):

    .venv/bin/python scripts/gen_access_doc.py          # rewrites the section between the markers
    .venv/bin/python scripts/gen_access_doc.py --check  # exit 1 when the doc is out of date

tests/core/test_docs.py fails when the doc and the policy disagree, so the table cannot drift.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "access-model.md"
START = "<!-- matrix:start -->"
END = "<!-- matrix:end -->"

SYMBOLS = {"ok": "✓", "forbidden": "–", "login": "login"}


def _routes_and_permissions() -> dict[str, tuple[str, str]]:
    """Every named URL pattern: its full route and the permission its view names."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found = {}

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, ":".join(filter(None, [namespace, pattern.namespace])), route)
            elif isinstance(pattern, URLPattern) and pattern.name:
                view_class = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
                permission = getattr(view_class, "permission", None) or ""
                permission = f"`{permission}`" if permission else "Django view"
                if write := getattr(view_class, "write_permission", None):
                    permission += f" (writes: `{write}`)"
                found[":".join(filter(None, [namespace, pattern.name]))] = ("/" + route, permission)

    walk(get_resolver().url_patterns, "", "")
    return found


def matrix_markdown() -> str:
    """The table, one row per URL_POLICY entry in its declared order, one column per role."""
    from wijkkracht.access.url_policy import ANONYMOUS, ROLES, URL_POLICY

    routes = _routes_and_permissions()
    columns = [ANONYMOUS, *ROLES]
    lines = [
        "| URL name | path | permission | " + " | ".join(f"`{c}`" for c in columns) + " |",
        "|---|---|---|" + "---|" * len(columns),
    ]
    for name, rule in URL_POLICY.items():
        route, permission = routes.get(name, ("?", "Django view"))
        cells = [SYMBOLS[rule.expectation(role)] for role in columns]
        lines.append(f"| `{name}` | `{route}` | {permission} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def section(text: str) -> str:
    """What stands between the markers in ``text``."""
    if START not in text or END not in text:
        raise ValueError(f"{DOC.name} lacks the {START} / {END} markers")
    return text.split(START, 1)[1].split(END, 1)[0]


def expected_section() -> str:
    return "\n" + matrix_markdown() + "\n"


def rewrite(text: str) -> str:
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    return before + START + expected_section() + END + after


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkracht.settings")
    import django

    django.setup()
    text = DOC.read_text()
    if section(text) == expected_section():
        return 0
    if "--check" in argv:
        print(f"verouderd: {DOC.relative_to(ROOT)} (run scripts/gen_access_doc.py)")
        return 1
    DOC.write_text(rewrite(text))
    print(f"bijgewerkt: {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
