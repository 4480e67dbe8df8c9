"""Measurements need pint's unit registry; a disk cache that pint cannot read (one written by
another install, naming files that are gone) must not silently turn every measurement off."""

import pytest

pint = pytest.importorskip("pint")

from reviewer.engine import facts, xfacts  # noqa: E402


@pytest.fixture
def fresh_registry(monkeypatch):
    monkeypatch.setattr(facts, "_UREG", None)
    facts.unit_factor.cache_clear()
    xfacts.read_facts.cache_clear()
    yield
    facts.unit_factor.cache_clear()
    xfacts.read_facts.cache_clear()


def test_a_broken_disk_cache_falls_back_to_parsing_afresh(monkeypatch, fresh_registry):
    real = pint.UnitRegistry

    def registry(*args, **kwargs):
        if kwargs.get("cache_folder"):
            raise FileNotFoundError("/gone/site-packages/pint/default_en.txt/constants_en.txt")
        return real(*args, **kwargs)

    monkeypatch.setattr(pint, "UnitRegistry", registry)
    factor, dim = facts.unit_factor("mile")
    assert factor == pytest.approx(1609.344)
    assert dim == "[length]"


def test_miles_and_kilometres_compare_across_languages(fresh_registry):
    got = xfacts.read_facts("The ferry sailed 310 miles north.", "en")
    assert [f.kind for f in got] == ["measure"]
    other = xfacts.read_facts("Le ferry a parcouru 499 km vers le nord.", "fr")
    assert xfacts.facts_agree("The ferry sailed 310 miles north.", "en", "Le ferry a parcouru 499 km vers le nord.", "fr")
    assert other[0].value == pytest.approx(499000)
