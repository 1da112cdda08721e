"""The MkDocs adapter: the plugin (wiring only), the small navigation, the page stamps that let a
build keep unchanged pages, and the portable project that other builders read.

May import: every layer below it (``content``, ``pages``, ``views``, ``opendata``, ``files`` and
the site assembly in :mod:`generator.site`), and MkDocs. Nothing below imports it.
"""
