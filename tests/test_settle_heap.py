"""``settle_heap``: start-up garbage is collected, and what is left is frozen out of the collector's walks."""

from __future__ import annotations

import gc
import weakref

from companion.bootstrap import settle_heap


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_garbage_is_collected_and_the_rest_frozen() -> None:
    kept, dropped = _Node(), _Node()
    gone = weakref.ref(dropped)
    del dropped
    try:
        settle_heap()
        assert gone() is None  # collected before the freeze, not frozen forever
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # out of the generations the collector walks
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    assert any(obj is kept for obj in gc.get_objects())
