#!/usr/bin/env bash
# Removes the lenet-edge service from a Raspberry Pi; keeps /etc/lenet-edge unless --purge.
#   sudo deploy/raspberry-pi/uninstall.sh [--purge]
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$SCRIPT_DIR/../lib/common.sh"
PLATFORM="Raspberry Pi OS"
uninstall_main "$@"
