#!/usr/bin/env bash
# Builds, once, an arm64 Debian root with a Java 21 runtime from Debian's packages, for running the
# device jar on emulated Raspberry Pi CPUs (qemu-user, no binfmt, no chroot). Prints its path.
#   scripts/arm64-root.sh [ROOT]     (default .cache/arm64-root, git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=${1:-${ARM64_ROOT:-.cache/arm64-root}}
SUITE=trixie
JDK=usr/lib/jvm/java-21-openjdk-arm64

if [[ -f "$ROOT/.complete" ]]; then
  echo "$ROOT"
  exit 0
fi
for tool in debootstrap qemu-aarch64-static dpkg-deb; do
  if ! command -v "$tool" > /dev/null; then
    echo "error: $tool is missing; install it: sudo apt-get install qemu-user-static debootstrap" >&2
    exit 2
  fi
done
SUDO=
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi

rm -rf "$ROOT"
mkdir -p "$ROOT"
echo "arm64 root: debootstrap $SUITE (first stage only: nothing runs inside it) into $ROOT" >&2
# --foreign unpacks without running the arm64 maintainer scripts; Debian's default mirror, as apt.
$SUDO debootstrap --arch=arm64 --foreign --variant=minbase \
  --include=openjdk-21-jre-headless "$SUITE" "$ROOT" >&2
# The first stage leaves the extra packages as .debs; unpack them all (the JDK and what it links).
for deb in "$ROOT"/var/cache/apt/archives/*.deb; do
  $SUDO dpkg-deb -x "$deb" "$ROOT"
done
$SUDO rm -f "$ROOT"/var/cache/apt/archives/*.deb
if [[ -n $SUDO ]]; then $SUDO chown -R "$(id -u):$(id -g)" "$ROOT"; fi

# Debian's JDK links its conf files to /etc/java-21-openjdk by absolute path, which the host's
# kernel would resolve on the host: point them into the root instead.
ABS=$(cd "$ROOT" && pwd)
find "$ROOT/$JDK" -type l | while read -r link; do
  target=$(readlink "$link")
  if [[ $target == /etc/* ]]; then ln -sfn "$ABS$target" "$link"; fi
done
# The JVM itself reads no /proc/cpuinfo, but ONNX Runtime's CPU probe does (and crashes on the
# host's x86 one); the per-CPU descriptions are written by scripts/test-arm64.sh for each board.
mkdir -p "$ROOT/proc" "$ROOT/sys/devices/system/cpu"
if [[ ! -x "$ROOT/$JDK/bin/java" ]]; then
  echo "error: $ROOT/$JDK/bin/java is missing after the unpack; remove $ROOT and run again" >&2
  exit 1
fi
touch "$ROOT/.complete"
echo "$ROOT"
