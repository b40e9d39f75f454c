"""The import graph follows the method: a stage never reaches a later stage or the pages above.

Reads every module under src/ with ``ast``, imports inside functions included, and the
string references to models in ``ForeignKey("app.Model")`` and its relatives.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "infointerview"

BASE, STAGE, COMPOSITION, ENTRY = 0, 1, 2, 3
STAGES = ["careers", "people", "outreach", "interviews"]
LAYER_OF = {
    "": BASE,
    "lib": BASE,
    "accounts": BASE,
    "settings": BASE,
    "installed_apps": BASE,
    "web": BASE,
    "logs": BASE,
    "day_filters": BASE,
    "addresses": BASE,
    "form_renderer": BASE,
    **dict.fromkeys(STAGES, STAGE),
    "agenda": COMPOSITION,
    "center": COMPOSITION,
    "cli": ENTRY,
    "urls": ENTRY,
    "web_server": ENTRY,
    "wsgi": ENTRY,
}
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField"}


def _unit(module: str) -> str:
    """The app or top-level module a dotted name belongs to ('' for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    relative = path.relative_to(SOURCE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _references(path: Path) -> list[tuple[int, str]]:
    """(line, module) for each import of our package and each 'app.Model' string."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = _module_name(path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")
                if path.name != "__init__.py":
                    package = package[:-1]
                base = ".".join(package[: len(package) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target == "infointerview":
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in RELATION_FIELDS and node.args:
                first = node.args[0]
                text = first.value if isinstance(first, ast.Constant) else None
                if isinstance(text, str) and "." in text:
                    found.append((node.lineno, f"infointerview.{text.split('.')[0]}"))
    return [(line, target) for line, target in found if target.split(".")[0] == "infointerview"]


def _sources() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*.py") if "migrations" not in p.parts)


def _allowed(importer: str, imported: str) -> bool:
    if importer == imported:
        return True
    if importer == "lib":
        return imported in ("", "lib")
    mine, theirs = LAYER_OF[importer], LAYER_OF[imported]
    if mine == STAGE and theirs == STAGE:
        return STAGES.index(imported) < STAGES.index(importer)
    return theirs < mine or (mine == theirs and mine in (BASE, ENTRY))


def wrong_way_imports() -> list[str]:
    wrong = []
    for path in _sources():
        importer = _unit(_module_name(path))
        for line, target in _references(path):
            imported = _unit(target)
            if imported not in LAYER_OF:
                imported = ""
            if not _allowed(importer, imported):
                where = path.relative_to(SOURCE.parent)
                wrong.append(f"{where}:{line} imports {target}")
    return wrong


def test_every_module_belongs_to_a_layer():
    units = {_unit(_module_name(path)) for path in _sources()}
    assert units - set(LAYER_OF) == set()


def test_no_import_runs_against_the_layers():
    assert wrong_way_imports() == []


def test_lib_has_no_django_in_it():
    for path in (SOURCE / "lib").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "django" for n in names), path


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("people", "careers", True),
        ("careers", "people", False),
        ("outreach", "interviews", False),
        ("interviews", "outreach", True),
        ("accounts", "careers", False),
        ("agenda", "interviews", True),
        ("interviews", "agenda", False),
        ("cli", "agenda", True),
        ("agenda", "cli", False),
        ("lib", "accounts", False),
        ("accounts", "lib", True),
    ],
)
def test_the_rule_itself(importer, imported, allowed):
    assert _allowed(importer, imported) is allowed


def test_the_reader_sees_imports_inside_functions_and_model_strings(tmp_path, monkeypatch):
    package = tmp_path / "infointerview"
    (package / "careers").mkdir(parents=True)
    (package / "careers" / "models.py").write_text(
        "from django.db import models\n"
        "def later():\n"
        "    from infointerview.interviews import services\n"
        "class Row(models.Model):\n"
        "    person = models.ForeignKey('people.Person', on_delete=models.CASCADE)\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["SOURCE"]), "SOURCE", package)
    assert sorted(wrong_way_imports()) == [
        "infointerview/careers/models.py:3 imports infointerview.interviews",
        "infointerview/careers/models.py:5 imports infointerview.people",
    ]
