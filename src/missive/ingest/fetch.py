"""Fetch one page over HTTP(S) safely: no private addresses, bounded size, time and redirects.

A URL handed to a shared service must not let a caller reach the service's own
network (SSRF). So, for every hop of a redirect chain:

1. only ``http``/``https`` are accepted;
2. the host name is resolved once and *every* address it resolves to is
   checked (loopback, private, link-local, multicast, reserved, unspecified and
   any other non-global address is refused unless ``allow_private``);
3. the connection goes to the checked address itself (the Host header and the
   TLS server name keep the original name), so a second DNS answer cannot
   swap in another address between the check and the connect (DNS rebinding).

The body is streamed and abandoned past ``max_bytes`` (after decompression, so
a gzip bomb costs no more than a big page), and the whole fetch, not only each
read, is bounded by ``timeout``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import httpx

from ..errors import InputError
from ..model import Page, Skip
from ..settings import Limits
from .pages import build_page, skip

SCHEMES = ("http", "https")
DEFAULT_MAX_BYTES = Limits.max_page_bytes
DEFAULT_TIMEOUT_S = 20.0
_REDIRECTS = (301, 302, 303, 307, 308)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(InputError):
    """A URL could not be fetched: refused, too big, too slow, or the server failed."""


@dataclass(frozen=True)
class _Target:
    """One hop, checked: the URL as given, and the address we will connect to."""

    url: httpx.URL
    address: str


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet (what a fetch may reach by default)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback, whatever its spelling
    return address.is_global and not (
        address.is_multicast
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_unspecified
    )


def _resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order (a literal IP is itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if addr not in addresses:
            addresses.append(addr)
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address")
    return addresses


def check_url(url: str | httpx.URL, allow_private: bool = False) -> _Target:
    """Validate a URL's scheme and every address of its host; return the address to connect to."""
    try:
        parsed = httpx.URL(str(url))
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"not a valid URL: {url!r}") from exc
    if parsed.scheme not in SCHEMES:
        raise FetchError(f"refused scheme {parsed.scheme or '(none)'!r} in {str(url)!r}: only http and https are fetched")
    host = parsed.host
    if not host:
        raise FetchError(f"no host in URL {str(url)!r}")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    addresses = _resolve(host, port)
    if not allow_private:
        for addr in addresses:
            if not is_public(addr):
                raise FetchError(f"refused {host!r}: it resolves to the non-public address {addr}")
    return _Target(parsed, str(addresses[0]))


def _pinned_request(client: httpx.Client, target: _Target) -> httpx.Request:
    """A GET to the checked address, with the original Host header and TLS server name."""
    url = target.url
    pinned = url.copy_with(host=target.address)
    host_header = url.host if url.port is None else f"{url.host}:{url.port}"
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return client.build_request("GET", pinned, headers={"Host": host_header}, extensions=extensions)


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    """The decoded body, aborting past ``max_bytes`` or the overall deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: the server announces {declared} bytes, over the limit of {max_bytes}")
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: response passed the limit of {max_bytes} bytes; abandoned")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: response still arriving after the time limit; abandoned")
        parts.append(chunk)
    return b"".join(parts)


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def fetch_page(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_redirects: int = 5,
    limits: Limits = Limits(),
) -> Page:
    """Fetch ``url`` into a Page, or raise FetchError (an InputError) saying why not."""
    deadline = time.monotonic() + timeout
    current: str | httpx.URL = url
    with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False) as client:
        for _hop in range(max_redirects + 1):
            target = check_url(current, allow_private)
            request = _pinned_request(client, target)
            try:
                response = client.send(request, stream=True)
                try:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = target.url.join(response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{target.url}: the server answered HTTP {response.status_code}")
                    raw = _read_capped(response, max_bytes, deadline, str(target.url))
                    content_type = response.headers.get("content-type", "")
                finally:
                    response.close()  # hangs up on a body we abandoned
            except httpx.TimeoutException as exc:
                raise FetchError(f"{target.url}: timed out after {timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{target.url}: {type(exc).__name__}: {exc}") from exc
            return _to_page(raw, str(target.url), content_type, limits)
    raise FetchError(f"{url}: more than {max_redirects} redirects; abandoned")


def _to_page(raw: bytes, url: str, content_type: str, limits: Limits) -> Page:
    media = content_type.split(";")[0].strip().lower()
    media_type = "html" if media in ("text/html", "application/xhtml+xml") else "text" if media == "text/plain" else None
    fetched = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    page = build_page(
        raw, source=url, container="http", limits=limits, media_type=media_type,
        declared=_charset(content_type), url=url, fetched_at=fetched,
    )  # fmt: skip
    if isinstance(page, Skip):
        raise FetchError(f"{url}: {page.reason}")
    return page


def fetch_pages(urls: Iterable[str], *, allow_private: bool = False, limits: Limits = Limits()) -> Iterator[Page | Skip]:
    """Fetch each URL in turn; a URL that fails becomes a Skip with the reason and the rest go on."""
    for url in urls:
        try:
            yield fetch_page(url, allow_private=allow_private, max_bytes=limits.max_page_bytes, limits=limits)
        except InputError as exc:
            yield skip(url, str(exc))


def is_url(path: str) -> bool:
    """True for an ``http://`` or ``https://`` argument (what ``read_pages`` would hand to the fetcher)."""
    return path.lower().startswith(("http://", "https://"))
