"""Search, without Pelican: the Dutch pipeline (lunr's, with lunr-languages'
names), the index split by term and the query that reads only what it needs.

Folders of the pipeline, in order: ``pipeline``/``morphology`` (a word's
terms), ``weights`` and ``index_files`` (the index build), ``reader``,
``words``, ``query``, ``suggest`` and ``snippets`` (answering). The browser
takes the same steps (``themes/wire/static/js/search-*.js``); the tests hold
both sides to the same hits on the same index.
"""
