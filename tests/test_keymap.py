from reviewer.keymap import KEYS, check_key_overrides


def test_defaults_have_unique_ids_and_keys():
    ids = [k[0] for k in KEYS]
    assert len(ids) == len(set(ids))
    keys = [k for _id, spec, _a, _d in KEYS for k in spec.split(",")]
    assert len(keys) == len(set(keys))


def test_an_override_can_never_take_quit_away():
    ok, problems = check_key_overrides({"accept_link": "q"})
    assert ok == {} and "quit" in problems[0] and "ignored" in problems[0]


def test_moving_a_key_needs_both_bindings_rebound():
    assert check_key_overrides({"quit": "x"})[0] == {}
    assert check_key_overrides({"quit": "x", "reject_link": "d"}) == ({"quit": "x", "reject_link": "d"}, [])


def test_unknown_ids_empty_specs_and_label_digits_are_reported():
    ok, problems = check_key_overrides({"nope": "z", "save": " , ", "undo": "3"}, ["1", "2", "3"])
    assert ok == {}
    assert any("'nope' is not a binding id" in p for p in problems)
    assert any("save: no key given" in p for p in problems)
    assert any("label key 3" in p for p in problems)
