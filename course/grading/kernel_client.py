"""The grader's side of a sandboxed kernel's channels: never asleep on a message that has come, and
deaf to a single message over a size cap."""

from __future__ import annotations

import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from traitlets import Integer, Type

__all__ = ["WakefulChannel", "LimitedKernelClient"]


class WakefulChannel(AsyncZMQSocketChannel):
    """Waits for a message in short slices, looking again at the socket each time.

    pyzmq's asyncio sockets sometimes miss the wake-up of a message that has arrived; one long
    wait then lasts its whole timeout (two minutes between two cells, say). A fresh look every
    WAKE_SECONDS bounds such a stall to a moment.
    """

    WAKE_SECONDS = 0.5

    async def get_msg(self, timeout: float | None = None) -> dict:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            wait = self.WAKE_SECONDS if left is None else min(self.WAKE_SECONDS, left)
            try:
                return await super().get_msg(timeout=wait)
            except Empty:
                if left is not None and left <= self.WAKE_SECONDS:
                    raise


class LimitedKernelClient(AsyncKernelClient):
    """A kernel client whose sockets drop any single message above ``largest_message_mb`` unread,
    and that never sleeps through a message that has arrived (see :class:`WakefulChannel`)."""

    largest_message_mb = Integer(64)
    shell_channel_class = Type(WakefulChannel)
    iopub_channel_class = Type(WakefulChannel)
    control_channel_class = Type(WakefulChannel)

    def _context_default(self):
        import zmq

        context = super()._context_default()
        context.setsockopt(zmq.MAXMSGSIZE, self.largest_message_mb * 2**20)
        return context
