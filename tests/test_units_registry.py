"""Unit conversion must survive a stale pint disk cache (issue 12: measurements in two units)."""

import pint

from reviewer.engine import facts


def test_pint_converts_miles_to_metres():
    # pint is a dependency: a conversion that fails silently turns "200 km" / "124 miles" into a conflict.
    assert facts.unit_factor("mile")[1] == "[length]"
    assert abs(facts.unit_factor("mile")[0] - 1609.344) < 1e-6


def test_a_registry_whose_disk_cache_is_stale_is_parsed_afresh(monkeypatch):
    real = pint.UnitRegistry

    class Stale:
        def Quantity(self, *_a, **_k):
            raise FileNotFoundError("/gone/site-packages/pint/default_en.txt")

    def fake(*args, cache_folder=None, **kwargs):
        return Stale() if cache_folder is not None else real(*args, cache_folder=None, **kwargs)

    monkeypatch.setattr(pint, "UnitRegistry", fake)
    ureg = facts._registry()
    assert str(ureg.Quantity(3.0, "kilometer").to_base_units().magnitude) == "3000.0"
