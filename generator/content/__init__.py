"""The content format and the model: reading YAML safely, the field table (schema), checking a
document, loading a content folder, the model, due dates, status words and the rules that decide
every claim the site makes about progress (overdue, out of date, shares), the error family and
its registry of codes.

May import: only ``generator.content`` and the standard library and PyYAML. No Jinja2, no
MkDocs: this is the part every other builder can reuse.
"""
