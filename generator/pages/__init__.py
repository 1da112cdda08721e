"""The model turned into Markdown pages: the Jinja2 template engine and its templates, escaping
(council text is text, never markup), the one module that decides every address and file path of
the site (:mod:`generator.pages.paths`), and feedback links.

May import: ``generator.content`` and ``generator.pages``.
"""
