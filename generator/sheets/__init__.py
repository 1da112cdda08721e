"""Spreadsheets in: reading CSV and Excel files and the JSON export, the layouts councils use
(charter, Decidim, plantrack), turning rows into a plan and saying what an import would change.

May import: ``generator.content``, ``generator.opendata``, ``generator.files`` and
``generator.sheets``.
"""
