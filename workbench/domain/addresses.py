"""Which IP addresses are private: reached only from inside a computer or its network, where a
service answers that trusts whoever can reach it (a cloud's metadata service hands out the
machine's credentials at 169.254.169.254; an admin page listens on 127.0.0.1).

A fetch does not let a redirect move it from a public address to one of these (see
`workbench.services.paced_http`): what such a service answered would be stored as a document
every reader of the desk sees. The list is written out here rather than read from `ipaddress`'s
`is_private` / `is_global`, whose ranges changed between Python releases (3.11.10, 3.12.4,
3.13): one rule, the same on every Python the workbench runs on."""

from __future__ import annotations

import ipaddress

_V4 = (
    ("0.0.0.0/8", "unspecified"),  # "this network": Linux connects 0.0.0.0 to itself
    ("10.0.0.0/8", "private (RFC 1918)"),
    ("100.64.0.0/10", "shared (RFC 6598)"),  # carrier NAT; Alibaba Cloud's metadata service
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local"),  # the cloud metadata address 169.254.169.254
    ("172.16.0.0/12", "private (RFC 1918)"),
    ("192.0.0.0/24", "reserved (IETF protocol assignments)"),  # Oracle's old metadata address
    ("192.168.0.0/16", "private (RFC 1918)"),
    ("198.18.0.0/15", "reserved (benchmarking)"),
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/4", "reserved"),  # and the broadcast address 255.255.255.255
)
_V6 = (
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("64:ff9b:1::/48", "reserved (local-use NAT64)"),
    ("fc00::/7", "unique-local"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
)
_RANGES_V4 = tuple((ipaddress.IPv4Network(net), kind) for net, kind in _V4)
_RANGES_V6 = tuple((ipaddress.IPv6Network(net), kind) for net, kind in _V6)
# IPv6 forms that carry an IPv4 address a connection reaches: the IPv4-mapped form
# (::ffff:127.0.0.1, the loopback through an IPv6 socket), the well-known NAT64 prefix
# (64:ff9b::7f00:1, the NAT64 gateway's own loopback) and 6to4 (2002:7f00:1::).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def private_kind(address: str) -> str | None:
    """The kind of private address `address` (an IP address as a resolver gives it; an IPv6 one
    may carry its %zone) is, in words ("loopback", "link-local", "private (RFC 1918)"...), or
    None for a public one."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        ip = ip.ipv4_mapped or ip.sixtofour or _nat64(ip) or ip
    if isinstance(ip, ipaddress.IPv4Address):
        return next((kind for net, kind in _RANGES_V4 if ip in net), None)
    plain = ipaddress.IPv6Address(int(ip))  # the zone (fe80::1%eth0) set aside
    return next((kind for net, kind in _RANGES_V6 if plain in net), None)


def _nat64(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None
