#!/bin/bash
# uml-run.sh - run one command as root inside a user-mode-linux guest (Debian package user-mode-linux).
# usage: uml-run.sh [-m MEM] [-t SECS] [-w DIR]... [-r PATH]... [-v] -- command args...
#   -m guest memory (default 1G)   -t timeout in seconds (default 600)   -v print the guest's init trace
#   -w DIR   writable in the guest at the same path (besides the per-run dir, the ONLY host dirs it can write)
#   -r PATH  readable in the guest although a guest tmpfs (/tmp /var/tmp /var/lib /root /run /dev/shm) hides it
# Contract: the guest sees the host filesystem READ-ONLY; the per-run dir is created under $UML_RUN_BASE
# (default $TMPDIR or /tmp) and removed at exit. The cwd is kept (exposed like -r). The command's
# stdout/stderr stream live to ours; env passed in: JAVA_HOME LANG CI JAVA_TOOL_OPTIONS.
# UML_RUN_MODULES replaces the list of modules loaded at boot.
# Exit code: the command's; 124 timeout (the UML process group is killed); 125 harness or boot failure.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
MEM=1G; TMO=600; VERBOSE=0; MOUNTS=""
MODS=${UML_RUN_MODULES:-"ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh ip_vs_mh nf_conntrack nf_conntrack_netlink ipip dummy veth \
bridge br_netfilter ip_set ip_set_hash_ip ip_set_hash_net ip_set_hash_ipport ip_set_hash_ipportip ip_set_hash_ipportnet \
ip_set_list_set xt_set xt_ipvs xt_conntrack xt_comment xt_mark xt_addrtype xt_MASQUERADE xt_nat xt_multiport xt_physdev \
xt_NFLOG xt_limit iptable_filter iptable_nat iptable_mangle iptable_raw ip6table_filter ip6table_nat vxlan tun"}
usage() { sed -n '2,11p' "$0" >&2; exit 125; }
while getopts "m:t:w:r:v" o; do case $o in
  m) MEM=$OPTARG;; t) TMO=$OPTARG;; v) VERBOSE=1;;
  w) d=$(cd "$OPTARG" && pwd) || exit 125; MOUNTS+="rw	$d"$'\n';;
  r) case $OPTARG in /*) MOUNTS+="ro	$OPTARG"$'\n';; *) echo "uml-run: -r needs an absolute path" >&2; exit 125;; esac;;
  *) usage;; esac; done
shift $((OPTIND-1))
[ $# = 0 ] && usage
command -v linux >/dev/null || { echo "uml-run: 'linux' missing: apt-get install user-mode-linux" >&2; exit 125; }
RUN=$(mktemp -d "${UML_RUN_BASE:-${TMPDIR:-/tmp}}/uml-run.XXXXXX") || exit 125
PG=""; WD=""
cleanup() {
  [ -n "$WD" ] && kill "$WD" 2>/dev/null
  [ -n "$PG" ] && { kill -KILL -- "-$PG" 2>/dev/null; wait "$PG" 2>/dev/null; }
  rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
printf '%q ' "$@" > "$RUN/cmd.sh"; echo >> "$RUN/cmd.sh"
echo "$MODS" > "$RUN/modules"
pwd > "$RUN/cwd"
printf '%sro\t%s\n' "$MOUNTS" "$(pwd)" > "$RUN/mounts"
for v in JAVA_HOME LANG CI JAVA_TOOL_OPTIONS; do
  [ -n "${!v:-}" ] && printf 'export %s=%q\n' "$v" "${!v}"; done > "$RUN/env"
cp "$HERE/guest-init.sh" "$RUN/init.sh" && chmod +x "$RUN/init.sh" || exit 125
mkdir -p "$RUN/umldir"; : > "$RUN/stdout"; : > "$RUN/stderr"
T0=$(date +%s.%N)
# setsid: UML and all its helper processes form one process group (= $PG), killed as a whole
setsid linux mem="$MEM" umid="uml$$" uml_dir="$RUN/umldir" \
  root=/dev/root rootfstype=hostfs rootflags=/ ro quiet \
  con=null con0=null,fd:2 ssl=null \
  init="$RUN/init.sh" HARNESS_DIR="$RUN" \
  </dev/null >"$RUN/uml.out" 2>"$RUN/uml.err" &
PG=$!
tail -q -s 0.2 -n +1 -f --pid=$PG "$RUN/stdout" &      TO=$!
tail -q -s 0.2 -n +1 -f --pid=$PG "$RUN/stderr" >&2 &  TE=$!
# watchdog: on timeout TERM the process group, KILL it 5 s later; itself ended (with its sleep) by cleanup
( trap 'kill $S 2>/dev/null; exit 0' TERM; sleep "$TMO" & S=$!; wait $S
  touch "$RUN/timedout"; kill -TERM -- "-$PG"; sleep 5; kill -KILL -- "-$PG" ) </dev/null >/dev/null 2>&1 & WD=$!
wait $PG; URC=$?
kill $WD 2>/dev/null; WD=""
wait $TO $TE 2>/dev/null
kill -KILL -- "-$PG" 2>/dev/null; PG=""      # stray UML helper processes, if any
T1=$(date +%s.%N)
[ $VERBOSE = 1 ] && { echo "--- uml console + init trace ---" >&2; cat "$RUN/uml.err" "$RUN/console.log" >&2 2>/dev/null; }
tm() { [ -s "$RUN/$1" ] && cat "$RUN/$1" || echo "$T1"; }
awk -v t0="$T0" -v t1="$T1" -v i="$(tm t_init)" -v m="$(tm t_mods)" -v s="$(tm t_cmd_start)" -v e="$(tm t_cmd_end)" \
  'BEGIN{printf "uml-run: kernel->init %.2fs, modprobe %.2fs, boot->cmd %.2fs, cmd %.2fs, halt %.2fs, total %.2fs\n",
   i-t0, m-i, s-t0, e-s, t1-e, t1-t0}' >&2
if [ -f "$RUN/timedout" ]; then echo "uml-run: TIMEOUT after ${TMO}s, UML process group killed" >&2; exit 124; fi
if [ -s "$RUN/rc" ]; then exit "$(cat "$RUN/rc")"; fi
echo "uml-run: guest produced no exit code (uml rc=$URC); last console lines:" >&2
tail -n 30 "$RUN/uml.err" "$RUN/console.log" >&2 2>/dev/null
exit 125
