"""Connections for requests: never waited for on the event loop.

The loop is what returns the connections of finished requests, so a loop blocked waiting for
a connection waits on itself until the pool times out (found by bench/load.py: 32 clients, a
pool of 15, requests failing with "QueuePool limit ... reached" after 30 s).
"""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace

from visitkb.api.deps import get_connection
from visitkb.database import make_engine


def test_a_connection_that_may_block_is_made_off_the_event_loop(database_url):
    engine = make_engine(database_url, pool_size=1, max_overflow=0)
    connect, threads = engine.connect, []

    def spying_connect():
        threads.append(threading.get_ident())
        return connect()

    engine.connect = spying_connect
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(engine=engine)))

    async def two_requests() -> int:
        for _ in range(2):
            dependency = get_connection(request)
            conn = await anext(dependency)
            conn.exec_driver_sql("SELECT 1")
            await dependency.aclose()
        return threading.get_ident()

    try:
        loop_thread = asyncio.run(two_requests())
    finally:
        engine.dispose()
    # The first finds the pool empty (connecting blocks): in a thread. The second takes the
    # connection the first returned: at once, on the loop.
    assert threads[0] != loop_thread
    assert threads[1] == loop_thread
