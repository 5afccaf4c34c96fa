"""Django's PostgreSQL engine, with new connections behind a breaker (newsroom/outages.py).

A database that stops answering costs one connection attempt (DATABASE_CONNECT_TIMEOUT) per process
every DATABASE_RETRY_SECONDS, rather than one per request: in between, requests fail at once and are
answered from the page cache or with the 503 page.
"""

from django.db import OperationalError
from django.db.backends.postgresql import base

from newsroom.outages import Breaker, ServiceUnavailable

database_breaker = Breaker(
    "PostgreSQL", retry_setting="DATABASE_RETRY_SECONDS", failures=(base.Database.OperationalError,)
)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        try:
            return database_breaker.guard(super().get_new_connection, conn_params)
        except ServiceUnavailable as error:
            raise OperationalError(str(error)) from error
