#!/usr/bin/env bash
# Runs the agent's image and checks it (run as root): unpacks the OCI archive with umoci, runs it with runc in a
# network namespace this script creates, next to bin/standalone-api (the mock Kubernetes API, seeded with this node)
# in the same namespace, then checks that the agent reached the API and answers /healthz; after the agent's exit it
# runs the image once more with --cleanup-config and checks that the firewall's chains and ipsets are gone and a
# foreign chain, rule and ipset are not. Prints the image size and the agent's start time, and removes everything it
# made (namespace, containers, files).
#
# Usage: check-image.sh [ARCHIVE [DIST_DIR]]
#   ARCHIVE   the OCI image archive (default: distribution/target/image/kube-router-image.tar)
#   DIST_DIR  the distribution whose bin/standalone-api serves the mock API (default: distribution/target/kube-router)
# Environment: AGENT_ARGS (extra agent flags), TIMEOUT (seconds to wait for /healthz, default 120),
#   RUNTIME (OCI runtime: runc, the default, works with cgroup v1, hybrid and v2; crun refuses hybrid hosts).
#
# Confinement: the container joins only the test's namespace (no host network), with CAP_NET_ADMIN/CAP_NET_RAW
# (which act on that namespace alone) and no CAP_SYS_ADMIN/CAP_SYS_MODULE; /proc/sys stays read-only (the OCI
# default), so it changes nothing outside the namespace.
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
ARCHIVE=$(realpath "${1:-$HERE/../target/image/kube-router-image.tar}")
DIST=$(realpath "${2:-$HERE/../target/kube-router}")
TIMEOUT=${TIMEOUT:-120}
RUNTIME=${RUNTIME:-runc}
NODE=image-check-node
NODE_IP=10.250.0.10
API_PORT=16443
HEALTH_PORT=20244
ID=kr-image-check-$$
NS=$ID
WORK=$(mktemp -d /tmp/kr-image-check.XXXXXX)
API_PID=

[ "$(id -u)" = 0 ] || { echo "check-image: run as root" >&2; exit 1; }
[ -f "$ARCHIVE" ] || { echo "check-image: no image archive $ARCHIVE (run build-image.sh)" >&2; exit 1; }
for tool in umoci "$RUNTIME" curl python3 ip; do
  command -v "$tool" >/dev/null || { echo "check-image: $tool missing (distribution/image/setup-image.sh)" >&2; exit 1; }
done

cleanup() {
  for c in "$ID" "$ID-cleanup"; do
    "$RUNTIME" kill "$c" KILL >/dev/null 2>&1 || true
    "$RUNTIME" delete --force "$c" >/dev/null 2>&1 || true
  done
  if [ -n "$API_PID" ]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "check-image: FAILED: $*" >&2
  echo "--- agent log (last 40 lines)" >&2; tail -40 "$WORK/agent.log" >&2 || true
  echo "--- API log (last 10 lines)" >&2; tail -10 "$WORK/api.log" >&2 || true
  exit 1
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# 1. unpack: the OCI archive's layout, then the runtime bundle (rootfs + config.json from the image config)
mkdir -p "$WORK/oci"
tar -xf "$ARCHIVE" -C "$WORK/oci"
umoci unpack --image "$WORK/oci:latest" "$WORK/bundle" >/dev/null
rootfs_bytes=$(du -sb "$WORK/bundle/rootfs" | cut -f1)

# 2. the node: a namespace with lo and eth0 (a veth whose peer stays in the namespace too) at the Node's InternalIP
ip netns add "$NS"
ip -n "$NS" link set lo up
ip -n "$NS" link add eth0 type veth peer name eth0-peer
ip -n "$NS" addr add "$NODE_IP/24" dev eth0
ip -n "$NS" link set eth0 up
ip -n "$NS" link set eth0-peer up
mkdir -p "$WORK/cluster"
cat >"$WORK/cluster/00-node.yaml" <<YAML
apiVersion: v1
kind: Node
metadata: {name: $NODE, labels: {kubernetes.io/hostname: $NODE}}
spec: {podCIDR: 10.251.0.0/24, podCIDRs: [10.251.0.0/24]}
status:
  addresses: [{type: InternalIP, address: $NODE_IP}, {type: Hostname, address: $NODE}]
YAML

# 3. the mock API in the namespace, on its loopback
ip netns exec "$NS" "$DIST/bin/standalone-api" "$WORK/cluster" "$API_PORT" 127.0.0.1 >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 300); do
  ip netns exec "$NS" curl -s -o /dev/null -m 1 "http://127.0.0.1:$API_PORT/api/v1/nodes" && break
  kill -0 "$API_PID" 2>/dev/null || fail "the mock API exited"
  sleep 0.1
done

# 4. the container: the image's entrypoint with the node's flags, in the test namespace
python3 - "$WORK/bundle/config.json" "/run/netns/$NS" "$API_PORT" "$NODE" "${AGENT_ARGS:-}" <<'PY'
import json, sys
path, netns, port, node, extra = sys.argv[1:6]
spec = json.load(open(path))
process = spec["process"]
process["terminal"] = False
process["args"] = process["args"] + [
    f"--master=http://127.0.0.1:{port}", f"--hostname-override={node}", "--run-router=false",
    "--state-dir=/var/lib/kube-router-jvm"] + extra.split()
# (no router: it would peer over BGP and route towards nodes that do not exist here)
caps = ["CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE", "CAP_KILL", "CAP_CHOWN", "CAP_DAC_OVERRIDE",
        "CAP_FOWNER", "CAP_SETUID", "CAP_SETGID", "CAP_AUDIT_WRITE"]
