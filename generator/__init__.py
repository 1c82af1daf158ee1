"""wire-archive: turn a pile of news-wire items into a searchable static website.

The pipeline, one folder per stage:

    formats/   raw wire files  -> WireItem (one module per input format)
    text/      the language rules those parsers share (datelines, ages, titles, slugs)
    places/    dateline cities -> proper Dutch names
    content/   WireItem -> Markdown + YAML front matter in content/, written safely
    importer   the stages above, run over a pile, with a summary
    site/      the Pelican plugin: reader, listings, feeds, search index
    search/    the Dutch Lunr pipeline and query, shared by the build and the tests

The converter side (everything but site/) never imports Pelican. The version
is pyproject.toml's alone (``wire-archive --version`` reads it from the installed
package's metadata).
"""
