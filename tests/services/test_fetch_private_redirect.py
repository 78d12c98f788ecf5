"""fetchsafe: a page the user asked for is fetched from where they said, but a redirect does not
move the fetch from a public address to a private one (loopback, link-local with the cloud
metadata service, RFC 1918, unique-local...): on a team desk, what a private service answered
would be stored as a document everyone reads. The address judged is the one connected to (one
look-up per hop: no second look-up that a rebinding name could answer otherwise), and the
look-up itself is held to the fetch's deadline.

No network: two http.server servers on loopback, 127.0.0.2 standing in for a public host (the
tests say so by patching the classification of that one address) and 127.0.0.1 the private
service; host names are answered by a patched resolver."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from tests.inprocess import Outcome
from tests.local_site import serving
from tests.services.test_fetch_deadline import (  # noqa: F401
    TIMEOUT,
    fetched_within,
    run,
)
from workbench.domain.errors import WorkbenchError
from workbench.services import paced_http
from workbench.services.fetch import Fetched

ARTICLE = (
    "<html><head><title>Jobs</title></head><body><article><p>"
    + "The minister said unemployment rose to 7 percent in 2021. " * 10
    + "</p></article></body></html>"
).encode()
# What an internal service answers (as a page, so that `doc add` would store it).
SECRET = (
    "<html><head><title>Instance credentials</title></head><body><article><p>"
    + "The access key of this instance is ASIA-not-for-the-desk, valid for an hour. " * 10
    + "</p></article></body></html>"
).encode()
PUBLIC_IP = "127.0.0.2"  # a public host, as these tests have it


class Site:
    """An http.server on `ip` in a thread: `routes` maps a path to a redirect target (str) or a
    page (bytes); `asked` lists the paths requested, in order."""

    def __init__(self, ip: str, port: int = 0) -> None:
        self.routes: dict[str, str | bytes] = {}
        self.asked: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.asked.append(self.path)
                route = site.routes.get(self.path)
                if isinstance(route, str):
                    self.send_response(302)
                    self.send_header("Location", route)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = route if route is not None else b"not here"
                self.send_response(200 if route is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet

        self._serving = serving(Handler, ip, port)
        self.server = self._serving.__enter__()
        self.port = self.server.server_address[1]
        self.base = f"http://{ip}:{self.port}"

    def close(self) -> None:
        self._serving.__exit__(None, None, None)


@pytest.fixture
def sites() -> Iterator[tuple[Site, Site]]:
    """(public, private): the news site and the private service."""
    public, private = Site(PUBLIC_IP), Site("127.0.0.1")
    try:
        yield public, private
    finally:
        public.close()
        private.close()


@pytest.fixture
def public_stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.2 judged public, every other address as the rule judges it."""
    real = getattr(paced_http, "private_kind", lambda address: "loopback")
    monkeypatch.setattr(
        paced_http,
        "private_kind",
        lambda address: None if address == PUBLIC_IP else real(address),
        raising=False,
    )


Answers = dict[str, list[str]]


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """A resolver answering the names put in the dict (each look-up takes the next of its
    answers, the last one repeated: a rebinding name; an answer "a,b" gives both addresses, in
    that order), others as the system does."""
    answers: Answers = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        key = host.decode() if isinstance(host, bytes) else host
        if key in answers:
            given = answers[key]
            ips = given.pop(0) if len(given) > 1 else given[0]
            return [found for ip in ips.split(",") for found in real(ip, port, *args, **kwargs)]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def refused_as_private(got: object, hop: str, address: str) -> WorkbenchError:
    assert isinstance(got, WorkbenchError), got
    assert got.reason == "private_redirect", got.message
    assert f"redirects to {hop}, " in got.message, got.message
    assert f"{address}, a loopback address" in got.message, got.message
    return got


@pytest.mark.usefixtures("public_stand_in")
def test_a_redirect_from_a_public_host_to_loopback_is_refused(sites: tuple[Site, Site]) -> None:
    public, private = sites
    private.routes["/latest/meta-data"] = SECRET
    public.routes["/story"] = f"{private.base}/latest/meta-data"
    got = fetched_within(f"{public.base}/story")
    refused_as_private(got, f"{private.base}/latest/meta-data", "127.0.0.1")
    assert private.asked == []  # not even asked