process["capabilities"] = {k: caps for k in ("bounding", "effective", "permitted")}
process["capabilities"]["inheritable"] = []
process["capabilities"]["ambient"] = []
linux = spec.setdefault("linux", {})
linux["namespaces"] = [n for n in linux.get("namespaces", []) if n["type"] != "network"] + [
    {"type": "network", "path": netns}]
spec["root"]["readonly"] = False
# No cgroup mount nor device rules: the agent needs neither, and hosts differ (v1, hybrid, v2).
spec["mounts"] = [m for m in spec["mounts"] if m["type"] != "cgroup"]
linux.pop("resources", None)
json.dump(spec, open(path, "w"), indent=2)
PY
start=$(date +%s%N)
"$RUNTIME" run --bundle "$WORK/bundle" "$ID" >"$WORK/agent.log" 2>&1 </dev/null &
RUN_PID=$!

# 5. the agent reaches the API (its "cache synced ... node NODE" line) and answers /healthz in the namespace
healthy= synced=
while [ "$(( ($(date +%s%N) - start) / 1000000000 ))" -lt "$TIMEOUT" ]; do
  [ -n "$synced" ] || ! grep -q "cache synced.*node $NODE" "$WORK/agent.log" || synced=$(ms_since "$start")
  if [ -z "$healthy" ]; then
    code=$(ip netns exec "$NS" curl -s -o "$WORK/healthz" -w '%{http_code}' -m 1 \
      "http://127.0.0.1:$HEALTH_PORT/healthz" || true)
    [ "$code" != 200 ] || healthy=$(ms_since "$start")
  fi
  [ -z "$healthy" ] || [ -z "$synced" ] || break
  "$RUNTIME" state "$ID" >/dev/null 2>&1 || [ "$(ms_since "$start")" -lt 5000 ] || fail "the container exited"
  sleep 0.1
done
[ -n "$synced" ] || fail "the agent did not sync node $NODE from the mock API within ${TIMEOUT}s"
[ -n "$healthy" ] || fail "no 200 from /healthz within ${TIMEOUT}s (last: ${code:-none})"
sync_line=$(grep -m1 "cache synced.*node $NODE" "$WORK/agent.log")
jvm_ms=$(sed -nE 's/.*\(JVM up ([0-9]+) ms\).*/\1/p' <<<"$sync_line")
features_ms=$(sed -nE 's/.*started features .* in ([0-9]+) ms since JVM start.*/\1/p' "$WORK/agent.log" | head -1)

# 6. --cleanup-config in the image: the agent's exit (SIGTERM) keeps its firewall chains; a second container running
#    `--cleanup-config` in the same namespace removes them, and a foreign chain, rule and ipset stay
"$RUNTIME" kill "$ID" TERM
wait "$RUN_PID" || true
"$RUNTIME" delete --force "$ID" >/dev/null 2>&1 || true
owned() { ip netns exec "$NS" iptables-save | grep -cE '^:(KUBE-ROUTER-|KUBE-NWPLCY-|KUBE-POD-FW-)' || true; }
kept=$(owned)
[ "$kept" -gt 0 ] || fail "no firewall chains in the namespace after the agent's exit"
ip netns exec "$NS" ipset create check-foreign hash:ip
ip netns exec "$NS" iptables -N CHECK-FOREIGN
ip netns exec "$NS" iptables -A FORWARD -m set --match-set check-foreign src -j CHECK-FOREIGN
python3 - "$WORK/bundle/config.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
spec["process"]["args"] = spec["process"]["args"][:1] + ["--cleanup-config", "--state-dir=/var/lib/kube-router-jvm"]
json.dump(spec, open(sys.argv[1], "w"), indent=2)
PY
cleanup_start=$(date +%s%N)
"$RUNTIME" run --bundle "$WORK/bundle" "$ID-cleanup" >"$WORK/cleanup.log" 2>&1 </dev/null \
  || { cat "$WORK/cleanup.log" >&2; fail "--cleanup-config failed"; }
cleanup_ms=$(ms_since "$cleanup_start")
"$RUNTIME" delete --force "$ID-cleanup" >/dev/null 2>&1 || true
[ "$(owned)" = 0 ] || fail "--cleanup-config left firewall chains: $(ip netns exec "$NS" iptables-save | grep '^:KUBE-')"
ip netns exec "$NS" iptables-save | grep -q -- '-A FORWARD -m set --match-set check-foreign src -j CHECK-FOREIGN' \
  || fail "--cleanup-config removed a foreign rule"
ip netns exec "$NS" ipset list -n | grep -qx check-foreign || fail "--cleanup-config removed a foreign ipset"
ip netns exec "$NS" ipset list -n | grep -q . && [ "$(ip netns exec "$NS" ipset list -n | wc -l)" = 1 ] \
  || fail "--cleanup-config left ipsets: $(ip netns exec "$NS" ipset list -n | tr '\n' ' ')"

# 7. report
archive_bytes=$(stat -c %s "$ARCHIVE")
echo "check-image: PASSED"
printf '  %-44s %s\n' \
  "image archive (compressed layers)" "$((archive_bytes / 1024 / 1024)) MiB ($archive_bytes bytes)" \
  "unpacked root file system" "$((rootfs_bytes / 1024 / 1024)) MiB" \
  "container start -> /healthz 200" "$healthy ms" \
  "container start -> cluster cache synced" "$synced ms" \
  "JVM start -> features started (agent log)" "${features_ms:-?} ms" \
  "JVM start -> cache synced (agent log)" "${jvm_ms:-?} ms" \
  "/healthz body" "$(tr -d '\n' <"$WORK/healthz")" \
  "--cleanup-config in the image" "removed $kept firewall chains, kept the foreign chain, rule and ipset; $cleanup_ms ms" \
  "machine load average (1 min, $(nproc) CPUs)" "$(cut -d' ' -f1 /proc/loadavg)"
echo "  agent: $sync_line"
