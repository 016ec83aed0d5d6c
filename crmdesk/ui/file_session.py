"""FileSession: the open customer file as the window uses it.

Two connections, as architecture.md §4 asks: one owned by the worker thread
(opening, searching, anything slow) and one on the GUI thread for short reads
(a page of rows, one customer) and single saves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from crmdesk.services.files import open_file
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import Cancellation, CustomerFile
from crmdesk.storage.customers import CustomerQuery
from crmdesk.ui.tasks import TaskRunner


T = TypeVar("T")


class FileSession:
    def __init__(self, gui: CustomerFile, worker: CustomerFile, runner: TaskRunner) -> None:
        self.gui = gui
        self._worker = worker  # touched only inside tasks, on the worker thread
        self._runner = runner

    @property
    def path(self) -> Path:
        return self.gui.path

    @property
    def read_only(self) -> bool:
        return self.gui.read_only

    @classmethod
    def open(
        cls,
        runner: TaskRunner,
        path: Path,
        on_done: Callable[[FileSession], None],
        on_error: Callable[[BaseException], None],
        prepare: Callable[[], None] | None = None,
        cancellation: Cancellation | None = None,
        read_only: bool = False,
    ) -> None:
        """Open (checks, migration) on the worker; the GUI connection is made afterwards.

        ``prepare`` runs first on the worker (e.g. writing the demo file);
        ``cancellation`` lets the window stop a long check or migration.
        """

        def work() -> CustomerFile:
            if prepare is not None:
                prepare()
            return open_file(path, cancellation=cancellation, read_only=read_only)

        def opened(worker: CustomerFile) -> None:
            on_done(cls(worker.connect_again(), worker, runner))

        runner.run(work, on_done=opened, on_error=on_error)

    def run(
        self,
        work: Callable[[CustomerFile], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``work(worker_file)`` on the worker thread; ``on_done(result)`` (or
        ``on_error(exception)``) on the GUI thread."""
        worker = self._worker
        self._runner.run(lambda: work(worker), on_done=on_done, on_error=on_error)

    def on_worker(self, work: Callable[[CustomerFile], T]) -> Callable[[], T]:
        """``work`` bound to the worker's connection, for a task run by other means (a progress dialog's)."""
        worker = self._worker
        return lambda: work(worker)

    def query_ids(self, query: CustomerQuery, on_done: Callable[[list[int]], None]) -> None:
        self.run(lambda cf: store.customer_ids(cf, query), on_done)

    def close(self) -> None:
        worker = self._worker
        self._runner.run_blocking(worker.close)
        self.gui.close()
