"""Change one item's status the way the communications team does, for the rebuild timing.

With ``plantrack update`` (when the CLI has it) the change is the command itself:
``plantrack update plan-01 1.01 --status complete --note ... --date ...``. Without it, the
same change (status, and a dated update) is made to the YAML with ruamel.yaml, keeping the rest
of the file as it was; the result says which was used.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from builds import ENV, ROOT, Measured, measured

PLAN, REF, STATUS, WORDING = "plan-01", "1.01", "complete", "Complete"
NOTE = "Benchmark: marked complete."
DATE = "2024-06-30"


def has_update_command() -> bool:
    probe = subprocess.run([sys.executable, "-m", "generator.cli", "update", "--help"],
                           cwd=ROOT, env=ENV, capture_output=True, text=True)
    return probe.returncode == 0


def update_one_item(content: Path) -> tuple[Measured, str]:
    """Set item 1.01 of plan-01 to complete; the run and how it was done."""
    if has_update_command():
        run = measured([sys.executable, "-m", "generator.cli", "update", PLAN, REF,
                        "--status", STATUS, "--note", NOTE, "--date", DATE,
                        "--content", str(content)])
        return run.check("plantrack update"), "plantrack update"
    run = measured([sys.executable, str(Path(__file__).resolve()), str(content)])
    return run.check("ruamel.yaml edit"), "ruamel.yaml edit (no plantrack update command yet)"


def _find(items: list[Any], ref: str) -> Any:
    for item in items:
        if str(item.get("ref")) == ref:
            return item
        found = _find(item.get("items") or [], ref)
        if found is not None:
            return found
    return None


def edit_yaml(content: Path) -> None:
    """The fallback: the same change made to the plan file directly."""
    path = content / "plans" / f"{PLAN}.yml"
    yaml = YAML()
    yaml.preserve_quotes = True
    data = yaml.load(path.read_text(encoding="utf-8"))
    item = _find(data["items"], REF)
    item["status"] = WORDING
    item.setdefault("updates", []).append({"date": DATE, "status": WORDING, "note": NOTE})
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


if __name__ == "__main__":
    edit_yaml(Path(sys.argv[1]))
