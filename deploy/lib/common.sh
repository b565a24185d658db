# shellcheck shell=bash
# Shared by deploy/*/install.sh and uninstall.sh: sourced, never run on its own.
# The caller sets PLATFORM (for messages) and, for installs, the variables documented at
# install_main below, then calls install_main "$@" or uninstall_main "$@".

readonly SERVICE=lenet-edge
readonly SERVICE_USER=lenet-edge
readonly OPT_DIR=/opt/lenet-edge
readonly ETC_DIR=/etc/lenet-edge
readonly JAR=$OPT_DIR/edge-runtime.jar
readonly CONFIG=$ETC_DIR/edge.properties
readonly UNIT=/etc/systemd/system/$SERVICE.service
readonly DROPIN_DIR=/etc/systemd/system/$SERVICE.service.d
# The unit's ExecStart runs this java; a drop-in overrides it when it is missing or too old.
readonly UNIT_JAVA=/usr/bin/java
readonly MIN_JAVA=21
# Java options shared by the unit and the self-check (keep in step with ExecStart in the units).
readonly JAVA_OPTS=(-Xms32m -Xmx128m --enable-native-access=ALL-UNNAMED)

info() { printf '%s: %s\n' "${0##*/}" "$*"; }
warn() { printf '%s: warning: %s\n' "${0##*/}" "$*" >&2; }
die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

require_root() {
  [ "$(id -u)" -eq 0 ] || die "run me as root: sudo $0"
}

require_aarch64() {
  local arch
  arch=$(uname -m)
  case "$arch" in
    aarch64|arm64) ;;
    armv7l|armv6l|armhf)
      die "this is a 32-bit ARM system ($arch): ONNX Runtime ships 64-bit ARM (aarch64) natives only." \
        "Install a 64-bit OS ($PLATFORM) and run me again." ;;
    *) die "this installer is for $PLATFORM on aarch64, not $arch." ;;
  esac
  # A 64-bit kernel with a 32-bit user space (old Raspberry Pi OS images) reports aarch64 too.
  if command -v dpkg >/dev/null && [ "$(dpkg --print-architecture)" != arm64 ]; then
    die "the kernel is 64-bit but the OS is $(dpkg --print-architecture): install the 64-bit (arm64) $PLATFORM."
  fi
}

# ONNX Runtime's natives need glibc 2.28 or newer (Debian 10 / Ubuntu 20.04 and later).
require_glibc_228() {
  local v
  v=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
  [ -n "$v" ] || { warn "cannot tell the glibc version; ONNX Runtime needs 2.28 or newer"; return 0; }
  if [ "$(printf '%s\n2.28\n' "$v" | sort -V | head -n 1)" != 2.28 ]; then
    die "glibc $v is too old: ONNX Runtime needs 2.28 or newer ($PLATFORM too old, see README.md)."
  fi
}

# Prints the major version of the java at $1 (0 when it does not run).
java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  v=${v#1.}
  echo "${v%%.*}" | grep -E '^[0-9]+$' || echo 0
}

