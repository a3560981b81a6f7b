"""Two writers at the same moment, on PostgreSQL, with a fixed interleaving.

The first holds its transaction open after its write; the second starts then. With a real
lock the second waits for the first to commit and then sees its write; without one it
goes ahead on what it read, and both win. No sleep decides who is first.
"""

import threading

from django.db import connection, transaction


def race(first, second, *, hold_seconds: float = 0.5) -> tuple[object, object]:
    """Run ``first`` and ``second`` (callables) in two threads as described above; return
    what each returned or raised."""
    results: list[object] = [None, None]
    first_wrote, release = threading.Event(), threading.Event()

    def run_first():
        try:
            with transaction.atomic():
                results[0] = first()
                first_wrote.set()
                release.wait(10)
        except Exception as error:  # the test reads what was raised
            results[0] = error
        finally:
            first_wrote.set()
            connection.close()

    def run_second():
        first_wrote.wait(10)
        try:
            results[1] = second()
        except Exception as error:  # idem
            results[1] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    first_wrote.wait(10)
    # The second thread is now blocked on the lock (or, without one, already done).
    threads[1].join(hold_seconds)
    release.set()
    for thread in threads:
        thread.join(30)
    return results[0], results[1]
