"""Pages that answer residents' questions: the home page's dashboard, browse pages (by due date,
lead, tag, area, status), progress reports, roll-ups, SVG charts, indicator figures and the
embeddable badges.

May import: ``generator.content``, ``generator.pages`` and ``generator.views``.
"""
