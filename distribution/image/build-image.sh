#!/usr/bin/env bash
# Builds the agent's container image as an OCI image archive without a container daemon (run as root):
#   debootstrap --variant=minbase bookworm  -> base layer: Debian + iptables, ipset, ipvsadm, iproute2, conntrack,
#                                              nftables, the CNI plugins (copied to the host by the init step)
#   jlink (from the build JDK)               -> runtime layer: /opt/java, only the modules the bundles import
#   distribution/target/kube-router          -> application layer: /opt/kube-router (+ /usr/local/bin/kube-router)
#   umoci                                    -> packs the three layers into an OCI layout, tar'ed as an OCI archive
#
# Usage: build-image.sh [DIST_DIR [OUT_DIR]]
#   DIST_DIR  the assembled distribution (default: distribution/target/kube-router, made by `mvn install`)
#   OUT_DIR   work and output folder (default: distribution/target/image); the result is
#             OUT_DIR/kube-router-image.tar (`tar -xf` it, then `umoci unpack --image DIR:TAG`, or
#             `skopeo copy oci-archive:kube-router-image.tar docker://REGISTRY/kube-router:TAG`).
# Environment: MIRROR (Debian mirror, default http://deb.debian.org/debian), TAG (default latest),
#   REUSE_ROOTFS=1 keeps an earlier debootstrap result in OUT_DIR/rootfs (saves ~2 minutes when iterating).
# Needs: debootstrap, umoci, a JDK with jmods (openjdk-17-jdk-headless): distribution/image/setup-image.sh.
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
DIST=$(realpath "${1:-$HERE/../target/kube-router}")
OUT=$(realpath -m "${2:-$HERE/../target/image}")
MIRROR=${MIRROR:-http://deb.debian.org/debian}
TAG=${TAG:-latest}
SUITE=bookworm
# The modules the bundles' Import-Package and the launcher need (javax.xml, javax.management, javax.naming, java.sql,
# javax.imageio, com.sun.net.httpserver, com.sun.management, jdk.jfr, sun.misc), TLS to the API server (jdk.crypto.ec),
# and the diagnostics the troubleshooting guide uses (jcmd: thread dumps, JFR).
JAVA_MODULES=java.base,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.xml,java.desktop,\
java.sql,java.rmi,java.instrument,java.scripting,java.security.jgss,java.security.sasl,jdk.unsupported,jdk.httpserver,\
jdk.crypto.ec,jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.zipfs,jdk.jcmd,jdk.attach
PACKAGES=iptables,ipset,ipvsadm,iproute2,conntrack,nftables,kmod,containernetworking-plugins,procps

[ "$(id -u)" = 0 ] || { echo "build-image: run as root (debootstrap, umoci keep file ownership)" >&2; exit 1; }
[ -x "$DIST/bin/kube-router" ] || { echo "build-image: no distribution at $DIST (run mvn install first)" >&2; exit 1; }
for tool in debootstrap umoci jlink; do
  command -v "$tool" >/dev/null || { echo "build-image: $tool missing (distribution/image/setup-image.sh)" >&2; exit 1; }
done
JDK_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
start=$(date +%s)
mkdir -p "$OUT"

# 1. base layer
ROOTFS=$OUT/rootfs
if [ "${REUSE_ROOTFS:-0}" = 1 ] && [ -f "$ROOTFS/.debootstrap-done" ]; then
  echo "build-image: reusing $ROOTFS"
else
  rm -rf "$ROOTFS"
  echo "build-image: debootstrap $SUITE from $MIRROR"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOTFS" "$MIRROR" >"$OUT/debootstrap.log" 2>&1 \
    || { tail -20 "$OUT/debootstrap.log" >&2; exit 1; }
  # Images carry no package caches, docs or locales; the agent needs none of them.
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* \
    "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/locale/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/*.log \
    "$ROOTFS"/var/cache/debconf/*-old "$ROOTFS"/var/lib/dpkg/*-old
  # The init step copies these to the host's /opt/cni/bin, as upstream's cni-install does.
  # Only the plugins cni/10-kuberouter.conflist uses (and loopback, which every runtime needs) are kept.
  mkdir -p "$ROOTFS/opt/cni/bin"
  for p in bridge host-local portmap loopback; do mv "$ROOTFS/usr/lib/cni/$p" "$ROOTFS/opt/cni/bin/"; done
  rm -rf "$ROOTFS/usr/lib/cni"
  touch "$ROOTFS/.debootstrap-done"
fi

# 2. runtime layer
JAVA_LAYER=$OUT/java-layer
rm -rf "$JAVA_LAYER" && mkdir -p "$JAVA_LAYER"
# No jlink compression: the layer is gzipped anyway, and uncompressed modules load faster at start.
jlink --module-path "$JDK_HOME/jmods" --add-modules "$JAVA_MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$JAVA_LAYER/java"
# Debian's JDK points lib/security/cacerts at the host's /etc/ssl; the agent trusts the cluster CA from its
# service account or kubeconfig, so an empty store is enough and no dangling link is shipped.
if [ -L "$JAVA_LAYER/java/lib/security/cacerts" ] || [ ! -e "$JAVA_LAYER/java/lib/security/cacerts" ]; then
  rm -f "$JAVA_LAYER/java/lib/security/cacerts"
fi
# Class-data sharing archive for the runtime's own classes: faster JVM start (-Xshare:auto in bin/kube-router).
"$JAVA_LAYER/java/bin/java" -Xshare:dump -XX:+UseSerialGC >/dev/null 2>&1 || true

# 3. application layer
APP_LAYER=$OUT/app-layer
rm -rf "$APP_LAYER" && mkdir -p "$APP_LAYER"
cp -a "$DIST" "$APP_LAYER/kube-router"
rm -rf "$APP_LAYER/kube-router/lab" "$APP_LAYER/kube-router/lib/lab" "$APP_LAYER/kube-router/bin/lab" \
  "$APP_LAYER/kube-router/data" "$APP_LAYER/kube-router/state"

# 4. pack: one layer per part, so a new agent build re-pushes only the application layer
LAYOUT=$OUT/oci
rm -rf "$LAYOUT"
umoci init --layout "$LAYOUT"
umoci new --image "$LAYOUT:$TAG"
umoci insert --image "$LAYOUT:$TAG" "$ROOTFS" /
umoci insert --image "$LAYOUT:$TAG" "$JAVA_LAYER/java" /opt/java
umoci insert --image "$LAYOUT:$TAG" "$APP_LAYER/kube-router" /opt/kube-router
umoci config --image "$LAYOUT:$TAG" \
  --config.entrypoint /opt/kube-router/bin/kube-router \
  --config.env JAVA_HOME=/opt/java \
  --config.env PATH=/opt/kube-router/bin:/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.workingdir /opt/kube-router \
  --config.label org.opencontainers.image.title=kube-router-jvm \
  --config.label org.opencontainers.image.description="kube-router for the JVM: service proxy, NetworkPolicy firewall, BGP router" \
  --config.exposedports 20244/tcp \
  --os linux --architecture amd64 \
  --author "kube-router-jvm" --history.comment "kube-router agent"
umoci gc --layout "$LAYOUT"
ARCHIVE=$OUT/kube-router-image.tar
tar -C "$LAYOUT" -cf "$ARCHIVE" .
size=$(du -b "$ARCHIVE" | cut -f1)
echo "build-image: $ARCHIVE ($((size / 1024 / 1024)) MiB, OCI image archive, tag $TAG) in $(( $(date +%s) - start )) s"
