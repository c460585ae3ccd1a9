"""No import cycles between wijkkracht's modules, and the layering of docs/architecture.md holds."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "wijkkracht"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = (
                    module.split(".")[: -node.level]
                    if path.name != "__init__.py"
                    else module.split(".")[: len(module.split(".")) - node.level + 1]
                )
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("wijkkracht")}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    return {name: {i for i in _imports(path, name) if i in files and i != name} for name, path in files.items()}


def test_modules_import_each_other_without_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [node])
    assert cycles == []


# The layer order of docs/architecture.md, lowest first. An app may import only apps before it (and
# itself), views included; only the project's URL configurations sit above every app. A new app must be
# placed here (the test below fails for an app that is not), and in docs/architecture.md.
LAYERS = [
    "core",
    "areas",
    "organisations",
    "socialmap",
    "accounts",
    "audit",
    "access",
    "people",
    "cases",
    "care",
    "volunteers",
    "provisions",
    "workspace",
    "synthetic",
]
TOP = {"wijkkracht.urls", "wijkkracht.api_urls", "wijkkracht.settings", "wijkkracht.celery", "wijkkracht.wsgi"}


def _app(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _dynamic_imports(path: Path) -> set[str]:
    """Modules loaded by name: importlib.import_module("wijkkracht...."), include("wijkkracht....") and dotted
    strings handed to Django that name a module of ours."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            value = node.args[0].value
            dynamic = name in {"import_module", "find_spec", "include", "import_string"}
            if dynamic and isinstance(value, str) and value.startswith("wijkkracht."):
                found.add(value)
    return found


def test_every_app_is_in_the_layer_order():
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert sorted(apps - set(LAYERS)) == []


def test_no_app_imports_an_app_above_it():
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    wrong = []
    for module, path in files.items():
        if module in TOP:
            continue
        app = _app(module)
        targets = _imports(path, module) | _dynamic_imports(path)
        for target in targets:
            target_app = _app(target)
            if not target_app or target_app == app or target in TOP:
                continue
            if target_app not in LAYERS or app not in LAYERS:
                continue
            if LAYERS.index(target_app) > LAYERS.index(app):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_a_dynamic_import_of_a_higher_app_is_caught(tmp_path):
    """The test of the test: an importlib load counts like an import statement."""
    probe = tmp_path / "probe.py"
    probe.write_text('import importlib\nimportlib.import_module("wijkkracht.workspace.selectors")\n')
    assert _dynamic_imports(probe) == {"wijkkracht.workspace.selectors"}
