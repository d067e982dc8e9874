"""The hive address check's memo (`reference_host.imports.hive_base_url`): exact answers, bounded memory."""

from __future__ import annotations

import pytest

from reference_host import AbiError
from reference_host import imports as imports_module
from reference_host.imports import MAX_KEPT_HOST, hive_base_url


def test_kept_and_unkept_names_get_the_same_answers():
    long_name = "h" * (MAX_KEPT_HOST + 1)
    assert hive_base_url("hive.local", 8080) == "http://hive.local:8080"
    assert hive_base_url(long_name, 8080) == f"http://{long_name}:8080"
    for url, port in (("", 80), ("a b", 80), ("hive.local", 0), ("hive.local", 65536), ("h:1", 80)):
        with pytest.raises(AbiError):
            hive_base_url(url, port)


def test_a_name_longer_than_any_dns_name_is_checked_but_never_kept():
    """A guest cycling through long valid names (httpx takes names of tens of kilobytes) must not make the
    host keep them."""
    kept = imports_module._kept_base_url
    kept.cache_clear()
    hive_base_url("h" * MAX_KEPT_HOST, 80)
    assert kept.cache_info().currsize == 1
    long_name = "h" * 10_000
    assert hive_base_url(long_name, 80) == f"http://{long_name}:80"
    assert kept.cache_info().currsize == 1
