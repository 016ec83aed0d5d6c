"""TaskRunner delivers results on the GUI thread; stale generations are dropped."""

from __future__ import annotations

import threading

import pytest

from crmdesk.ui.tasks import Generation, InlineExecutor, TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    with qtbot.waitSignal(runner.finished):
        runner.run(work, on_done=lambda r: seen.update(result=r, thread=threading.current_thread()))
    runner.shutdown()
    assert seen["result"] == 42
    assert seen["thread"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_errors_go_to_on_error(qtbot):
    runner = TaskRunner(InlineExecutor())
    errors = []
    with qtbot.waitSignal(runner.finished):
        runner.run(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)


def test_generation_keeps_only_the_latest():
    generation = Generation()
    first, second = generation.next(), generation.next()
    assert not generation.is_latest(first)
    assert generation.is_latest(second)


@pytest.mark.parametrize("count", [1, 5])
def test_tasks_run_in_submission_order(qtbot, count):
    runner = TaskRunner()
    order = []
    for i in range(count):
        runner.run(lambda i=i: i, on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == count)
    runner.shutdown()
    assert order == list(range(count))
