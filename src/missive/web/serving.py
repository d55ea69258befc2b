"""What ``missive serve`` hands uvicorn beyond the app: the HTTP protocol of each connection.

With ``--workers`` above 1, uvicorn binds the listening socket itself as
``socket.socket(AF_INET)`` (protocol number 0), and asyncio then skips
TCP_NODELAY on the accepted connections (it sets it only where the protocol
number is TCP's). Nagle's algorithm then holds back the body written after the
headers until the client's delayed ACK: about 40 ms on every keep-alive request.
Setting the option on each connection restores the one-worker behaviour.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


class NoDelayHTTP(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    """uvicorn's HTTP protocol (httptools when installed, else h11), with TCP_NODELAY set."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]
