"""Settings of the benchmark's server: production settings, plus the bare view's address (bench/urls.py)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
