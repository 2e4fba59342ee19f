"""Helpers for the people who add to the directory: employers who ask to join, staff who edit.

One module per output: issue forms, issue-to-file import, scaffolding, the field reference,
the pull-request summary and the freshness report. Nothing here imports MkDocs.
"""
