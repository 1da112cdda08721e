"""``--fix-refs``: a ref for every row, recorded as the bundled plans record such decisions.

A row without a ref (or with one of no letters or digits) is numbered after the row above:
the next number, in the same style (3.08 gives 3.09), when no row has it, else the row
above's ref with a letter (3.08a). A ref used again, or one that names the same page as an
earlier one ("1.1" and "1-1"), is renamed with "-2", "-3", ... Each such row keeps the
source's ref in ``source_ref`` ("" for none) and says what was done in ``editorial_note``;
the summary lists them. Children name their parent by the source's ref, so a renamed
duplicate's children stay under the first row of that ref.
"""

from __future__ import annotations

import re
from string import ascii_lowercase

from generator.content.ids import ref_slug
from generator.sheets.layouts import Entry


def fix_refs(entries: list[Entry], summary: list[str]) -> None:
    """Give every entry a ref of its own, noting each change on the entry and in the summary."""
    taken = {ref_slug(str(e.fields["ref"])) for e in entries if e.fields.get("ref")}
    seen: dict[str, Entry] = {}
    previous = ""
    for entry in entries:
        ref = str(entry.fields.get("ref") or "").strip()
        slug = ref_slug(ref)
        if not slug:
            new = _after(previous, taken)
            _record(entry, ref, new, _numbered(ref, new, previous))
        elif slug in seen:
            new = _renamed(ref, taken)
            first = seen[slug]
            _record(entry, ref, new, f'The source gives this row the ref "{ref}", as it gives '
                    f"{first.unit} {first.row}; we show it as {new} so that each item has a "
                    "page of its own.")
        else:
            new = ref
        taken.add(ref_slug(new))
        seen.setdefault(ref_slug(new), entry)
        previous = new
    changed = [e for e in entries if e.fixed_from is not None]
    if changed:
        summary.append("refs given by --fix-refs (the source's kept as source_ref): " + ", ".join(
            f'{e.unit} {e.row} "{e.fixed_from}" as {e.fields["ref"]}' for e in changed))


def _numbered(ref: str, new: str, previous: str) -> str:
    found = f'the ref "{ref}"' if ref else "no ref"
    if not previous:
        return f"The source gives this row {found}; we numbered it {new}, the first row."
    return (f"The source gives this row {found}; it comes straight after {previous}, so we "
            f"numbered it {new}.")


def _record(entry: Entry, ref: str, new: str, note: str) -> None:
    fields = entry.fields
    fields["ref"] = new
    fields.setdefault("source_ref", ref)
    earlier = fields.get("editorial_note")
    fields["editorial_note"] = f"{earlier} {note}" if earlier else note
    entry.fixed_from = ref


def _after(previous: str, taken: set[str]) -> str:
    """The next number after ``previous`` in its style, else ``previous`` with a letter."""
    match = re.search(r"(\d+)(?!.*\d)", previous)
    if match:
        digits = match[1]
        number = str(int(digits) + 1).zfill(len(digits))
        candidate = previous[:match.start()] + number + previous[match.end():]
        if ref_slug(candidate) not in taken:
            return candidate
    for letter in ascii_lowercase:
        candidate = f"{previous}{letter}" if previous else f"row-{letter}"
        if ref_slug(candidate) not in taken:
            return candidate
    return _renamed(previous or "row", taken)


def _renamed(ref: str, taken: set[str]) -> str:
    number = 2
    while ref_slug(f"{ref}-{number}") in taken:
        number += 1
    return f"{ref}-{number}"
