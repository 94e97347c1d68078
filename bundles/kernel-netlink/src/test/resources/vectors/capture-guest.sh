#!/bin/bash
# Captures the vectors in ipvs/ and tunnel/: generic netlink IPVS as ipvsadm speaks it, and the link
# kinds the host kernel lacks (dummy, ipip, ip6tnl). Run as root inside a user-mode-linux guest whose
# kernel has ip_vs, ipip, ip6_tunnel and dummy (see bundles/kernel-harness), for example
#   uml-run.sh -w OUTDIR -- capture-guest.sh OUTDIR
# Everything happens inside a throwaway namespace of the guest.
set -u
out=$(cd "$1" && pwd)
mkdir -p "$out/ipvs" "$out/tunnel"
ns=knlcap
ip netns add $ns && ip -n $ns link set lo up || exit 1
trap 'ip netns del $ns' EXIT
cap() { local name=$1; shift
  strace -f -e trace=sendmsg,sendto,recvmsg,recvfrom -e write=all -e read=all -o "$out/$name.strace" \
    ip netns exec $ns "$@" >/dev/null 2>&1
  echo "$name: exit $?"; }
n() { ip netns exec $ns "$@"; }
# dummy "node" interface: destinations and the VIP route live behind it
n ip link add d0 type dummy && n ip addr add 10.0.0.1/24 dev d0 && n ip link set d0 up
n ip route add 10.96.0.0/16 dev d0
cap ipvs/svc-add-tcp            ipvsadm -A -t 10.96.0.10:80 -s rr
cap ipvs/svc-add-fwmark         ipvsadm -A -f 77 -s rr
cap ipvs/svc-add-persistent-udp ipvsadm -A -u 10.96.0.12:53 -s rr -p 300 -M 255.255.255.0
cap ipvs/svc-add-v6             ipvsadm -A -t [fd00::10]:80 -s rr
cap ipvs/svc-add-eexist         ipvsadm -A -t 10.96.0.10:80 -s rr
cap ipvs/svc-add-bad-sched      ipvsadm -A -t 10.96.0.11:80 -s nosuch
cap ipvs/svc-edit-sched         ipvsadm -E -t 10.96.0.10:80 -s wrr
cap ipvs/dst-add-masq           ipvsadm -a -t 10.96.0.10:80 -r 10.0.0.2:8080 -m -w 1
cap ipvs/dst-add-tunnel         ipvsadm -a -f 77 -r 10.0.0.3:0 -i -w 2
cap ipvs/dst-edit-weight        ipvsadm -e -t 10.96.0.10:80 -r 10.0.0.2:8080 -m -w 5
cap ipvs/dst-del-enoent         ipvsadm -d -t 10.96.0.10:80 -r 10.0.0.9:8080
n curl -s -m 1 http://10.96.0.10/ >/dev/null   # one unanswered connection: non-zero counters
sleep 3                                        # the rate estimator runs every 2 s
cap ipvs/list-stats             ipvsadm -Ln --stats
cap ipvs/get-timeouts           ipvsadm -L --timeout
cap ipvs/set-timeouts           ipvsadm --set 900 120 300
cap ipvs/dst-del                ipvsadm -d -t 10.96.0.10:80 -r 10.0.0.2:8080
cap ipvs/svc-del                ipvsadm -D -t 10.96.0.10:80
cap ipvs/svc-del-esrch          ipvsadm -D -t 10.96.0.10:80
cap ipvs/svc-del-fwmark         ipvsadm -D -f 77
cap ipvs/flush                  ipvsadm -C
cap tunnel/link-add-dummy       ip link add kube-dummy-if type dummy
cap tunnel/addr-add-dummy       ip addr add 10.96.0.10/32 dev kube-dummy-if
cap tunnel/link-add-ipip        ip link add tun-n2 type ipip local 10.0.0.1 remote 10.0.0.2 ttl 64
cap tunnel/link-add-ipip-any    ip link add kube-tunnel-if type ipip local 10.0.0.1
cap tunnel/link-add-ip6ip6      ip link add tun6 type ip6tnl mode ip6ip6 local fd00::1 remote fd00::2
cap tunnel/link-add-ipip6       ip link add tun46 type ip6tnl mode ipip6 local fd00::1 remote fd00::3
cap tunnel/link-dump            ip link show
