#!/usr/bin/env bash
# Installs what build-image.sh and check-image.sh need on Debian 12 (run as root), on top of
# distribution/scripts/setup-debian.sh: debootstrap (base file system), umoci (OCI packing and unpacking), runc (runs
# the image in the check). No container daemon. Idempotent.
set -euo pipefail
PACKAGES=(debootstrap umoci runc openjdk-17-jdk-headless iproute2 curl python3)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup-image: all packages present (${#PACKAGES[@]})"
