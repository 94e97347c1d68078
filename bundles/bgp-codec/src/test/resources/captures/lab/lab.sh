#!/bin/bash
# Re-creates the captures of ../README.md. Run as root from this directory; needs gobgpd, gobgp,
# bird, birdc, tcpdump, python3. Everything lives in two network namespaces and a mktemp dir, and
# is removed on exit (processes are killed by PID).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d /tmp/bgp-codec-lab.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  ip netns del kbc-a 2>/dev/null || true
  ip netns del kbc-b 2>/dev/null || true
  echo "results kept in $T"
}
trap cleanup EXIT

ip netns add kbc-a
ip netns add kbc-b
ip link add kbc-va type veth peer name kbc-vb
ip link set kbc-va netns kbc-a
ip link set kbc-vb netns kbc-b
for ns in a b; do ip -n kbc-$ns link set lo up; done
ip -n kbc-a addr add 10.99.0.1/24 dev kbc-va
ip -n kbc-a addr add 10.99.0.11/24 dev kbc-va
ip -n kbc-a addr add fd99::1/64 dev kbc-va nodad
ip -n kbc-b addr add 10.99.0.2/24 dev kbc-vb
ip -n kbc-b addr add 10.99.0.12/24 dev kbc-vb
ip -n kbc-b addr add fd99::2/64 dev kbc-vb nodad
ip -n kbc-a link set kbc-va up
ip -n kbc-b link set kbc-vb up

# --- 1. sessions s1, s2, s3 between gobgpd (kbc-a) and bird (kbc-b), captured with tcpdump
ip netns exec kbc-a tcpdump -i kbc-va -U -s 0 -w "$T/cap.pcap" 'tcp port 179' 2> "$T/tcpdump.log" &
PIDS+=($!)
sleep 1
ip netns exec kbc-b bird -f -c "$HERE/bird.conf" -s "$T/bird.ctl" -P "$T/bird.pid" > "$T/bird.log" 2>&1 &
PIDS+=($!)
ip netns exec kbc-a gobgpd -f "$HERE/gobgpd.toml" --api-hosts 127.0.0.1:50051 --pprof-disable > "$T/gobgpd.log" 2>&1 &
GOBGPD=$!
PIDS+=($GOBGPD)
sleep 8
G="ip netns exec kbc-a gobgp"
$G global rib -a ipv4 add 10.244.1.0/24 nexthop 10.99.0.1
$G global rib -a ipv4 add 10.244.10.0/24 origin egp aspath 65010,4200000002 med 20 local-pref 300 \
   community 65001:100,no-export large-community 65001:7:8,65001:9:10 aggregator 65010:10.99.0.50 aigp metric 10
$G global rib -a ipv6 add fd00:244:1::/48 nexthop fd99::1
$G global rib -a ipv6 add fd00:244:10::/48 aspath 65010,4200000002 aggregator 4200000002:10.99.0.50 nexthop fd99::1
sleep 2
$G global rib -a ipv4 del 10.244.1.0/24
$G global rib -a ipv6 del fd00:244:1::/48
sleep 1
birdc -s "$T/bird.ctl" reload in s1
sleep 2
birdc -s "$T/bird.ctl" disable s1 '"maintenance window"'
sleep 1
$G neighbor 10.99.0.12 reset
sleep 1
$G neighbor fd99::2 shutdown
sleep 2
for pid in "${PIDS[@]}"; do kill "$pid"; done
PIDS=()
sleep 1
python3 "$HERE/pcap2bgp.py" "$T/cap.pcap" "$T/messages"

# --- 2. malformed probes of rawpeer.py against bird, then against gobgpd
cat > "$T/bird-errors.conf" <<BIRD
router id 10.99.0.2;
log stderr all;
protocol device { }
$(for i in $(seq 101 116); do echo "protocol bgp raw$i { local 10.99.0.2 as 65002; neighbor 10.99.0.$i as 65003; passive on; ipv4 { import all; export none; }; ipv6 { import all; export none; }; }"; done)
BIRD
{ printf '[global.config]\n  as = 65001\n  router-id = "10.99.0.1"\n  local-address-list = ["10.99.0.1"]\n'
  for i in $(seq 101 116); do
    printf '[[neighbors]]\n  [neighbors.config]\n    neighbor-address = "10.99.0.%s"\n    peer-as = 65003\n' "$i"
    printf '  [neighbors.transport.config]\n    passive-mode = true\n'
    for f in ipv4-unicast ipv6-unicast; do
      printf '  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "%s"\n' "$f"
    done
  done; } > "$T/gobgpd-errors.toml"

for i in $(seq 101 116); do ip -n kbc-a addr add 10.99.0.$i/24 dev kbc-va; done
ip netns exec kbc-b bird -f -c "$T/bird-errors.conf" -s "$T/bird-errors.ctl" -P "$T/bird-errors.pid" > "$T/bird-errors.log" 2>&1 &
PIDS+=($!)
sleep 2
ip netns exec kbc-a python3 "$HERE/rawpeer.py" 10.99.0.2 "$T/errors-bird"
kill "${PIDS[@]}"
PIDS=()

for i in $(seq 101 116); do ip -n kbc-a addr del 10.99.0.$i/24 dev kbc-va; ip -n kbc-b addr add 10.99.0.$i/24 dev kbc-vb; done
ip netns exec kbc-a gobgpd -f "$T/gobgpd-errors.toml" --api-hosts 127.0.0.1:50051 --pprof-disable > "$T/gobgpd-errors.log" 2>&1 &
PIDS+=($!)
sleep 3
# gobgpd 3.10.0 panics on an unknown message type in ESTABLISHED, so that probe is skipped here
ip netns exec kbc-b python3 "$HERE/rawpeer.py" 10.99.0.1 "$T/errors-gobgp" type-9
