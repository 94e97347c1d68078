# A packet capture without tcpdump (not installed): AF_PACKET on one interface for some seconds, one line per
# IPv4 packet: direction, outer addresses, and for IP-in-IP (protocol 4) the inner packet. Prints "ready" first.
import socket, struct, sys, time

iface, seconds = sys.argv[1], float(sys.argv[2])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(0x0003))
s.bind((iface, 0))
s.settimeout(0.2)
end = time.time() + seconds
print("ready", flush=True)


def transport(packet, offset, proto):
    if proto == 6 and len(packet) >= offset + 14:
        sport, dport = struct.unpack("!HH", packet[offset:offset + 4])
        flags = packet[offset + 13]
        names = "".join(n for bit, n in ((2, "S"), (16, "."), (1, "F"), (4, "R"), (8, "P")) if flags & bit)
        return " tcp %d > %d [%s]" % (sport, dport, names)
    return " proto %d" % proto


while time.time() < end:
    try:
        data, addr = s.recvfrom(65535)
    except socket.timeout:
        continue
    if struct.unpack("!H", data[12:14])[0] != 0x0800:
        continue
    ip = data[14:]
    ihl = (ip[0] & 15) * 4
    way = "out" if addr[2] == socket.PACKET_OUTGOING else "in"
    line = "%s %s > %s" % (way, socket.inet_ntoa(ip[12:16]), socket.inet_ntoa(ip[16:20]))
    if ip[9] == 4:
        inner = ip[ihl:]
        line += " ipip [%s > %s%s]" % (socket.inet_ntoa(inner[12:16]), socket.inet_ntoa(inner[16:20]),
                                       transport(inner, (inner[0] & 15) * 4, inner[9]))
    else:
        line += transport(ip, ihl, ip[9])
    print(line, flush=True)
