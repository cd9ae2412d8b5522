"""asyncio.protocols: the callbacks a transport calls (BaseProtocol,
Protocol). Follows CPython 3.11's asyncio behaviour; written independently
for gillab.

Invariants (the transport's side of the contract):
  - connection_made(transport) is called once, first; connection_lost(exc)
    once, last (exc None for an orderly close), and only if
    connection_made was called.
  - data_received(data) with non-empty bytes, in order; eof_received() at
    most once, after the last data_received: returning a true value keeps
    the transport open for writing, else the transport closes itself.
  - pause_writing()/resume_writing() alternate, starting with
    pause_writing(), as the transport's write buffer crosses its high and
    low water marks.
"""

__all__ = ("BaseProtocol", "Protocol")


class BaseProtocol:
    def connection_made(self, transport):
        """The connection is up; transport is how to talk back."""

    def connection_lost(self, exc):
        """The connection is closed (exc: why, or None)."""

    def pause_writing(self):
        """The transport's write buffer went over its high water mark."""

    def resume_writing(self):
        """The transport's write buffer drained to its low water mark."""


class Protocol(BaseProtocol):
    def data_received(self, data):
        """Some bytes arrived."""

    def eof_received(self):
        """The other end will send no more; return true to keep writing."""
