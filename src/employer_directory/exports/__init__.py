"""Open data exports of the directory: JSON, CSV, Open Referral HSDS 3.0 and schema.org JSON-LD.

One module per output kind. Each is a pure function of the loaded ``Directory`` (and the
occurrence records of ``records.py``): no clock, no MkDocs, sorted keys and stable ids, so that
two builds of the same content give byte-identical files.
"""

SCHEMA_VERSION = "2.7"
"""Version of the shape of data/employers.json and data/programs.json (see content/schema/): the
minor number grows when fields are added (1.1: a program's ``walk_in``; 1.2: an employer's
``paused``), the major one when a field is renamed or removed, or takes a form that a reader of
the old shape cannot read (2.0: a program's ``recurrence`` may be a list of rule periods instead
of one mapping; the dated ``occurrences`` are unchanged; 2.1: a rule period's own ``place``; 2.2: a session's and an
extra date's own ``place``; 2.3: ``former_slugs``; 2.4: a place's ``access``, how to get to the venue; 2.5: a program's ``employer_ids``, as the ids
of a renamed record, made from its first URL name, are no longer its URL name of today; 2.6: an
occurrence's ``id`` is the program's id and the date, with ``-2``, ``-3`` for a day's later
meetings, no longer the start time: a meeting moved to another time keeps its id; 2.7: an item
of ``cancelled`` may have a ``time`` and one of ``full`` may be ``date`` with ``time``, for one
meeting of a day with two; a date alone is written as before)."""
