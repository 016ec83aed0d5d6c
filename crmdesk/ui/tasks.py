"""TaskRunner: long work on one worker thread, results back on the GUI thread.

Anki's QueryOp and single DB executor, Picard's run_task, git-cola's queued
signal: ``run(fn, on_done, on_error)`` submits ``fn`` to a one-thread executor;
its result arrives through a queued signal, so callbacks run on the GUI thread.
``fn`` gets plain data and never touches widgets or Qt models.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


@dataclass
class _Outcome:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None


class InlineExecutor(Executor):
    """Runs submitted work at once, on the calling thread (tests)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as e:  # noqa: BLE001 - handed to the callbacks
            future.set_exception(e)
        return future


class TaskRunner(QObject):
    _finished = Signal(object)
    finished = Signal()  # after the callbacks of any task ran (tests wait on it)

    def __init__(self, executor: Executor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.busy = 0

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.busy += 1
        outcome = _Outcome(on_done, on_error)

        def finished(future: Future) -> None:
            try:
                outcome.result = future.result()
            except BaseException as e:  # noqa: BLE001 - delivered to on_error
                outcome.error = e
            self._finished.emit(outcome)

        self._executor.submit(fn).add_done_callback(finished)

    def _deliver(self, outcome: _Outcome) -> None:
        self.busy -= 1
        try:
            if outcome.error is not None:
                if outcome.on_error is None:
                    raise outcome.error
                outcome.on_error(outcome.error)
            elif outcome.on_done is not None:
                outcome.on_done(outcome.result)
        finally:
            self.finished.emit()

    def run_blocking(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the worker and wait (closing files at shutdown)."""
        return self._executor.submit(fn).result()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


class Generation:
    """Drops results that a newer request made stale (git-cola's guard)."""

    def __init__(self) -> None:
        self._latest = 0

    def next(self) -> int:
        self._latest += 1
        return self._latest

    def is_latest(self, number: int) -> bool:
        return number == self._latest


class Progress(QObject):
    """A task's progress, reported from the worker and delivered on the GUI thread (queued)."""

    step = Signal(int)

    def report(self, value: int) -> None:
        self.step.emit(value)
