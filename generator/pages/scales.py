"""The council's own scale, for the methodology page: each of its wordings and the status (or
confidence) the site publishes for it.

The site's wordings (site.yml ``statuses``) apply to every plan and are listed once; a plan's
own wordings are listed under the plan, and plans whose own wordings are the same are listed
together, so the page only repeats a scale where plans really differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.catalog import Catalog
from generator.content.model import Plan, Site
from generator.content.vocabulary import Wording


@dataclass(frozen=True)
class Scale:
    """Wordings and the plans that use them (no plans: every plan, from site.yml)."""

    plans: tuple[Plan, ...]
    wordings: tuple[Wording, ...]

    def caption(self, words: Catalog) -> str:
        """The scale's caption in ``words``' language: the wordings used in every plan, or in
        the plans named (their titles separated by "; ")."""
        if not self.plans:
            return words("methodology.scales.every_plan")
        return words("methodology.scales.used_in", plans="; ".join(p.title for p in self.plans))


def council_scales(site: Site) -> list[Scale]:
    """The site's own wordings first, then each distinct list of plans' own wordings."""
    every = tuple(site.vocabulary.councils_own())
    scales = [Scale((), every)] if every else []
    shared = set(every)
    lists: dict[tuple[Wording, ...], list[Plan]] = {}
    for plan in site.plans:
        own = tuple(w for w in plan.vocabulary.councils_own() if w not in shared)
        if own:
            lists.setdefault(own, []).append(plan)
    scales += [Scale(tuple(plans), wordings) for wordings, plans in lists.items()]
    return scales
