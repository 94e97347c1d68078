#!/usr/bin/env python3
"""A scripted BGP peer that sends malformed messages and records what the real speaker answers.

Usage: rawpeer.py TARGET_IP OUTDIR [SKIPPED_SCENARIO...]
(run inside the peer's netns; source addresses 10.99.0.101..116 must exist there)
Each scenario connects from its own source address (one neighbour per scenario on the target, so
no error back-off interferes), optionally establishes the session, sends its probe (also written as
OUTDIR/<scenario>-probe.hex) and writes every message received within 3 s as
OUTDIR/<scenario>-<n>-<type>.hex.
"""
import os, socket, struct, sys, time

TYPES = {1: "open", 2: "update", 3: "notification", 4: "keepalive", 5: "route-refresh"}
MY_AS = 65003

def message(msg_type, body, marker=b"\xff" * 16, length=None):
    return marker + struct.pack("!HB", length if length is not None else 19 + len(body), msg_type) + body

def open_message(source, version=4, hold=90, bgp_id=None, caps=None):
    caps = caps if caps is not None else bytes.fromhex("010400010001" "41040000fdeb")
    params = bytes([2, len(caps)]) + caps
    bgp_id = socket.inet_aton(bgp_id or source)
    return message(1, struct.pack("!BHH", version, MY_AS, hold) + bgp_id + bytes([len(params)]) + params)

def attr(flags, code, value):
    return bytes([flags, code, len(value)]) + value

ORIGIN = attr(0x40, 1, b"\x00")
AS_PATH = attr(0x40, 2, bytes.fromhex("0201") + struct.pack("!I", MY_AS))
def NEXT_HOP(source):
    return attr(0x40, 3, socket.inet_aton(source))
NLRI = bytes.fromhex("180af432")  # 10.244.50.0/24
MP_REACH_V6 = attr(0x80, 14, bytes.fromhex("000201" "10" "fd990000000000000000000000000001" "00" "30fd0002440032"))

def update(attributes, nlri=NLRI, withdrawn=b""):
    return message(2, struct.pack("!H", len(withdrawn)) + withdrawn + struct.pack("!H", len(attributes)) + attributes + nlri)

def scenarios(source):
    base = ORIGIN + AS_PATH + NEXT_HOP(source)
    return [
        ("open-version-3", False, open_message(source, version=3)),
        ("open-hold-time-1", False, open_message(source, hold=1)),
        ("open-bgp-id-zero", False, open_message(source, bgp_id="0.0.0.0")),
        ("open-unsupported-parameter", False, message(1, bytes.fromhex("04fdeb005a") + socket.inet_aton(source) + bytes.fromhex("03010100"))),
        ("header-bad-marker", False, message(4, b"", marker=b"\xff" * 15 + b"\x00")),
        ("header-length-18", False, message(4, b"", length=18)),
        ("type-9", True, message(9, b"")),
        ("keepalive-with-body", True, message(4, b"\x00")),
        ("update-origin-7", True, update(attr(0x40, 1, b"\x07") + AS_PATH + NEXT_HOP(source))),
        ("update-origin-flags-optional", True, update(attr(0xC0, 1, b"\x00") + AS_PATH + NEXT_HOP(source))),
        ("update-missing-next-hop", True, update(ORIGIN + AS_PATH)),
        ("update-unrecognized-well-known", True, update(base + attr(0x40, 99, b"\x01\x02"))),
        ("update-duplicate-mp-reach", True, update(ORIGIN + AS_PATH + MP_REACH_V6 + MP_REACH_V6, nlri=b"")),
        ("update-nlri-prefix-33", True, update(base, nlri=bytes.fromhex("210af4320000"))),
        ("update-withdrawn-length-overrun", True, message(2, bytes.fromhex("00ff0000"))),
        ("update-atomic-aggregate-length-1", True, update(base + attr(0x40, 6, b"\x00"))),
    ]

def read_messages(sock, seconds):
    sock.settimeout(0.3)
    data, deadline = b"", time.time() + seconds
    while time.time() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    messages = []
    while len(data) >= 19:
        length = struct.unpack("!H", data[16:18])[0]
        messages.append(data[:length])
        data = data[length:]
    return messages

def write_hex(path, msg):
    with open(path, "w") as out:
        out.write("\n".join(msg[i:i + 32].hex() for i in range(0, len(msg), 32)) + "\n")

def run(target, outdir, source, name, establish, probe):
    write_hex(os.path.join(outdir, "%s-probe.hex" % name), probe)
    sock = socket.socket()
    sock.bind((source, 0))
    sock.connect((target, 179))
    received = []
    if establish:
        sock.sendall(open_message(source) + message(4, b""))
        received += read_messages(sock, 2)
    sock.sendall(probe)
    received += read_messages(sock, 3)
    sock.close()
    for n, msg in enumerate(received):
        write_hex(os.path.join(outdir, "%s-%d-%s.hex" % (name, n, TYPES.get(msg[18], "type%d" % msg[18]))), msg)
    print(name, [TYPES.get(m[18]) + (":%d/%d" % (m[19], m[20]) if m[18] == 3 else "") for m in received])

def main(target, outdir, skipped):
    os.makedirs(outdir, exist_ok=True)
    for index in range(len(scenarios("0.0.0.0"))):
        source = "10.99.0.%d" % (101 + index)
        name, establish, probe = scenarios(source)[index]
        if name not in skipped:
            run(target, outdir, source, name, establish, probe)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
