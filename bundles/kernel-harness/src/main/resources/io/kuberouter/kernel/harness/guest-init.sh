#!/bin/bash
# PID 1 inside the UML guest started by uml-run.sh. The root (hostfs of the host's /) is mounted READ-ONLY.
# Input: HARNESS_DIR (kernel command line) = the host per-run dir, mounted rw at /run/h, holding
#   cmd.sh, env, cwd, modules and mounts ("ro<TAB>path" = make visible, "rw<TAB>dir" = writable).
# Output in /run/h: stdout, stderr and rc of cmd.sh, console.log (this script's trace), t_* timestamps.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# 1. Guest pseudo-filesystems FIRST: until then /proc and /sys are the HOST's, seen through hostfs.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs -o mode=755 tmpfs /run
# 2. The per-run dir: a separate hostfs superblock, so it is rw although / is ro.
mkdir -p /run/h
mount -t hostfs -o "$HARNESS_DIR" hostfs /run/h
exec >>/run/h/console.log 2>&1
date +%s.%N > /run/h/t_init
set -x
# Everything that writes by default gets a guest tmpfs. Keep HIDDEN in sync with this list.
for d in /tmp /var/tmp /var/lib /root; do mount -t tmpfs tmpfs "$d"; done
HIDDEN="/tmp /var/tmp /var/lib /root /run /dev/shm"
mkdir -p /run/netns /var/lib/misc
export HOME=/root TMPDIR=/tmp
# hidden_root PATH: sets ROOT to the dir to mount so that PATH is visible again ("" if not hidden).
# No command substitution here: every fork costs ~80 ms in UML.
hidden_root() {
  local h rest; ROOT=""
  for h in $HIDDEN; do
    case "$1" in "$h"/?*) rest=${1#"$h"/}; ROOT="$h/${rest%%/*}"; return;; esac
  done
}
# 3. Host paths: ro ones only where a tmpfs hides them, rw ones always; parents before children.
while IFS=$'\t' read -r mode path; do
  if [ "$mode" = rw ]; then printf '%d\trw\t%s\n' "${#path}" "$path"; continue; fi
  hidden_root "$path"
  [ -n "$ROOT" ] && printf '%d\tro\t%s\n' "${#ROOT}" "$ROOT"
done < /run/h/mounts | sort -t $'\t' -k1,1n -k2,3 -u | while IFS=$'\t' read -r _ mode path; do
  mkdir -p "$path" 2>/dev/null
  if [ "$mode" = rw ]; then mount -t hostfs -o "$path" hostfs "$path"
  else mount -t hostfs -o "$path",ro hostfs "$path"; fi
done
# 4. Modules: the host may lack /lib/modules (and / is ro), so modprobe gets its own module root,
#    /run/modroot/lib/modules/<release> -> the UML package's modules. A modprobe wrapper first in PATH and as
#    the kernel's autoload helper makes every modprobe (ours, the command's, request_module) use it.
REL=$(uname -r)
mkdir -p /run/modroot/lib/modules /run/harness-bin
ln -s "/usr/lib/uml/modules/$REL" "/run/modroot/lib/modules/$REL"
printf '#!/bin/sh\nexec /usr/sbin/modprobe -d /run/modroot "$@"\n' > /run/harness-bin/modprobe
chmod +x /run/harness-bin/modprobe
echo /run/harness-bin/modprobe > /proc/sys/kernel/modprobe
/run/harness-bin/modprobe -a $(cat /run/h/modules) || echo "some modprobe failed"
date +%s.%N > /run/h/t_mods
# The UML kernel has no nf_tables ipv4/inet family: plain "iptables" must be the legacy backend.
for f in ip ip6; do for s in "" -save -restore; do
  ln -sf "/usr/sbin/${f}tables-legacy$s" "/run/harness-bin/${f}tables$s"; done; done
export PATH=/run/harness-bin:$PATH
# 5. Root-netns sysctls (namespaces created later do NOT inherit net.ipv4.vs.* or ip_forward).
sysctl -qw net.ipv4.ip_forward=1 || true
ip link set lo up
hostname uml
# 6. The command; then power off.
. /run/h/env
cd "$(cat /run/h/cwd)" 2>/dev/null || cd /
set +x
date +%s.%N > /run/h/t_cmd_start
bash /run/h/cmd.sh </dev/null >/run/h/stdout 2>/run/h/stderr
echo $? > /run/h/rc
date +%s.%N > /run/h/t_cmd_end
sync
echo o > /proc/sysrq-trigger
sleep 10
