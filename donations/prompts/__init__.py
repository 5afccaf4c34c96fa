"""Prompts: donate and newsletter calls to action that editors place in articles or across the site,
with their views and clicks counted, so fundraising sees which ones convert.

The model belongs to the donations app; donations/models/__init__.py imports it.
"""
