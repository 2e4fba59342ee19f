"""Directory search: Japanese normalization and tokenization, the prebuilt lunr index, the
per-employer document store used to render results, and the search page plan.

The browser side (``content/assets/directory-search.js``) implements the same normalization and
query tokenization; ``tests/fixtures/search_text_cases.json`` holds the cases both must agree on.
"""
