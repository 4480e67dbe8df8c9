"""Short news on a status line: one message at a time, gone after a few seconds or at the next
one. The review view and the claims screen both show their news this way."""

from __future__ import annotations

from textual.timer import Timer


class StatusFlash:
    """Mixed into a widget or screen (before its Textual base) that defines ``show_status()``,
    which draws ``self.message``. Information goes to the status line, where it covers nothing;
    warnings and errors stay toasts (the app's notify never reads messages as markup)."""

    message: str = ""
    _flash_timer: Timer | None = None

    def notify(self, message: str, **kwargs) -> None:  # type: ignore[override]
        if kwargs.get("severity", "information") != "information":
            self.app.notify(message, **kwargs)  # type: ignore[attr-defined]
            return
        self.flash(message, kwargs.get("timeout") or 5)

    def flash(self, message: str, seconds: float = 5) -> None:
        """Show ``message`` for ``seconds`` (two at least), or until the next message."""
        self.message = message
        self.stop_flash_timer()
        self._flash_timer = self.set_timer(max(2.0, seconds), self.end_flash)  # type: ignore[attr-defined]
        self.show_status()

    def end_flash(self) -> None:
        self.message = ""
        self.stop_flash_timer()
        self.show_status()

    def stop_flash_timer(self) -> None:
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None

    def show_status(self) -> None:  # pragma: no cover - each user draws its own line
        raise NotImplementedError
