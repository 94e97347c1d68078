#!/usr/bin/env python3
"""Split the BGP messages out of a pcap (Ethernet, IPv4/IPv6, TCP port 179).

Usage: pcap2bgp.py capture.pcap OUTDIR
Reassembles each TCP direction by sequence number (retransmissions dropped), cuts the byte
stream at the BGP header length field (RFC 4271 section 4.1) and writes one numbered file per
message: NNN-<src>-to-<dst>-<TYPE>.hex (hex, 32 bytes per line).
"""
import os, struct, sys, ipaddress

TYPES = {1: "OPEN", 2: "UPDATE", 3: "NOTIFICATION", 4: "KEEPALIVE", 5: "ROUTE-REFRESH"}

def packets(path):
    with open(path, "rb") as f:
        magic, = struct.unpack("<I", f.read(4))
        assert magic == 0xa1b2c3d4, "little-endian microsecond pcap expected"
        f.read(20)
        while header := f.read(16):
            ts_sec, ts_usec, incl, _ = struct.unpack("<IIII", header)
            yield ts_sec + ts_usec / 1e6, f.read(incl)

def tcp_segment(frame):
    ethertype, = struct.unpack("!H", frame[12:14])
    ip = frame[14:]
    if ethertype == 0x0800:
        ihl = (ip[0] & 0x0F) * 4
        total, = struct.unpack("!H", ip[2:4])
        src, dst, proto, tcp = ip[12:16], ip[16:20], ip[9], ip[ihl:total]
    elif ethertype == 0x86DD:
        plen, = struct.unpack("!H", ip[4:6])
        src, dst, proto, tcp = ip[8:24], ip[24:40], ip[6], ip[40:40 + plen]
    else:
        return None
    if proto != 6:
        return None
    sport, dport, seq = struct.unpack("!HHI", tcp[:8])
    offset = (tcp[12] >> 4) * 4
    flow = (str(ipaddress.ip_address(src)), sport, str(ipaddress.ip_address(dst)), dport)
    return flow, seq, tcp[offset:]

def streams(path):
    segments = {}
    for ts, frame in packets(path):
        parsed = tcp_segment(frame)
        if parsed and parsed[2]:
            flow, seq, payload = parsed
            segments.setdefault(flow, {}).setdefault(seq, (ts, payload))
    for flow, by_seq in segments.items():
        yield flow, sorted(by_seq.items())

def messages(flow, ordered):
    buffer, first_ts = b"", None
    for _, (ts, payload) in ordered:
        buffer += payload
        first_ts = first_ts or ts
        while len(buffer) >= 19:
            length, = struct.unpack("!H", buffer[16:18])
            if len(buffer) < length:
                break
            yield ts, flow, buffer[:length]
            buffer = buffer[length:]

def main(pcap, outdir):
    os.makedirs(outdir, exist_ok=True)
    found = sorted(m for flow, ordered in streams(pcap) for m in messages(flow, ordered))
    for index, (_, flow, message) in enumerate(found):
        name = "%03d-%s-to-%s-%s.hex" % (index, flow[0], flow[2], TYPES.get(message[18], "TYPE%d" % message[18]))
        with open(os.path.join(outdir, name.replace(":", "_")), "w") as out:
            out.write("\n".join(message[i:i + 32].hex() for i in range(0, len(message), 32)) + "\n")
        print(name, len(message))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