# Whether apt has an installable candidate for package $1.
apt_has() {
  apt-cache policy "$1" 2>/dev/null | grep -qE '^ *Candidate: [^(]'
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# openjdk-21-jre-headless when apt has it, else the newest openjdk-NN-jre-headless with NN >= 21.
pick_jre_package() {
  if apt_has "openjdk-$MIN_JAVA-jre-headless"; then
    echo "openjdk-$MIN_JAVA-jre-headless"
    return 0
  fi
  local p n
  while read -r p; do
    n=${p#openjdk-}
    n=${n%%-*}
    if [ "$n" -ge "$MIN_JAVA" ] && apt_has "$p"; then
      echo "$p"
      return 0
    fi
  done < <(apt-cache pkgnames openjdk- | grep -E '^openjdk-[0-9]+-jre-headless$' | sort -t- -k2,2nr)
  return 1
}

# The newest java >= 21 already under /usr/lib/jvm (e.g. a Temurin JRE), or nothing.
installed_java() {
  local j best='' best_major=0 major
  for j in /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] || continue
    major=$(java_major "$j")
    if [ "$major" -ge "$MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$j
      best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}

# Installs a JRE >= 21 unless one is already there; sets JAVA_BIN to the java the service will run.
ensure_java() {
  if [ -x "$UNIT_JAVA" ] && [ "$(java_major "$UNIT_JAVA")" -ge "$MIN_JAVA" ]; then
    JAVA_BIN=$UNIT_JAVA
    info "Java $(java_major "$UNIT_JAVA") already installed ($UNIT_JAVA)"
    return 0
  fi
  local pkg
  if ! pkg=$(pick_jre_package); then
    # Debian 12 (Bookworm) and Raspberry Pi OS Bookworm ship only openjdk-17.
    if JAVA_BIN=$(installed_java); then
      info "Java $(java_major "$JAVA_BIN") already installed ($JAVA_BIN)"
      return 0
    fi
    die "apt offers no openjdk-NN-jre-headless with NN >= $MIN_JAVA (Debian Bookworm has only 17)." \
      "Install a Java $MIN_JAVA+ runtime first, e.g. temurin-21-jre from Eclipse Adoptium's apt" \
      "repository (see README.md), then run me again."
  fi
  info "installing $pkg"
  apt_install "$pkg"
  if [ -x "$UNIT_JAVA" ] && [ "$(java_major "$UNIT_JAVA")" -ge "$MIN_JAVA" ]; then
    JAVA_BIN=$UNIT_JAVA
    return 0
  fi
  # An older JDK stays the default `java`: the service runs the new one by its full path.
  JAVA_BIN=$(installed_java) || die "$pkg installed but no java $MIN_JAVA+ was found under /usr/lib/jvm"
}

# Without a java >= 21 at /usr/bin/java (an older default JDK), point the unit at the right one with
# a drop-in rather than switching the system-wide `java` alternative under other programs' feet.
write_java_dropin() {
  local conf=$DROPIN_DIR/java.conf
  if [ "$JAVA_BIN" = "$UNIT_JAVA" ]; then
    rm -f "$conf"
    return 0
  fi
  warn "$UNIT_JAVA is not Java $MIN_JAVA+; the service will run $JAVA_BIN (drop-in $conf)"
  install -d -m 0755 "$DROPIN_DIR"
  local execstart
  execstart=$(sed -n 's|^ExecStart=/usr/bin/java |ExecStart='"$JAVA_BIN"' |p' "$UNIT")
  [ -n "$execstart" ] || die "no ExecStart=$UNIT_JAVA line in $UNIT to override"
  printf '# Written by install.sh: %s is older than Java %s.\n[Service]\nExecStart=\n%s\n' \
    "$UNIT_JAVA" "$MIN_JAVA" "$execstart" >"$conf"
  chmod 0644 "$conf"
}

# Creates the system user (no login shell, no home) and adds it to the groups in $@.
ensure_user() {
  local g
  for g in "$@"; do
    getent group "$g" >/dev/null || die "group '$g' does not exist on this system (see README.md)"
  done
  if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
    info "creating system user $SERVICE_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin --comment "lenet-edge digit recogniser" "$SERVICE_USER"
  fi
  if [ $# -gt 0 ]; then
    usermod -a -G "$(IFS=,; echo "$*")" "$SERVICE_USER"
  fi
}

check_jar() {
  [ -f "$1" ] || die "no jar at $1: build it with 'mvn -pl edge-runtime -am package' or pass --jar FILE"
  [ "$(head -c 2 "$1")" = PK ] || die "$1 is not a jar (zip) file"
}

install_jar() {
  install -d -o root -g root -m 0755 "$OPT_DIR"
  install -o root -g root -m 0644 "$1" "$JAR"
  # The unit's Documentation= points here.
  install -o root -g root -m 0644 "$SCRIPT_DIR/README.md" "$OPT_DIR/README.md"
  # The unit's class archive (AppCDS) and ONNX Runtime's unpacked library belong to the old jar:
  # the first start of the new one makes them again.
  rm -rf /var/cache/lenet-edge/edge-runtime.jsa /var/cache/lenet-edge/onnxruntime-*
  # install-model's folder (the unit's StateDirectory); a model installed there is kept.
  install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0755 /var/lib/lenet-edge /var/lib/lenet-edge/models
  info "installed $1 -> $JAR"
}

# Never overwrites a config the user may have edited: a different one goes to edge.properties.new.
install_config() {
  install -d -o root -g root -m 0755 "$ETC_DIR"
  if [ ! -e "$CONFIG" ]; then
    install -o root -g root -m 0644 "$1" "$CONFIG"
    info "installed $CONFIG: edit it, then: sudo systemctl restart $SERVICE"
  elif cmp -s "$1" "$CONFIG"; then
    rm -f "$CONFIG.new"
    info "$CONFIG is up to date"
  else
    install -o root -g root -m 0644 "$1" "$CONFIG.new"
    info "kept your $CONFIG; the shipped example is $CONFIG.new (compare: diff $CONFIG $CONFIG.new)"
  fi
}

install_unit() {
  install -o root -g root -m 0644 "$1" "$UNIT"
  write_java_dropin
  if declare -F platform_dropins >/dev/null; then platform_dropins; fi
  systemctl daemon-reload
  systemctl enable "$SERVICE" >/dev/null
  info "installed and enabled $UNIT"
}

# The jar, its native library and the model must load as the service user before the service starts.
self_check() {
  info "self-check: java -jar $JAR info (as $SERVICE_USER)"
  local out
  if ! out=$(cd / && runuser -u "$SERVICE_USER" -- "$JAVA_BIN" "${JAVA_OPTS[@]}" \
      -jar "$JAR" info --ep cpu 2>&1); then
    printf '%s\n' "$out" >&2
    die "self-check failed (output above); the service was not started"
  fi
  printf '%s\n' "$out" | sed -n 's/^\(model\|ONNX Runtime\)/  &/p'
}

start_service() {
  # restart, not start: a reinstall must pick up the new jar and unit.
  systemctl restart "$SERVICE"
  sleep 3
  if systemctl is-active --quiet "$SERVICE"; then
    info "$SERVICE is running; follow it with: journalctl -u $SERVICE -f"
  else
    systemctl --no-pager --lines=20 status "$SERVICE" >&2 || true
    die "$SERVICE did not stay up; see: journalctl -u $SERVICE -e"
  fi
}

# Caller sets: PLATFORM, SCRIPT_DIR, DEFAULT_JAR,
# USER_GROUPS (array) and may define the hooks platform_checks (before anything changes),
# platform_packages (after Java) and platform_dropins (writes into $DROPIN_DIR).
install_main() {
  local jar=$DEFAULT_JAR start=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --jar) [ $# -ge 2 ] || die "--jar needs a FILE"; jar=$2; shift 2 ;;
      --jar=*) jar=${1#--jar=}; shift ;;
      --no-start) start=0; shift ;;
      -h|--help) install_usage; exit 0 ;;
      *) install_usage >&2; exit 2 ;;
    esac
  done
  require_root
  require_aarch64
  require_glibc_228
  if declare -F platform_checks >/dev/null; then platform_checks; fi
  check_jar "$jar"

  info "updating the package lists"
  apt-get update -qq
  ensure_java
  if declare -F platform_packages >/dev/null; then platform_packages; fi

  ensure_user "${USER_GROUPS[@]}"
  install_jar "$jar"
  install_config "$SCRIPT_DIR/edge.properties"
  install_unit "$SCRIPT_DIR/$SERVICE.service"
  self_check
  if [ "$start" -eq 1 ]; then
    start_service
  else
    info "not started (--no-start); it starts at boot, or now with: sudo systemctl start $SERVICE"
  fi
}

