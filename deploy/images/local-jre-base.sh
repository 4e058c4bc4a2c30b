#!/usr/bin/env bash
# Makes a Java 17 runtime base image from Debian's archive, for building Pinxit's images where no container registry
# can be reached (deploy/README.md, "Images"): a minimal Debian with openjdk-17-jre-headless, imported into podman.
#
#   deploy/images/local-jre-base.sh [IMAGE]        # default localhost/pinxit-jre:17; does nothing if it exists
#
# Uses the Debian mirror this machine's apt is configured with. Needs root, debootstrap and podman.
set -euo pipefail

IMAGE="${1:-localhost/pinxit-jre:17}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$ROOT/target/jre-base"

if podman image exists "$IMAGE"; then
  echo "local-jre-base: $IMAGE exists"
  exit 0
fi

mirror="$(grep -hs -m1 '^URIs:' /etc/apt/sources.list.d/debian.sources | awk '{print $2}')"
[[ -n "$mirror" ]] || mirror="$(grep -hs -m1 '^deb ' /etc/apt/sources.list | awk '{print $2}')"
[[ -n "$mirror" ]] || { echo "local-jre-base: no Debian mirror configured for apt" >&2; exit 1; }
suite="$(. /etc/os-release && echo "$VERSION_CODENAME")"

rm -rf "$WORK"
mkdir -p "$WORK"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$suite" "$WORK/rootfs" "$mirror"
rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
tar -C "$WORK/rootfs" -cf "$WORK/rootfs.tar" .
podman import --change 'CMD ["/bin/bash"]' "$WORK/rootfs.tar" "$IMAGE"
rm -rf "$WORK"
echo "local-jre-base: made $IMAGE"
