"""Change one item's status the way the communications team does, for the rebuild timing:
``plantrack update plan-01 1.01 --status complete --note ... --date ...``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from builds import Measured, measured

PLAN, REF, STATUS = "plan-01", "1.01", "complete"
NOTE = "Benchmark: marked complete."
DATE = "2024-06-30"


def update_one_item(content: Path) -> tuple[Measured, str]:
    """Set item 1.01 of plan-01 to complete; the run and how it was done."""
    run = measured([sys.executable, "-m", "generator.cli", "update", PLAN, REF,
                    "--status", STATUS, "--note", NOTE, "--date", DATE,
                    "--content", str(content)])
    return run.check("plantrack update"), "plantrack update"
