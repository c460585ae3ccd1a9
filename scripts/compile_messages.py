"""Compile locale/*/LC_MESSAGES/django.po to .mo with polib (no gettext tools needed).

The .mo files are committed so that the app runs without a build step; tests/core/test_translations.py
fails when a .po file changed without recompiling.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def compile_all(check: bool = False) -> list[Path]:
    stale = []
    for po_path in sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po")):
        mo_path = po_path.with_suffix(".mo")
        wanted = polib.pofile(str(po_path)).to_binary()
        if not mo_path.exists() or mo_path.read_bytes() != wanted:
            stale.append(mo_path)
            if not check:
                mo_path.write_bytes(wanted)
    return stale


if __name__ == "__main__":
    check = "--check" in sys.argv
    stale = compile_all(check=check)
    for path in stale:
        print(("verouderd: " if check else "gecompileerd: ") + str(path.relative_to(ROOT)))
    sys.exit(1 if check and stale else 0)
