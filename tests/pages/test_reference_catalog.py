"""The content-format reference page's words come from the catalogs (``fields.*``,
``codes.*``, ``reference.table.*``), while generator/content/schema.py and codes.py stay the
English source of truth (validation and the JSON Schema use them): the English catalog must
say exactly what they say, so the two cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content import schema
from generator.content.catalog import DEFAULT_LANGUAGE, shipped
from generator.content.codes import CODES
from generator.opendata.itemrows import COLUMNS

TEMPLATE = (Path(__file__).resolve().parents[2] / "generator" / "pages" / "templates"
            / "reference.md.j2")


def table_keys() -> list[str]:
    """The catalog name of each table of REFERENCE_TABLES, as the template lists them."""
    found = re.search(r"set table_keys = \[([^\]]*)\]", TEMPLATE.read_text(encoding="utf-8"))
    assert found, "reference.md.j2 no longer lists table_keys"
    return re.findall(r'"([a-z_]+)"', found.group(1))


def test_the_template_names_each_table_by_its_schema_constant() -> None:
    keys = table_keys()
    assert len(keys) == len(schema.REFERENCE_TABLES)
    for key, (heading, fields) in zip(keys, schema.REFERENCE_TABLES):
        assert getattr(schema, key.upper()) is fields, (key, heading)


def test_english_field_docs_are_the_schemas() -> None:
    english = shipped(DEFAULT_LANGUAGE)
    expected = {f"fields.{key}.{f.name}": f.doc
                for key, (_, fields) in zip(table_keys(), schema.REFERENCE_TABLES)
                for f in fields}
    catalogued = {k: v for k, v in english.items() if k.startswith("fields.")}
    assert catalogued == expected


def test_english_table_headings_are_the_schemas() -> None:
    english = shipped(DEFAULT_LANGUAGE)
    expected = {f"reference.table.{key}": heading
                for key, (heading, _) in zip(table_keys(), schema.REFERENCE_TABLES)}
    catalogued = {k: v for k, v in english.items() if k.startswith("reference.table.")}
    assert catalogued == expected


def test_english_code_descriptions_are_the_registrys() -> None:
    english = shipped(DEFAULT_LANGUAGE)
    catalogued = {k.removeprefix("codes."): v for k, v in english.items()
                  if k.startswith("codes.")}
    assert catalogued == CODES


def test_every_download_column_that_is_an_item_field_has_its_doc() -> None:
    english = shipped(DEFAULT_LANGUAGE)
    item_fields = {f.name for f in schema.ITEM}
    assert all(f"fields.item.{c}" in english for c in COLUMNS if c in item_fields)
