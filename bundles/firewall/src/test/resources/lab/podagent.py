#!/usr/bin/env python3
"""A pod of the firewall lab: serves its name on TCP, UDP and SCTP ports and probes other pods on command.

Usage: podagent.py NAME PORTS ADDRESS...   (PORTS comma-separated, e.g. 80,81; one address per family)

Commands on stdin, one per line: "ID PROTO ADDRESS PORT TIMEOUT_MS" (PROTO tcp|udp|sctp); answers on stdout:
"ID ok NAME" with the name the server answered, or "ID fail REASON". "READY" is printed once every server listens.

The host kernel has no SCTP stack (CONFIG_IP_SCTP is off) but netfilter tracks and matches SCTP, so SCTP is
spoken over raw sockets: the prober sends an INIT, the server answers an INIT-ACK whose State Cookie carries its
name. That is the part of the association conntrack needs to see a NEW connection and its reply (RFC 9260 5.1).
"""
import os
import random
import socket
import struct
import sys
import threading
import time

SCTP = 132
INIT, INIT_ACK, STATE_COOKIE = 1, 2, 7
OUT = threading.Lock()


def crc32c_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


CRC_TABLE = crc32c_table()


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def sctp_packet(sport, dport, vtag, chunk):
    """Common header + one chunk; the CRC32c checksum is sent least significant byte first (RFC 9260 App. A)."""
    header = struct.pack("!HHII", sport, dport, vtag, 0)
    packet = header + chunk
    return packet[:8] + struct.pack("<I", crc32c(packet)) + packet[12:]


def init_chunk(chunk_type, tag, params=b""):
    body = struct.pack("!IIHHI", tag, 65535, 1, 1, tag) + params
    return struct.pack("!BBH", chunk_type, 0, 4 + len(body)) + body


def family(address):
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def sctp_payload(data, fam):
    """The SCTP part of a raw receive: IPv4 raw sockets include the IP header, IPv6 ones do not."""
    return data[(data[0] & 0x0F) * 4:] if fam == socket.AF_INET else data


def say(line):
    with OUT:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def serve_tcp(name, address, port):
    s = socket.socket(family(address), socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, port))
    s.listen(128)

    def loop():
        while True:
            conn, _ = s.accept()
            try:
                conn.sendall((name + "\n").encode())
            finally:
                conn.close()
    threading.Thread(target=loop, daemon=True).start()


def serve_udp(name, address, port):
    s = socket.socket(family(address), socket.SOCK_DGRAM)
    s.bind((address, port))

    def loop():
        while True:
            _, peer = s.recvfrom(512)
            s.sendto(name.encode(), peer)
    threading.Thread(target=loop, daemon=True).start()


def serve_sctp(name, fam, ports):
    s = socket.socket(fam, socket.SOCK_RAW, SCTP)
    cookie = name.encode()
    param = struct.pack("!HH", STATE_COOKIE, 4 + len(cookie)) + cookie + b"\0" * (-len(cookie) % 4)

    def loop():
        while True:
            data, peer = s.recvfrom(65535)
            packet = sctp_payload(data, fam)
            if len(packet) < 32:
                continue
            sport, dport = struct.unpack("!HH", packet[:4])
            if packet[12] != INIT or dport not in ports:
                continue
            their_tag = struct.unpack("!I", packet[16:20])[0]
            reply = init_chunk(INIT_ACK, random.getrandbits(31) | 1, param)
            s.sendto(sctp_packet(dport, sport, their_tag, reply), (peer[0], 0))
    threading.Thread(target=loop, daemon=True).start()


def probe_stream(proto, address, port, timeout):
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    with socket.socket(family(address), kind) as s:
        s.settimeout(timeout)
        s.connect((address, port))
        if proto == "udp":
            s.send(b"probe")
        return s.recv(512).decode().strip()


def probe_sctp(address, port, timeout):
    fam = family(address)
    with socket.socket(fam, socket.SOCK_RAW, SCTP) as s:
        sport, tag = random.randint(20000, 60000), random.getrandbits(31) | 1
        s.sendto(sctp_packet(sport, port, 0, init_chunk(INIT, tag)), (address, 0))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data, peer = s.recvfrom(65535)
            except socket.timeout:
                break
            packet = sctp_payload(data, fam)
            if (peer[0] == address and len(packet) > 36 and packet[12] == INIT_ACK
                    and struct.unpack("!HHI", packet[:8]) == (port, sport, tag)):
                length = struct.unpack("!H", packet[34:36])[0]
                return packet[36:32 + length].decode()
        raise socket.timeout("no INIT-ACK")


def probe(line):
    ident, proto, address, port, timeout_ms = line.split()
    try:
        timeout = int(timeout_ms) / 1000.0
        if proto == "sctp":
            answer = probe_sctp(address, int(port), timeout)
        else:
            answer = probe_stream(proto, address, int(port), timeout)
        say(f"{ident} ok {answer}")
    except OSError as e:
        say(f"{ident} fail {type(e).__name__}")


def main():
    name, ports = sys.argv[1], [int(p) for p in sys.argv[2].split(",")]
    addresses = sys.argv[3:]
    for address in addresses:
        for port in ports:
            serve_tcp(name, address, port)
            serve_udp(name, address, port)
        serve_sctp(name, family(address), set(ports))
    say("READY")
    for line in sys.stdin:
        if line.strip():
            threading.Thread(target=probe, args=(line,), daemon=True).start()
    os._exit(0)


if __name__ == "__main__":
    main()
