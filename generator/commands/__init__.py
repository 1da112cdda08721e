"""The ``plantrack`` command line, one module per sub-command. Each module has
``add(commands)``, which adds its parser and sets ``run``: a function of the parsed arguments
that returns the text to print, or raises a
:class:`~generator.content.errors.PlanTrackerError`, which the CLI prints without a traceback.

May import: anything. Only ``build`` and ``serve`` (the commands that run MkDocs) import MkDocs.
"""