install_usage() {
  cat <<USAGE
Usage: sudo $0 [--jar FILE] [--no-start]

Installs lenet-edge as the systemd service '$SERVICE' on $PLATFORM:
  - Java $MIN_JAVA+ and the camera tools from apt;
  - the system user '$SERVICE_USER' (no login);
  - the jar as $JAR;
  - the example config as $CONFIG, unless one is there already
    (then as $CONFIG.new, and yours is kept);
  - $UNIT, enabled.
Then runs 'java -jar $JAR info' as '$SERVICE_USER' as a self-check and (re)starts
the service. Safe to run again, e.g. to install a new jar.

  --jar FILE   the edge runtime jar
               (default: $DEFAULT_JAR)
  --no-start   install and enable, but do not start now (it starts at boot)
  -h, --help   this help
USAGE
}

uninstall_main() {
  local purge=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --purge) purge=1; shift ;;
      -h|--help) uninstall_usage; exit 0 ;;
      *) uninstall_usage >&2; exit 2 ;;
    esac
  done
  require_root
  systemctl disable --now "$SERVICE" 2>/dev/null || true
  rm -f "$UNIT"
  rm -rf "$DROPIN_DIR"
  systemctl daemon-reload
  systemctl reset-failed "$SERVICE" 2>/dev/null || true
  rm -rf "$OPT_DIR"
  info "removed the service and $OPT_DIR"
  if [ "$purge" -eq 1 ]; then
    rm -rf "$ETC_DIR"
    if id -u "$SERVICE_USER" >/dev/null 2>&1; then
      userdel "$SERVICE_USER"
    fi
    info "purged $ETC_DIR and the user $SERVICE_USER"
  else
    info "kept $ETC_DIR and the user $SERVICE_USER (remove them with --purge)"
  fi
  info "Java and the camera packages stay installed (remove them with apt-get if nothing else needs them)"
}

uninstall_usage() {
  cat <<USAGE
Usage: sudo $0 [--purge]

Stops, disables and removes the '$SERVICE' service and $OPT_DIR.
  --purge      also remove $ETC_DIR (your config) and the user '$SERVICE_USER'
  -h, --help   this help
USAGE
}
