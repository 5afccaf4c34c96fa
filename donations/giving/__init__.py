"""A donor's giving over time: monthly gifts and their payments, the history of every donation, annual
receipts, and the page where donors manage their gift (models, services, admin, views and forms here).

The models belong to the donations app; donations/models/__init__.py imports them.
"""
