"""Search: the Dutch Lunr pipeline, the index build and the query, without Pelican.

The browser runs the same steps with lunr.js and lunr-languages
(``themes/wire/static/js/search-core.js``); the tests hold both sides to the
same hits on the same index.
"""