@pytest.mark.usefixtures("public_stand_in")
def test_a_public_name_resolving_to_a_private_address_after_a_redirect_is_refused(
    sites: tuple[Site, Site], names: Answers
) -> None:
    public, private = sites
    names["news.test"] = [PUBLIC_IP]
    names["intranet.test"] = ["127.0.0.1"]
    private.routes["/admin"] = SECRET
    public.routes["/story"] = f"http://intranet.test:{private.port}/admin"
    got = fetched_within(f"http://news.test:{public.port}/story")
    refused_as_private(got, f"http://intranet.test:{private.port}/admin", "127.0.0.1")
    assert private.asked == []


@pytest.mark.usefixtures("public_stand_in")
def test_a_name_that_rebinds_between_check_and_connect_reaches_no_private_address(
    sites: tuple[Site, Site], names: Answers
) -> None:
    """A name answering public to one look-up and private to the next: were the address checked
    by a look-up of its own before connecting, the connection's look-up would reach the private
    service. Judged on the address connected to, the fetch goes to the public address (where
    nothing listens on that port) and the private service is never asked."""
    public, private = sites
    names["news.test"] = [PUBLIC_IP]
    names["rebind.test"] = [PUBLIC_IP, "127.0.0.1"]
    private.routes["/admin"] = SECRET
    public.routes["/story"] = f"http://rebind.test:{private.port}/admin"
    got = fetched_within(f"http://news.test:{public.port}/story")
    assert private.asked == []
    assert isinstance(got, WorkbenchError), got


@pytest.mark.usefixtures("public_stand_in")
def test_a_name_at_a_private_and_a_public_address_is_reached_at_the_public_one(
    sites: tuple[Site, Site], names: Answers
) -> None:
    """After a public host, a name resolving to a private address first and a public one next
    (a rebinding name's other trick): connected to at the public one only, as a connection
    would have taken the first."""
    public, _ = sites
    private = Site("127.0.0.1", public.port)  # the same port, at the private address
    try:
        names["news.test"] = [PUBLIC_IP]
        names["both.test"] = [f"127.0.0.1,{PUBLIC_IP}"]
        private.routes["/page"] = SECRET
        public.routes["/story"] = f"http://both.test:{public.port}/page"
        public.routes["/page"] = ARTICLE
        got = fetched_within(f"http://news.test:{public.port}/story")
    finally:
        private.close()
    assert isinstance(got, Fetched), got
    assert got.data == ARTICLE
    assert private.asked == []


@pytest.mark.usefixtures("public_stand_in")
def test_a_redirect_back_to_private_after_a_private_start_is_the_users_choice(
    sites: tuple[Site, Site],
) -> None:
    """A URL typed that names a private address is fetched, and so are its redirects within
    private addresses (an intranet wiki's login hop); one that passes through a public host on
    the way is refused when it comes back."""
    public, private = sites
    private.routes["/wiki"] = "/wiki/Main"
    private.routes["/wiki/Main"] = ARTICLE
    got = fetched_within(f"{private.base}/wiki")
    assert isinstance(got, Fetched), got
    assert got.data == ARTICLE

    private.routes["/out"] = f"{public.base}/bounce"
    public.routes["/bounce"] = f"{private.base}/wiki/Main"
    got = fetched_within(f"{private.base}/out")
    refused_as_private(got, f"{private.base}/wiki/Main", "127.0.0.1")


def test_the_rule_names_each_private_range() -> None:
    from workbench.domain.addresses import private_kind

    kinds = {
        "127.0.0.1": "loopback",
        "127.255.0.9": "loopback",
        "::1": "loopback",
        "169.254.169.254": "link-local",
        "fe80::1": "link-local",
        "10.1.2.3": "private (RFC 1918)",
        "172.16.0.1": "private (RFC 1918)",
        "172.31.255.255": "private (RFC 1918)",
        "192.168.1.1": "private (RFC 1918)",
        "fc00::1": "unique-local",
        "fd12:3456::1": "unique-local",
        "0.0.0.0": "unspecified",
        "::": "unspecified",
        "::ffff:127.0.0.1": "loopback",
        "::ffff:169.254.169.254": "link-local",
        "::ffff:10.0.0.1": "private (RFC 1918)",
        "100.100.100.200": "shared (RFC 6598)",
        # The other ranges the README lists, and the IPv6 forms carrying an IPv4 address.
        "192.0.0.192": "reserved (IETF protocol assignments)",
        "198.19.255.1": "reserved (benchmarking)",
        "224.0.0.1": "multicast",
        "255.255.255.255": "reserved",
        "ff02::1": "multicast",
        "fec0::1": "site-local",
        "fe80::1%eth0": "link-local",
        "64:ff9b::a9fe:a9fe": "link-local",
        "64:ff9b:1::1": "reserved (local-use NAT64)",
        "2002:7f00:1::1": "loopback",
        "2002:a00:1::": "private (RFC 1918)",
    }
    for address, kind in kinds.items():
        assert private_kind(address) == kind, address
    publics = ("8.8.8.8", "172.32.0.1", "93.184.215.14", "2606:4700::1111", "::ffff:8.8.8.8")
    # Just past the ranges, and public IPv4 addresses in the IPv6 forms.
    publics += ("100.128.0.1", "198.20.0.1", "192.0.1.1", "64:ff9b::808:808", "2002:808:808::1")
    for public in publics:
        assert private_kind(public) is None, public


