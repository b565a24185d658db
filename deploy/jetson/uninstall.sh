#!/usr/bin/env bash
# Removes the lenet-edge service from a Jetson; keeps /etc/lenet-edge unless --purge.
#   sudo deploy/jetson/uninstall.sh [--purge]
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$SCRIPT_DIR/../lib/common.sh"
PLATFORM="NVIDIA Jetson"
uninstall_main "$@"
