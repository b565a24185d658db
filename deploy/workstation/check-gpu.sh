#!/usr/bin/env bash
# Checks a workstation for GPU training (mvn -Dcuda ... trainer): an NVIDIA GPU and a driver
# recent enough for CUDA 12.x, and the network or a DJL cache for libtorch's CUDA build.
# Prints what is there and what is missing; exit 0 when training on the GPU should work.
#   deploy/workstation/check-gpu.sh
set -euo pipefail

missing=0
ok() { printf '  ok       %s\n' "$*"; }
miss() { printf '  MISSING  %s\n' "$*"; missing=$((missing + 1)); }
note() { printf '  note     %s\n' "$*"; }

# CUDA 12.x needs driver >= 525.60.13 on Linux (CUDA's minor version compatibility).
min_driver=525.60.13
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }

echo "GPU training prerequisites:"
if [ "$(uname -s)" != Linux ]; then
  note "not Linux ($(uname -s)): these checks are for Linux workstations"
fi
case "$(uname -m)" in
  x86_64) ok "x86-64 (DJL's CUDA libtorch builds are for linux-x86_64)" ;;
  *) miss "DJL downloads CUDA libtorch for linux-x86_64 only; this is $(uname -m)" ;;
esac

if ! command -v nvidia-smi >/dev/null; then
  miss "nvidia-smi: no NVIDIA driver installed (e.g. Debian: apt install nvidia-driver; Ubuntu: ubuntu-drivers install)"
else
  ok "nvidia-smi: $(command -v nvidia-smi)"
  if ! gpus=$(nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv,noheader 2>&1); then
    miss "nvidia-smi cannot talk to the driver: $gpus (driver not loaded? reboot after installing it)"
  elif [ -z "$gpus" ]; then
    miss "no NVIDIA GPU found by nvidia-smi"
  else
    while IFS= read -r line; do ok "GPU $line"; done <<<"$gpus"
    driver=$(head -n 1 <<<"$gpus" | cut -d, -f3 | tr -d ' ')
    if version_ge "$driver" "$min_driver"; then
      ok "driver $driver supports CUDA 12.x (needs >= $min_driver)"
    else
      miss "driver $driver is too old for CUDA 12.x: install $min_driver or newer"
    fi
    cuda=$(nvidia-smi 2>/dev/null | sed -n 's/.*CUDA Version: *\([0-9.]*\).*/\1/p' | head -n 1)
    [ -n "$cuda" ] && note "the driver supports CUDA up to $cuda (no CUDA toolkit is needed: DJL brings libtorch's CUDA libraries)"
  fi
fi

djl_cache=${DJL_CACHE_DIR:-$HOME/.djl.ai}
if compgen -G "$djl_cache/pytorch/*cu1*" >/dev/null; then
  ok "a CUDA libtorch is cached in $djl_cache/pytorch (training can run with -Dai.djl.offline=true)"
elif [ -n "${PYTORCH_LIBRARY_PATH:-}" ]; then
  ok "PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH (DJL uses that libtorch)"
else
  note "no CUDA libtorch in $djl_cache yet: the first training run of the -Dcuda build downloads it (a few GB; needs the network once)"
fi

# Like scripts/env.sh: java on the PATH, or a JDK under /usr/lib/jvm.
java_found=''
for j in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -z "$j" ] || [ ! -x "$j" ]; then continue; fi
  major=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
    java_found="$j (Java $major)"
    break
  fi
done
if [ -n "$java_found" ]; then ok "java: $java_found"; else miss "a JDK 21+ (e.g. Temurin 21 or 25)"; fi
# Presence only: running mvn here would start a JVM for nothing.
if command -v mvn >/dev/null; then ok "mvn: $(command -v mvn)"; else miss "Maven 3.8.7+ (apt install maven)"; fi

if [ "$missing" -eq 0 ]; then
  echo "Ready: mvn -Dcuda -pl trainer -am package -DskipTests, then train with --device gpu."
else
  echo "$missing missing; see deploy/workstation/README.md."
  exit 1
fi