def test_doc_add_of_a_page_redirecting_to_a_private_address_stores_nothing(
    sites: tuple[Site, Site],
    public_stand_in: None,
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    public, private = sites
    private.routes["/latest/meta-data"] = SECRET
    public.routes["/story"] = f"{private.base}/latest/meta-data"
    r = run("doc", "add", f"{public.base}/story")
    assert r.crash is None, repr(r.crash)
    assert r.code == 1, r
    assert r.err.count("\n") == 1, r.err
    assert f"redirects to {private.base}/latest/meta-data" in r.err, r.err
    assert private.asked == []
    listed = run("doc", "list")
    assert listed.code == 0, listed
    assert "meta-data" not in listed.out and "127.0.0.1" not in listed.out, listed.out


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A forward proxy at 127.0.0.2 (it answers for the page itself: its routes are keyed by
    the absolute URL asked of it), set in http_proxy with the private service's address in
    no_proxy, as a cloud machine is told to set them (so that 169.254.169.254 is not asked of
    the proxy)."""
    # The runner's own settings set aside (urllib ignores HTTP_PROXY when REQUEST_METHOD is set).
    for name in ("HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    for name in ("NO_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
    site = Site(PUBLIC_IP)
    monkeypatch.setenv("http_proxy", site.base)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost,169.254.169.254")
    try:
        yield site
    finally:
        site.close()


def test_a_page_fetched_through_a_proxy_does_not_redirect_past_it_to_a_private_address(
    sites: tuple[Site, Site], proxy: Site
) -> None:
    """The page came through the proxy, so no address of its was judged here; its redirect to
    an address no_proxy sends around the proxy was connected to directly, as if the fetch had
    started at a private address: the private service's page was fetched."""
    _, private = sites
    private.routes["/latest/meta-data"] = SECRET
    proxy.routes["http://news.test/story"] = f"{private.base}/latest/meta-data"
    got = fetched_within("http://news.test/story")
    refused_as_private(got, f"{private.base}/latest/meta-data", "127.0.0.1")
    assert "news.test" in got.message, got.message  # the page reached before, through the proxy
    assert proxy.asked == ["http://news.test/story"]
    assert private.asked == []


def test_a_private_address_typed_through_a_proxy_may_redirect_to_a_private_one(
    sites: tuple[Site, Site], proxy: Site
) -> None:
    """A URL typed that names a private address is the user's choice through a proxy too: its
    redirect to another private address is followed."""
    _, private = sites
    private.routes["/wiki/Main"] = ARTICLE
    proxy.routes["http://10.20.30.40/wiki"] = f"{private.base}/wiki/Main"
    got = fetched_within("http://10.20.30.40/wiki")
    assert isinstance(got, Fetched), got
    assert got.data == ARTICLE
    assert private.asked == ["/wiki/Main"]


def test_a_proxied_page_does_not_redirect_through_the_proxy_to_an_address_written_private(
    sites: tuple[Site, Site], proxy: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no_proxy not listing the metadata address (the proxy is asked for it), a public
    page's redirect to http://169.254.169.254/... names a private address as written: known
    here without a look-up, it is refused before the proxy is asked, as the same redirect
    around the proxy is. Before, every hop through the proxy was left to it, and a proxy on a
    cloud machine fetches the instance's credentials for whoever asks."""
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    metadata = "http://169.254.169.254/latest/meta-data"
    proxy.routes[metadata] = SECRET
    proxy.routes["http://news.test/story"] = metadata
    got = fetched_within("http://news.test/story")
    assert isinstance(got, WorkbenchError), got
    assert got.reason == "private_redirect", got.message
    assert f"redirects to {metadata}, " in got.message, got.message
    assert "169.254.169.254, a link-local" in got.message, got.message
    assert proxy.asked == ["http://news.test/story"]
