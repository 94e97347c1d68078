#!/usr/bin/python3
"""Lab probe client, run inside the source pod's network namespace.

stdin:  {"timeout": SECONDS, "targets": [[ADDRESS, PORT, PROTO], ...]}   (PROTO: TCP, UDP, SCTP)
stdout: a JSON list with one result per target, in order: the first line the target answered (a pod name), or
        "timeout", "refused", "unreachable", "unsupported", "error: <reason>".
Targets are probed in parallel; each takes at most 2 x timeout (connect, then answer), so the whole run is bounded.
"""
import concurrent.futures
import errno
import json
import socket
import sys

IPPROTO_SCTP = getattr(socket, "IPPROTO_SCTP", 132)
IP_RECVERR = getattr(socket, "IP_RECVERR", 11)  # Linux <netinet/in.h>; Python 3.11 lacks the name
UNREACHABLE = (errno.EHOSTUNREACH, errno.ENETUNREACH)
UNSUPPORTED = (errno.EPROTONOSUPPORT, errno.ESOCKTNOSUPPORT, errno.EAFNOSUPPORT)


def open_socket(proto):
    if proto == "UDP":
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        # without it a connected UDP socket ignores ICMP host/net unreachable and the probe would time out
        sock.setsockopt(socket.IPPROTO_IP, IP_RECVERR, 1)
        return sock
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_SCTP if proto == "SCTP" else 0)


def exchange(sock, proto):
    if proto == "UDP":
        sock.send(b"probe\n")
        return sock.recv(2048)
    data = b""
    while b"\n" not in data:
        chunk = sock.recv(2048)
        if not chunk:
            break
        data += chunk
    return data


def probe(address, port, proto, timeout):
    try:
        sock = open_socket(proto)
    except OSError as e:
        return "unsupported" if e.errno in UNSUPPORTED else f"error: {e.strerror}"
    with sock:
        sock.settimeout(timeout)
        try:
            sock.connect((address, port))
            answer = exchange(sock, proto).decode(errors="replace").strip()
            return answer.splitlines()[0] if answer else "error: empty answer"
        except socket.timeout:
            return "timeout"
        except ConnectionRefusedError:
            return "refused"
        except OSError as e:
            return "unreachable" if e.errno in UNREACHABLE else f"error: {e.strerror}"


def main():
    request = json.load(sys.stdin)
    targets = request["targets"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(64, max(1, len(targets)))) as pool:
        futures = [pool.submit(probe, a, p, proto, request["timeout"]) for a, p, proto in targets]
        json.dump([f.result() for f in futures], sys.stdout)


if __name__ == "__main__":
    main()
