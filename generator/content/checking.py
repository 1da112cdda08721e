"""Check one YAML document against the content format, collecting every problem.

:class:`Reader` walks a document with the field table from :mod:`generator.schema` and returns
plain values of the right type (dates as dates, progress as a number, statuses as published
words). Anything wrong becomes a :class:`~generator.errors.Problem` naming the file, line and
field path; the value is then left out, so one run reports every problem in the file.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from generator.content.catalog import Languages, Translated, Untranslated
from generator.content.dates import Due, ImpossibleDate, UnknownMonth, parse_due, parse_iso_date
from generator.content.errors import Problem
from generator.content.schema import (
    DIRECTIONS,
    ITEM,
    ITEM_KINDS,
    MISSING_TRANSLATIONS,
    NESTED,
    PLAN_STATUSES,
    Field,
)
from generator.content.vocabulary import (
    BUILT_IN_VOCABULARY,
    MEANINGS,
    Axis,
    Vocabulary,
    Wording,
    add_to_file,
    key,
    unknown_message,
)
from generator.content.yamlfile import Document

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LETTER = re.compile(r"[^\W\d_]")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*")
EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+")
SAFE_URL = re.compile(r"(https?://|/|\./|\.\./)[^\s<>\"]*", re.IGNORECASE)
WEB_URL = re.compile(r"https?://[^\s<>\"/?#]+[^\s<>\"]*", re.IGNORECASE)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return '"' + (text if len(text) <= 60 else text[:57] + "...") + '"'


class Reader:
    """Reads typed values out of one document, recording problems as it goes."""

    def __init__(self, doc: Document, problems: list[Problem],
                 vocabulary: Vocabulary = BUILT_IN_VOCABULARY, origin: str = "",
                 languages: Languages | None = None) -> None:
        self.doc = doc
        self.problems = problems
        self.languages = languages or Languages()
        """The site's languages: each translated text is read in ``languages.reading``."""
        self.vocabulary = vocabulary
        """The wordings status and confidence fields are read with."""
        self.origin = origin or doc.path
        self.converters = self._converters()
        self._read_early: dict[str, list[Wording]] = {}

    def own_vocabulary(self, data: Any, at: str, spec: Field) -> list[Wording]:
        """Read a file's ``statuses`` before the rest of it, so that its fields are read with
        them; the field is then not read (nor its problems reported) a second time."""
        wordings = self.wordings(data, at, spec) or []
        self._read_early[at] = wordings
        return wordings

    def problem(self, at: str, code: str, message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line(at), at, code, message))

    def mapping(self, data: Any, at: str, fields: tuple[Field, ...]) -> dict[str, Any]:
        """The known fields of a mapping, converted; unknown and missing fields reported."""
        if not isinstance(data, dict):
            self.problem(at, "not-a-mapping", f"expected fields (name: value), found {_show(data)}")
            return {}
        by_name = {f.name: f for f in fields}
        values: dict[str, Any] = {}
        for key, value in data.items():
            path = f"{at}.{key}" if at else key
            if key not in by_name:
                self.unknown(path, key, list(by_name))
            elif value is not None:
                converted = self.convert(value, path, by_name[key])
                if converted is not None:
                    values[key] = converted
        for spec in fields:
            if spec.required and data.get(spec.name) is None:
                self.problem(at, f"missing-{spec.name}", f"expected a {spec.name}, found none")
        return values

    def unknown(self, path: str, key: str, known: list[str]) -> None:
        close = difflib.get_close_matches(key, known, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else f"; known fields: {', '.join(known)}"
        self.problem(path, "unknown-field", f'unknown field "{key}"{hint}')

    def convert(self, value: Any, at: str, spec: Field) -> Any:
        return self.converters[spec.type](value, at, spec)

    def _converters(self) -> dict[str, Callable[[Any, str, Field], Any]]:
        return {
            "text": self.prose, "ref": self.text,
            "languages": self.language_codes, "missing-translations": self.choice,
            "due": self.due, "date": self.date,
            "slug": self.slug, "url": self.url, "url-template": self.url, "email": self.email,
            "web-url": self.web_url,
            "status": self.status, "status-before": self.status, "confidence": self.status,
            "meaning": self.meaning, "vocabulary": self.wordings,
            "plan-status": self.choice, "kind": self.choice,
            "direction": self.choice, "progress": self.progress,
            "text-list": self.text_list, "id-list": self.text_list, "ref-list": self.text_list,
            "feedback": self.nested, "source": self.nested,
            "areas": self.nested_list, "updates": self.nested_list,
            "targets": self.nested_list, "sections": self.nested_list,
            "glossary": self.nested_list, "rounds": self.nested_list,
            "evidence": self.nested_list,
            "items": self.items,
        }

    def text(self, value: Any, at: str, spec: Field) -> str | None:
        if isinstance(value, (dict, list)):
            self.problem(at, "not-text", f"expected text, found {_show(value)}")
            return None
        return str(value).strip()

    def prose(self, value: Any, at: str, spec: Field) -> str | None:
        """A text in the language being read: given as text (the site's first language) or
        by language (``{en: ..., cy: ...}``). Each site language it lacks is a problem, or a
        warning where the site allows it; the text is then read in the first language there
        is, marked :class:`Untranslated`."""
        if spec.neutral or not (isinstance(value, dict) or self.languages.several) or (
                not isinstance(value, (dict, list)) and not LETTER.search(str(value))):
            return self.text(value, at, spec)  # figures alone (65%, 2024/25) need no translation
        texts: dict[str, str] = {}
        if isinstance(value, dict):
            for code, text in value.items():
                if str(code) not in self.languages.codes:
                    self.problem(f"{at}.{code}", "not-a-site-language",
                                 f"expected one of the site's languages "
                                 f"({', '.join(self.languages.codes)}), found {_show(code)}")
                elif (found := self.text(text, f"{at}.{code}", spec)):
                    texts[str(code)] = found
        elif (found := self.text(value, at, spec)) is not None:
            texts[self.languages.codes[0]] = found
        if not texts:
            return None
        for code in self.languages.codes:
            if code not in texts:
                self.translation_missing(at, spec, code, texts)
        given = next(c for c in self.languages.codes if c in texts)
        if self.languages.reading in texts:
            return Translated(texts[self.languages.reading], self.languages.reading, texts,
                              texts[given])
        return Untranslated(texts[given], given, texts, texts[given])

    def translation_missing(self, at: str, spec: Field, code: str, texts: dict[str, str]) -> None:
        given = ", ".join(texts)
        problem = Problem(self.doc.path, self.doc.line(at), at, "missing-translation",
                          f"expected the {spec.name} in each of the site's languages "
                          f"({', '.join(self.languages.codes)}), found none in {code} (only "
                          f"{given}); give it as {spec.name}: {{{given}: ..., {code}: ...}}")
        if self.languages.missing == "warn":
            self.languages.warnings.append(problem)
        else:
            self.problems.append(problem)

    def language_codes(self, value: Any, at: str, spec: Field) -> list[str] | None:
        codes = self.text_list(value, at, spec)
        for i, code in enumerate(codes or []):
            if not LANGUAGE_CODE.fullmatch(code):
                self.problem(f"{at}[{i}]", "unknown-language", f"expected a language code "
                             f"such as en or cy, found {_show(code)}")
                return None
        if codes and len(set(codes)) != len(codes):
            self.problem(at, "unknown-language", f"expected each language once, found "
                         f"{', '.join(codes)}")
            return None
        return codes or None

    def text_list(self, value: Any, at: str, spec: Field) -> list[str] | None:
        if not isinstance(value, list):
            value = [value]
        texts = [self.text(v, f"{at}[{i}]", spec) for i, v in enumerate(value) if v is not None]
        return [t for t in texts if t]

    def slug(self, value: Any, at: str, spec: Field) -> str | None:
        text = self.text(value, at, spec)
        if text is not None and not SLUG.fullmatch(text):
            self.problem(at, "bad-id", f"expected lowercase letters, digits and hyphens, "
                         f"found {_show(text)}")
            return None
        return text

    def url(self, value: Any, at: str, spec: Field) -> str | None:
        text = self.text(value, at, spec)
        if text is not None and not SAFE_URL.fullmatch(text):
            self.problem(at, "bad-url", f"expected an http(s) address or a path, found {_show(text)}")
            return None
        return text

    def web_url(self, value: Any, at: str, spec: Field) -> str | None:
        """An address on the web (evidence): http or https, with a host; never a path, since
        the page links it for residents to follow."""
        text = self.text(value, at, spec)
        if text is not None and not WEB_URL.fullmatch(text):
            self.problem(at, "bad-url", f"expected an http:// or https:// address, found "
                         f"{_show(text)}")
            return None
        return text

    def email(self, value: Any, at: str, spec: Field) -> str | None:
        text = self.text(value, at, spec)
        if text is not None and not EMAIL.fullmatch(text):
            self.problem(at, "bad-email", f"expected an email address, found {_show(text)}")
            return None
        return text

    def date(self, value: Any, at: str, spec: Field) -> date | None:
        text = self.text(value, at, spec)
        if text is None:
            return None
        try:
            return parse_iso_date(text)
        except ImpossibleDate:
            self.problem(at, "impossible-date", f"expected a real calendar date, found {_show(text)}")
        except ValueError:
            self.problem(at, "bad-date", f"expected a date as YYYY-MM-DD, found {_show(text)}")
        return None

    def due(self, value: Any, at: str, spec: Field) -> Due | None:
        """A due date as written. On a site with several languages, one written in words is
        given in each (``{en: March 2025, cy: Mawrth 2025}``): it is read for its deadline in
        the first language, and shown in the page's; one of figures alone (31/03/2025) is the
        same in every language."""
        if isinstance(value, dict) or self.languages.several:
            words = self.prose(value, at, spec)
            if words is None:
                return None
            first = words.texts.get(self.languages.codes[0], str(words)) if isinstance(
                words, Translated) else words
            read = self._due(first, at)
            return None if read is None else dataclasses.replace(read, text=words)
        text = self.text(value, at, spec)
        return None if text is None else self._due(text, at)

    def _due(self, text: str, at: str) -> Due | None:
        try:
            return parse_due(text)
        except ImpossibleDate as error:
            self.problem(at, "impossible-date", f"expected a real calendar date, found "
                         f"{_show(text)} ({error} does not exist)")
        except UnknownMonth as error:
            self.problem(at, "unknown-month", f"expected a month name, found {_show(text)}: "
                         f"{error}")
        return None

    def status(self, value: Any, at: str, spec: Field) -> tuple[str, str] | None:
        """(published word, council's wording), read with the file's vocabulary; ``from`` may
        also say "not reported"."""
        text = self.text(value, at, spec)
        if not text:
            return None
        axis: Axis = "confidence" if spec.type == "confidence" else "status"
        word: str | None
        if spec.type == "status-before":
            word = self.vocabulary.status_before(text)
        else:
            word = self.vocabulary.status(text) if axis == "status" else (
                self.vocabulary.confidence(text))
        if word is None:
            message = unknown_message(text, axis, self.vocabulary, add_to_file(text, axis))
            if spec.type == "status-before":
                message = message.replace("; found", ', or "not reported"; found', 1)
            self.problem(at, f"unknown-{axis}", message)
            return None
        entry = self.vocabulary.meaning(text, axis)
        return word, entry.in_language(text) if entry else text

    def meaning(self, value: Any, at: str, spec: Field) -> str | None:
        text = self.text(value, at, spec)
        if text is None:
            return None
        if text.lower() not in MEANINGS:
            self.problem(at, "unknown-meaning", f"expected a status ({', '.join(MEANINGS[:-3])})"
                         f" or a confidence ({', '.join(MEANINGS[-3:])}); found {_show(text)}")
            return None
        return text.lower()

    def wordings(self, value: Any, at: str, spec: Field) -> list[Wording] | None:
        """A vocabulary's wordings; each wording once, and never only "*"."""
        if at in self._read_early:
            return self._read_early.pop(at)
        read = self.nested_list(value, at, spec)
        wordings: list[Wording] = []
        seen: dict[tuple[str, str], int] = {}
        for i, entry in enumerate(read or []):
            if {"wording", "means"} - entry.keys():
                continue
            where = f"{at}[{i}].wording"
            texts = getattr(entry["wording"], "texts", {})
            wording = Wording(entry["wording"], entry["means"], entry.get("explained"),
                              self.origin, tuple(t for t in texts.values()
                                                 if t != entry["wording"]))
            found = (key(wording.wording), wording.axis)
            if not key(wording.wording).replace("*", "").strip():
                self.problem(where, "bad-wording", f"expected a wording with words in it, "
                             f"found {_show(wording.wording)}")
            elif found in seen:
                self.problem(where, "duplicate-wording", f"expected each wording once, found "
                             f'"{wording.wording}" again (first at {at}[{seen[found]}])')
            else:
                seen[found] = i
                wordings.append(wording)
        return wordings

    def choice(self, value: Any, at: str, spec: Field) -> str | None:
        choices = {"plan-status": PLAN_STATUSES, "kind": ITEM_KINDS, "direction": DIRECTIONS,
                   "missing-translations": MISSING_TRANSLATIONS}
        allowed = choices[spec.type]
        text = self.text(value, at, spec)
        if text is None:
            return None
        if text.lower() not in allowed:
            self.problem(at, f"unknown-{spec.name.replace('_', '-')}",
                         f"expected one of {', '.join(allowed)}; "
                         f"found {_show(text)}")
            return None
        return text.lower()

    def progress(self, value: Any, at: str, spec: Field) -> int | None:
        text = self.text(value, at, spec)
        if text is None:
            return None
        number = text.rstrip("%").strip()
        if not re.fullmatch(r"-?\d+", number) or not 0 <= int(number) <= 100:
            self.problem(at, "bad-progress", f"expected a whole number from 0 to 100, "
                         f"found {_show(text)}")
            return None
        return int(number)

    def nested(self, value: Any, at: str, spec: Field) -> dict[str, Any]:
        return self.mapping(value, at, NESTED[spec.type])

    def nested_list(self, value: Any, at: str, spec: Field) -> list[dict[str, Any]] | None:
        if not isinstance(value, list):
            self.problem(at, "not-a-list", f"expected a list, found {_show(value)}")
            return None
        fields = NESTED[spec.type]
        return [self.mapping(v, f"{at}[{i}]", fields) for i, v in enumerate(value)]

    def items(self, value: Any, at: str, spec: Field) -> list[dict[str, Any]] | None:
        if not isinstance(value, list):
            self.problem(at, "not-a-list", f"expected a list of items, found {_show(value)}")
            return None
        read: list[dict[str, Any]] = []
        for i, data in enumerate(value):
            item = self.mapping(data, f"{at}[{i}]", ITEM)
            item["_at"] = f"{at}[{i}]"
            read.append(item)
        return read
