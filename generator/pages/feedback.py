"""The feedback link on every item: the council's form with the item filled in, or an email.

A plan's own feedback route replaces the site's. A form address is a template whose
``{plan}``, ``{ref}``, ``{title}`` and ``{url}`` placeholders are replaced by the item's values,
URL-encoded. Without a form, the link is a ``mailto:`` with the subject filled in, in the
language of the site's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from generator.content.model import Decision, Feedback, Item, Plan, Site


@dataclass(frozen=True)
class FeedbackLink:
    """Where the feedback link on an item page goes, and what else residents are told."""

    href: str | None
    route: Feedback | None
    decision: Decision | None


def fill_form(template: str, values: dict[str, str]) -> str:
    """The form address with each placeholder replaced by its URL-encoded value."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", quote(value, safe=""))
    return template


def mail_link(email: str, subject: str, body: str) -> str:
    return f"mailto:{email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def feedback_link(
    site: Site, plan: Plan, item: Item | None, url: str, decision: Decision | None
) -> FeedbackLink:
    """The link for one item (or the whole plan), from the plan's route, else the site's."""
    route = plan.feedback if plan.feedback and (plan.feedback.form or plan.feedback.email) else None
    chosen = route or site.feedback
    ref, title = (item.ref, item.title) if item else ("", plan.title)
    values = {"plan": plan.id, "ref": ref, "title": title, "url": url}
    href = None
    if chosen.form:
        href = fill_form(chosen.form, values)
    elif chosen.email:
        words = site.words
        subject = (words("feedback.mail.subject_item", plan=plan.title, ref=ref, title=title)
                   if item else words("feedback.mail.subject_plan", plan=plan.title))
        href = mail_link(chosen.email, subject, words("feedback.mail.body", url=url) + "\n\n")
    return FeedbackLink(href, plan.feedback, decision)
