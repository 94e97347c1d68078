#!/bin/bash
# Captures the vectors in conntrack/: ctnetlink as conntrack-tools 1.4 speaks it (dump, then one
# IPCTNL_MSG_CT_DELETE per matching entry). Run as root on a host with nf_conntrack_netlink; the entries
# are created by hand (conntrack -I) inside a throwaway namespace.
#   usage: capture-conntrack.sh OUTDIR
set -u
out=$(cd "$1" && pwd)
ns=knlct-$$
ip netns add "$ns" && ip -n "$ns" link set lo up || exit 1
trap 'ip netns del "$ns"' EXIT
cap() { local name=$1; shift
  strace -f -e trace=sendmsg,sendto,recvmsg,recvfrom -e write=all -e read=all -o "$out/$name.strace" \
    ip netns exec "$ns" "$@" >/dev/null 2>&1
  echo "$name: exit $?"; }
n() { ip netns exec "$ns" "$@"; }
n conntrack -I -s 10.0.0.3 -d 10.96.0.10 -p udp --sport 40000 --dport 53 -t 60
n conntrack -I -s 10.0.0.4 -d 10.96.0.10 -p udp --sport 40001 --dport 53 -t 60
n conntrack -I -s 10.0.0.4 -d 10.96.0.11 -p udp --sport 40001 --dport 53 -t 60
n conntrack -I -s fd00::3 -d fd00::10 -p udp --sport 40002 --dport 53 -t 60
cap delete-orig-dst     conntrack -D --orig-dst 10.96.0.10 -p udp --dport 53
cap delete-orig-dst-none conntrack -D --orig-dst 10.96.0.10 -p udp --dport 53
cap dump-v6             conntrack -L -f ipv6
