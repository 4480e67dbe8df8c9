"""Stop 26 trial: a typo in --reviewer made a new sidecar and so a new annotator without a word;
now the review screen says so at start-up, naming the reviewers already there."""

from __future__ import annotations

SIZE = (150, 40)


def _said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_new_reviewer_beside_others_is_told_at_start_up(make, cluster_dir):
    for name in ("alice", "bob"):
        (cluster_dir / f"{name}.review.toml").write_text(f'schema = 1\nreviewer = "{name}"\n', encoding="utf-8")
    app = make(reviewer="alcie")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = [m for m in _said(app) if "new reviewer" in m]
        assert said and "'alcie'" in said[0] and "alice, bob" in said[0] and "alcie.review.toml" in said[0], _said(app)


async def test_an_existing_reviewer_or_the_only_one_is_not_warned(make, cluster_dir):
    (cluster_dir / "alice.review.toml").write_text('schema = 1\nreviewer = "alice"\n', encoding="utf-8")
    app = make(reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [m for m in _said(app) if "new reviewer" in m]
    (cluster_dir / "alice.review.toml").unlink()
    app = make(reviewer="carol")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [m for m in _said(app) if "new reviewer" in m]
