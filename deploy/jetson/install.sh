#!/usr/bin/env bash
# Installs lenet-edge as a systemd service on an NVIDIA Jetson (JetPack 5 or 6, Ubuntu, aarch64).
#   sudo deploy/jetson/install.sh [--jar FILE] [--no-start]     (--help for details)
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$SCRIPT_DIR/../lib/common.sh"

PLATFORM="NVIDIA Jetson with JetPack 5 or 6 (Ubuntu 20.04/22.04, 64-bit)"
DEFAULT_JAR=$(cd "$SCRIPT_DIR/../.." && pwd)/edge-runtime/target/edge-runtime-linux-aarch64.jar
# video: camera and NVIDIA device nodes. No gpio group: Pi4J does not drive a Jetson's GPIO.
USER_GROUPS=(video)

platform_checks() {
  if [ -r /etc/nv_tegra_release ]; then
    info "L4T: $(head -n 1 /etc/nv_tegra_release)"
  else
    warn "no /etc/nv_tegra_release: this does not look like a Jetson with JetPack; carrying on"
  fi
}

# gst-launch-1.0 runs the camera pipeline (nvarguscamerasrc and nvvidconv come with JetPack).
platform_packages() {
  if command -v gst-launch-1.0 >/dev/null; then
    info "gst-launch-1.0 already installed"
  else
    info "installing gstreamer1.0-tools"
    apt_install gstreamer1.0-tools
  fi
  if command -v gst-inspect-1.0 >/dev/null && ! gst-inspect-1.0 nvarguscamerasrc >/dev/null 2>&1; then
    warn "GStreamer has no nvarguscamerasrc: the CSI camera source needs JetPack's multimedia" \
      "packages (nvidia-l4t-gstreamer); a USB camera works with source=v4l2:..."
  fi
}

# The NVIDIA device nodes differ between L4T releases (nvhost-* and nvmap on JetPack 4/5,
# nvgpu/igpu0/* and host1x-fence on JetPack 6): allow, by path, those this Jetson has.
platform_dropins() {
  local conf=$DROPIN_DIR/devices.conf node
  install -d -m 0755 "$DROPIN_DIR"
  {
    echo "# Written by deploy/jetson/install.sh: the NVIDIA device nodes present at install time."
    echo "# Run the installer again after a JetPack upgrade."
    echo "[Service]"
    while read -r node; do
      echo "DeviceAllow=$node rw"
    done < <(find /dev -maxdepth 3 -type c \( -name 'nvhost*' -o -path '/dev/nvgpu/*' \
      -o -name nvmap -o -name host1x-fence -o -name nvsciipc -o -name 'nvidia*' \) 2>/dev/null | sort)
  } >"$conf"
  chmod 0644 "$conf"
  info "allowed $(grep -c '^DeviceAllow=' "$conf") NVIDIA device nodes ($conf)"
}

install_main "$@"
