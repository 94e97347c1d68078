#!/bin/bash
# Runs NftBenchmark (src/test/java/.../it) on the host kernel, in network namespaces it creates and deletes.
# Needs root, nft (Debian package nftables), and the module built with its test classes (mvn ... install).
#   usage: src/test/bench/nft-benchmark.sh [services=5000] [endpoints=10] [rounds=3] [changes=200]
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$module"
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="$module/target/test-classes:$module/target/classes:$(cat target/bench.classpath)"
java -XX:+UseSerialGC -Xmx1g -cp "$cp" io.kuberouter.proxy.nft.it.NftBenchmark "$@"
