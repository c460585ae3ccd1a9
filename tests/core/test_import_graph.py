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


BASE = {"areas", "organisations", "accounts", "audit", "people", "access"}
LOWER_LAYERS = {
    "areas": set(),
    "organisations": {"areas"},
    # The social map holds no personal data: it sits just above the structure (issue 11, ADR 0017).
    "socialmap": {"areas", "organisations"},
    "audit": set(),
    # Case work: cases below care below workspace (docs/adr/0012-case-work-apps.md).
    "cases": BASE,
    "care": BASE | {"cases"},
    # Collective provisions and referrals that name residents: above care, below workspace.
    "provisions": BASE | {"cases", "care", "socialmap"},
}


def test_lower_layers_do_not_import_higher_ones():
    graph = _graph()
    wrong = []
    for module, targets in graph.items():
        app = module.split(".")[1] if module.count(".") else ""
        if app in LOWER_LAYERS:
            for target in targets:
                target_app = target.split(".")[1]
                if target_app not in {app, "core", *LOWER_LAYERS[app]} and not module.endswith(
                    (".views", ".forms", ".urls")
                ):
                    wrong.append(f"{module} -> {target}")
    assert wrong == []
