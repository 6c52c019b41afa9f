# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks that every addon of the suite refers only to XML ids of addons it depends on.

    python scripts/check_xmlids.py

A reference is `module.name` in XML attributes and Python strings (ref=, parent=,
groups=, inherit_id=, t-call=, env.ref(...), has_group(...), ...). A reference to a suite
addon must name one the referring addon depends on (directly or not), and that addon
must define the id. Unqualified references in XML must be defined by the addon itself or
be one of its models and fields. Exits non-zero with the list of wrong references."""

import ast
import csv
import io
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
QUALIFIED = re.compile(r"(?<![\w.])(property_[a-z_]+)\.([a-z0-9_]+)\b")
UNQUALIFIED_ATTRS = (
    "ref",
    "parent",
    "action",
    "inherit_id",
    "groups",
    "t-call",
)


def manifest(addon):
    return ast.literal_eval((ADDONS / addon / "__manifest__.py").read_text())


def suite():
    return sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))


def closure(addon, addons):
    seen, todo = set(), [addon]
    while todo:
        name = todo.pop()
        if name in seen or name not in addons:
            continue
        seen.add(name)
        todo.extend(manifest(name).get("depends", []))
    return seen


def xml_files(addon):
    return [p for p in (ADDONS / addon).rglob("*.xml") if "static" not in p.parts]


def defined(addon):
    """The ids an addon defines: records, templates, menus, access rows, models, fields."""
    ids = set()
    for path in xml_files(addon):
        for el in etree.parse(str(path)).getroot().iter():
            if isinstance(el.tag, str) and el.get("id"):
                ids.add(el.get("id").split(".")[-1])
    for path in (ADDONS / addon).rglob("*.csv"):
        ids.update(row[0] for row in list(csv.reader(io.StringIO(path.read_text())))[1:] if row)
    for path in (ADDONS / addon).rglob("*.py"):
        text = path.read_text()
        for name in re.findall(r'_name = "([a-z0-9_.]+)"', text):
            ids.add("model_" + name.replace(".", "_"))
    return ids


def qualified_errors(addon, addons, ids):
    """``module.name`` references to suite addons outside the dependencies, or undefined."""
    errors = []
    deps = closure(addon, addons)
    files = xml_files(addon) + list((ADDONS / addon).rglob("*.py"))
    files += list((ADDONS / addon).rglob("*.js"))
    for path in files:
        text = path.read_text()
        for match in QUALIFIED.finditer(text):
            module, name = match.groups()
            if module not in addons or name in ("tests", "models", "controllers"):
                continue
            where = f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
            if module not in deps:
                errors.append(f"{where}: {module}.{name} (not a dependency of {addon})")
            elif name not in ids[module] and not name.startswith("field_"):
                errors.append(f"{where}: {module}.{name} is not defined by {module}")
    return errors


def unqualified_errors(addon, ids):
    """References without a module in the addon's XML that the addon does not define."""
    errors = []
    for path in xml_files(addon):
        text = path.read_text()
        where = path.relative_to(ROOT)
        for match in re.finditer(r"%\(([a-z0-9_]+)\)d", text):
            if match.group(1) not in ids[addon]:
                line = text.count("\n", 0, match.start()) + 1
                errors.append(f"{where}:{line}: %({match.group(1)})d is not defined by {addon}")
        for el in etree.parse(str(path)).getroot().iter():
            if not isinstance(el.tag, str):
                continue
            for attr in UNQUALIFIED_ATTRS:
                if attr == "t-call" or (attr in ("parent", "action") and el.tag != "menuitem"):
                    continue
                for value in re.split(r"[,\s]+", el.get(attr) or ""):
                    value = value.lstrip("!")
                    if not value or any(c in value for c in ".({") or value in ids[addon]:
                        continue
                    errors.append(
                        f"{where}:{el.sourceline}: {attr}={value!r} is not defined by {addon}"
                    )
    return errors


def main():
    addons = suite()
    ids = {addon: defined(addon) for addon in addons}
    errors = []
    for addon in addons:
        errors += qualified_errors(addon, addons, ids)
        errors += unqualified_errors(addon, ids)
    for error in errors:
        print(error)
    if errors:
        print(f"{len(errors)} references to XML ids outside the addon's dependencies.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
