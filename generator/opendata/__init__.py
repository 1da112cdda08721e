"""The open data: one row per item (CSV, JSON, Excel), the plan's own fields as named cells, the
Atom feeds and iCalendar files, and the open-data pages.

May import: ``generator.content``, ``generator.pages`` and ``generator.opendata``.
"""
