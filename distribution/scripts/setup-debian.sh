#!/usr/bin/env bash
# Installs everything the build, the agent and the test suite need on a fresh Debian 12 machine (run as root).
# Idempotent: packages already present are left as they are.
set -euo pipefail
PACKAGES=(
  openjdk-17-jdk-headless maven
  iproute2 iptables ipset ipvsadm conntrack kmod nftables
  user-mode-linux
  gobgpd bird2
  containernetworking-plugins
  curl python3 strace procps
  chromium chromium-driver
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup: all packages present (${#PACKAGES[@]})"
