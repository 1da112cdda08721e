"""The ``plantrack`` commands, one module each. Each module has ``add(commands)``, which adds
its parser and sets ``run``: a function of the parsed arguments that returns the text to print
(or raises a PlanTrackerError, which the CLI prints without a traceback)."""
