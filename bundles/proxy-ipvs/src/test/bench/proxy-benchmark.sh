#!/bin/bash
# Runs ProxyBenchmark (src/test/java/.../it) inside a user-mode-linux guest: the host kernel has no
# ip_vs or dummy links. Needs root, the module built with its test classes (mvn ... install), user-mode-linux,
# ipvsadm, ipset, iptables.
#   usage: src/test/bench/proxy-benchmark.sh [services=5000] [endpoints=10] [rounds=3] [changes=200]
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$module"
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="$module/target/test-classes:$module/target/classes:$(cat target/bench.classpath)"
harness=$(tr ':' '\n' < target/bench.classpath | grep 'io.kuberouter.kernel.harness')
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
unzip -q -j "$harness" 'io/kuberouter/kernel/harness/*.sh' -d "$tools"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
mounts=()
for entry in $(tr ':' '\n' <<< "$cp"); do mounts+=(-r "$entry"); done
JAVA_HOME=$java_home bash "$tools/uml-run.sh" -m 2G -t 3600 -r "$java_home" "${mounts[@]}" -- \
  "$java_home/bin/java" -XX:+UseSerialGC -Xmx1g -cp "$cp" io.kuberouter.proxy.ipvs.it.ProxyBenchmark "$@"
