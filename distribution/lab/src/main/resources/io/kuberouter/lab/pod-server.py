#!/usr/bin/python3
"""Lab pod server, run inside a pod's network namespace until killed.

usage: pod-server.py NAME PROTO:PORT...   (PROTO: tcp, udp, sctp)
Answers NAME plus a newline on every port: a TCP or SCTP connection gets it and is closed, a UDP datagram gets it as
the reply. Prints "ready" once every port is bound; a port of a protocol the kernel lacks is reported ("skipped ...")
and left out, so the probe of it fails instead.
"""
import selectors
import socket
import sys

IPPROTO_SCTP = getattr(socket, "IPPROTO_SCTP", 132)


def listen(proto, port):
    if proto == "udp":
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_SCTP if proto == "sctp" else 0)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("0.0.0.0", port))
    if proto != "udp":
        sock.listen(128)
    sock.setblocking(False)
    return sock


def serve(sock, proto, answer):
    try:
        if proto == "udp":
            _, peer = sock.recvfrom(2048)
            sock.sendto(answer, peer)
        else:
            conn, _ = sock.accept()
            with conn:
                conn.settimeout(1)
                conn.sendall(answer)
    except OSError:
        pass  # a peer that went away must not stop the server


def main():
    answer = sys.argv[1].encode() + b"\n"
    selector = selectors.DefaultSelector()
    for spec in sys.argv[2:]:
        proto, port = spec.split(":")
        try:
            selector.register(listen(proto, int(port)), selectors.EVENT_READ, proto)
        except OSError as e:
            print(f"skipped {spec}: {e.strerror}", flush=True)
    print("ready", flush=True)
    while True:
        for key, _ in selector.select():
            serve(key.fileobj, key.data, answer)


if __name__ == "__main__":
    main()
