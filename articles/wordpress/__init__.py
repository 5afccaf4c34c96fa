"""Bringing a WordPress site over: its export file (WXR) read as a stream (`wxr`), its markup turned into
ours (`markup`), its pictures fetched (`fetch`) and everything written, with redirects from its old
addresses (`importer`). `manage.py import_wordpress EXPORT.xml` runs it; docs/import.md tells the story."""
