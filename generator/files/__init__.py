"""Writing files: atomic writes with the modes a web server can read, staging folders for builds,
plan files written from data and edited in place (``plantrack update``).

May import: ``generator.content``, ``generator.opendata`` (an item's row, to check an edit) and
``generator.files``.
"""
