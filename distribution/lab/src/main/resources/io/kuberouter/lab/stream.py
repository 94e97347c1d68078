#!/usr/bin/python3
"""Lab long-lived TCP connection, run inside a pod's network namespace until killed.

usage: stream.py serve PORT          echo every byte back on each accepted connection; prints "ready" once bound
       stream.py hold HOST PORT      connect once, then every 100 ms send one line and wait for its echo (1 s limit)

The holder prints "connected <local address>" once, then one status line per second:
"ok <exchanges> <longest gap in ms>", where a gap is the time between one echo and the next. The first failure
prints "broken <exchanges> <reason>" and ends it. It never reconnects: the connection surviving is the point.
"""
import socket
import sys
import threading
import time


def serve(port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", port))
    listener.listen(16)
    print("ready", flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=echo, args=(conn,), daemon=True).start()


def echo(conn):
    with conn:
        try:
            while True:
                data = conn.recv(4096)
                if not data:
                    return
                conn.sendall(data)
        except OSError:
            return


def hold(host, port):
    conn = socket.create_connection((host, port), timeout=2)
    conn.settimeout(1)
    print("connected %s:%d" % conn.getsockname(), flush=True)
    exchanges, longest, last = 0, 0.0, time.monotonic()
    next_report = last + 1
    while True:
        line = b"%d\n" % exchanges
        try:
            conn.sendall(line)
            received = b""
            while len(received) < len(line):
                chunk = conn.recv(len(line) - len(received))
                if not chunk:
                    raise OSError("closed by the peer")
                received += chunk
            if received != line:
                raise OSError("echo mismatch")
        except OSError as e:
            print("broken %d %s" % (exchanges, e), flush=True)
            return
        now = time.monotonic()
        exchanges, longest, last = exchanges + 1, max(longest, now - last), now
        if now >= next_report:
            print("ok %d %d" % (exchanges, longest * 1000), flush=True)
            next_report = now + 1
        time.sleep(0.1)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    else:
        hold(sys.argv[2], int(sys.argv[3]))
