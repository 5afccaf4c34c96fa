"""Newsletters: the lists a newsroom sends, their subscribers with double opt-in and recorded consent,
one-click unsubscribe, and the mirror of both in the newsroom's e-mail service (providers.py).

The models belong to the donations app (reader revenue); donations/models/__init__.py imports them.
"""
