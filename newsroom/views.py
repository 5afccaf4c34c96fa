from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from newsroom import pagecache


@never_cache
def healthz(request):
    """For load balancers and monitoring: whether the database and the shared cache answer.

    503 when the database does not (the server can serve little but cached pages); 200 otherwise, with
    "cache": "unreachable" when Redis does not (the site works, uncached, and the reader forms wait).
    """
    report = {"database": "ok", "cache": "ok" if pagecache.shared() else "local"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure to reach the database is "down"
        report["database"] = "unreachable"
    if pagecache.shared():
        try:
            cache.get("healthz")
        except Exception:  # noqa: BLE001 - any failure to reach the cache is "down"
            report["cache"] = "unreachable"
    return JsonResponse(report, status=503 if report["database"] != "ok" else 200)
