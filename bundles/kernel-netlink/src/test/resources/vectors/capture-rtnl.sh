#!/bin/bash
# Captures the rtnetlink vectors in rtnl/: what iproute2 sends and what the kernel answers, for every
# link/address/route/rule operation the netlink bundle encodes or decodes. Run as root on a host with
# veth and bridge (no ipvs/ipip/dummy needed); everything happens inside two throwaway namespaces.
#   usage: capture-rtnl.sh OUTDIR
set -u
out=$(cd "$1" && pwd)
ns=knlcap-$$ peer=knlpeer-$$
ip netns add "$ns" && ip netns add "$peer" || exit 1
trap 'ip netns del "$ns"; ip netns del "$peer"' EXIT
cap() { local name=$1; shift
  strace -f -e trace=sendmsg,sendto,recvmsg,recvfrom -e write=all -e read=all -o "$out/$name.strace" "$@" >/dev/null 2>&1
  echo "$name: exit $?"; }
n() { ip -n "$ns" "$@"; }
cap link-add-veth       ip -n "$ns" link add kv0 type veth peer name kv1
cap link-add-veth-netns ip -n "$ns" link add kv2 type veth peer name kv3 netns "$peer"
cap link-add-bridge     ip -n "$ns" link add kbr0 type bridge
cap link-add-eexist     ip -n "$ns" link add kbr0 type bridge
cap link-set-master     ip -n "$ns" link set kv0 master kbr0
cap link-set-nomaster   ip -n "$ns" link set kv0 nomaster
n link set kv0 master kbr0
cap link-set-up         ip -n "$ns" link set kbr0 up
cap link-set-down       ip -n "$ns" link set kv1 down
cap link-set-mtu        ip -n "$ns" link set kv0 mtu 1400
cap link-set-mtu-einval ip -n "$ns" link set kv0 mtu 10
cap link-set-netns      ip -n "$ns" link set kv2 netns "$peer"
cap link-get            ip -n "$ns" link show dev kbr0
cap link-get-enodev     ip -n "$ns" link show dev kv9
cap addr-add            ip -n "$ns" addr add 10.77.0.1/24 dev kbr0
cap addr-add-eexist     ip -n "$ns" addr add 10.77.0.1/24 dev kbr0
cap addr-replace-link   ip -n "$ns" addr replace 10.77.0.9/32 dev kbr0 scope link
cap addr-add-v6         ip -n "$ns" addr add fd77::1/64 dev kbr0
cap addr-dump           ip -n "$ns" addr show
cap route-add           ip -n "$ns" route add 10.78.0.0/24 via 10.77.0.2 dev kbr0 table 77 proto 17
cap route-add-eexist    ip -n "$ns" route add 10.78.0.0/24 via 10.77.0.2 dev kbr0 table 77 proto 17
cap route-replace-multipath ip -n "$ns" route replace 10.79.0.0/24 table 77 proto 17 \
    nexthop via 10.77.0.2 dev kbr0 weight 1 nexthop via 10.77.0.3 dev kbr0 weight 2
cap route-add-blackhole ip -n "$ns" route add blackhole 10.80.0.0/24 table 77 proto 17 metric 100
cap route-add-src       ip -n "$ns" route add 10.81.0.0/24 dev kbr0 table 77 proto 17 scope link src 10.77.0.1
cap route-add-table-big ip -n "$ns" route add 10.82.0.0/24 via 10.77.0.2 dev kbr0 table 1077 proto 17
cap route-add-v6        ip -n "$ns" route add fd78::/64 via fd77::2 dev kbr0 table 77 proto 17
cap route-dump          ip -n "$ns" route show table 77
cap route-del           ip -n "$ns" route del unicast 10.78.0.0/24 via 10.77.0.2 dev kbr0 table 77 proto 17
cap route-del-esrch     ip -n "$ns" route del unicast 10.78.0.0/24 via 10.77.0.2 dev kbr0 table 77 proto 17
cap rule-add            ip -n "$ns" rule add from 10.77.0.0/24 table 77 priority 1077
cap rule-add-fwmark     ip -n "$ns" rule add fwmark 0x1f3 table 78 priority 1078
cap rule-add-eexist     ip -n "$ns" rule add fwmark 0x1f3 table 78 priority 1078
cap rule-dump           ip -n "$ns" rule show
cap rule-del            ip -n "$ns" rule del from 10.77.0.0/24 table 77 priority 1077
cap rule-del-enoent     ip -n "$ns" rule del from 10.77.0.0/24 table 77 priority 1077
cap addr-del            ip -n "$ns" addr del 10.77.0.1/24 dev kbr0
cap link-dump           ip -n "$ns" link show
cap link-del            ip -n "$ns" link del kv0
