"""The WordPress import, on a realistic export of a bilingual newsroom (newsroom-export.xml) whose pictures
are served by a small web server standing in for the old site (old_site.py)."""
