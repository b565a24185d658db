# Sourced by the other scripts: finds a JDK >= 21 and Maven, and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME if it is >= 21, then `java` on PATH, then JDKs under /usr/lib/jvm (newest first).

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local d
  for d in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ 2>/dev/null | sort -rV); do
    candidates+=("${d%/}")
  done
  for d in "${candidates[@]}"; do
    if [ -x "$d/bin/javac" ] && [ "$(java_major "$d" 2>/dev/null || echo 0)" -ge 21 ] 2>/dev/null; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "error: no JDK 21 or newer found (looked at \$JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "       Install one (e.g. a Temurin 21 or 25 JDK) or point JAVA_HOME at it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "error: Maven (mvn) not found. Install it: sudo apt-get install maven" >&2
  return 1 2>/dev/null || exit 1
fi
# Maven's own Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every build.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
# The JVM flag that keeps JNA (DJL) and System.load (ONNX Runtime) quiet on JDK 22+.
export LENET_JAVA_OPTS="--enable-native-access=ALL-UNNAMED"
