#!/usr/bin/env bash
# Start-up benchmark of the agent (not a test): RUNS times, start an agent against a standalone API
# server and report, per run, the JVM uptime at which ClusterState had synced its caches and the
# agent's peak RSS. Usage: bench-startup.sh [RUNS] (default 5). Needs the built distribution.
# The agent runs in this host's network namespace, so the capabilities that program the kernel
# (proxy, firewall, router) are off (--node-capabilities keeps the agent running without them): this
# measures the platform's start and the cluster-state sync.
set -euo pipefail
RUNS=${1:-5}
HOME_DIR=$(cd "$(dirname "$0")/../target/kube-router" && pwd)
WORK=$(mktemp -d)
API_PID=""
cleanup() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$HOME_DIR/bin/standalone-api" "$HOME_DIR/examples/standalone" "$PORT" > "$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 100); do grep -q 'seeded' "$WORK/api.log" 2>/dev/null && break; sleep 0.1; done
HEALTH=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf '%-4s %-22s %-18s %-14s\n' run "cache synced (JVM up)" "sync itself" "peak RSS"
for i in $(seq 1 "$RUNS"); do
  LOG="$WORK/agent$i.log"
  /usr/bin/time -f 'peak_rss_kb %M' "$HOME_DIR/bin/kube-router" --master="http://127.0.0.1:$PORT/" \
    --hostname-override=n1 --state-dir="$WORK/state" --health-addr=127.0.0.1 --health-port="$HEALTH" \
    --run-service-proxy=false --run-firewall=false --run-router=false --node-capabilities \
    > "$LOG" 2>&1 &
  AGENT=$!
  for _ in $(seq 1 300); do grep -q 'cache synced' "$LOG" && break; sleep 0.1; done
  sleep 2
  kill "$(pgrep -P "$AGENT" java || echo "$AGENT")" 2>/dev/null || true
  wait "$AGENT" 2>/dev/null || true
  UP=$(grep -o 'JVM up [0-9]* ms' "$LOG" | grep -o '[0-9]*' || echo '?')
  SYNC=$(grep -o 'cache synced in [0-9]* ms' "$LOG" | grep -o '[0-9]*' || echo '?')
  RSS=$(grep -o 'peak_rss_kb [0-9]*' "$LOG" | grep -o '[0-9]*$' || echo 0)
  printf '%-4s %-22s %-18s %-14s\n' "$i" "$UP ms" "$SYNC ms" "$((RSS / 1024)) MiB"
done
