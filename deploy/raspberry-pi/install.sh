#!/usr/bin/env bash
# Installs lenet-edge as a systemd service on Raspberry Pi OS 64-bit (Bookworm or later).
#   sudo deploy/raspberry-pi/install.sh [--jar FILE] [--no-start]     (--help for details)
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$SCRIPT_DIR/../lib/common.sh"

PLATFORM="Raspberry Pi OS 64-bit (Bookworm or later)"
DEFAULT_JAR=$(cd "$SCRIPT_DIR/../.." && pwd)/edge-runtime/target/edge-runtime-linux-aarch64.jar
# video: the camera (/dev/video*, /dev/media*, /dev/dma_heap/*); gpio: /dev/gpiochip* (Pi4J GpioD).
USER_GROUPS=(video gpio)

platform_checks() {
  if ! grep -qs 'Raspberry Pi' /proc/device-tree/model; then
    warn "this does not look like a Raspberry Pi ($(tr -d '\0' </proc/device-tree/model 2>/dev/null || echo 'no device-tree model'))"
  fi
  local id='' version=''
  # shellcheck source=/dev/null
  [ -r /etc/os-release ] && id=$(. /etc/os-release && echo "${ID:-}") \
    && version=$(. /etc/os-release && echo "${VERSION_ID:-0}")
  if [ "$id" = debian ] || [ "$id" = raspbian ]; then
    [ "${version%%.*}" -ge 12 ] 2>/dev/null \
      || die "Debian/Raspberry Pi OS $version is too old: Bookworm (12) or later is needed (rpicam-apps, Java 21)"
  else
    warn "not Raspberry Pi OS (ID=$id); carrying on as if it were"
  fi
}

# rpicam-vid for --source rpicam: the -lite build has no preview window (this is a headless service).
platform_packages() {
  if command -v rpicam-vid >/dev/null; then
    info "rpicam-vid already installed"
  elif apt_has rpicam-apps-lite; then
    info "installing rpicam-apps-lite"
    apt_install rpicam-apps-lite
  elif apt_has rpicam-apps; then
    info "installing rpicam-apps"
    apt_install rpicam-apps
  else
    warn "apt has neither rpicam-apps-lite nor rpicam-apps: source=rpicam will not work" \
      "(v4l2:, images:, video: sources still do)"
  fi
}

install_main "$@"
