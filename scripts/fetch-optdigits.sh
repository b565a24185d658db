#!/usr/bin/env bash
# Fetches a handwriting set that is not MNIST: the test half of the UCI "optical recognition of
# handwritten digits" data (1,797 digits by 13 writers, 8x8 counts of 4x4 blocks of 32x32 bitmaps),
# as Debian's python3-sklearn package carries it (sklearn/datasets/data/digits.csv.gz), into
# data/optdigits/ (or $1). Only downloads the package with apt-get; installs nothing. Optional: the
# test that uses it is skipped without it, so a failure here is a warning.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-"$root/data/optdigits"}
want=6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8

verify() {
  [ -f "$dest/digits.csv.gz" ] && [ "$(gzip -dc "$dest/digits.csv.gz" | sha256sum | cut -d' ' -f1)" = "$want" ]
}

if verify; then
  echo "optdigits already in $dest (SHA-256 verified)"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "warning: apt-get not found; the optdigits test will be skipped" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
if ! (cd "$tmp" && apt-get download -qq python3-sklearn >/dev/null 2>&1); then
  echo "warning: apt-get download python3-sklearn failed (run apt-get update?); the optdigits test will be skipped" >&2
  exit 0
fi
dpkg-deb --fsys-tarfile "$tmp"/python3-sklearn_*.deb \
  | tar -x -C "$tmp" --wildcards '*/sklearn/datasets/data/digits.csv.gz'
mkdir -p "$dest"
find "$tmp" -name digits.csv.gz -exec cp {} "$dest/digits.csv.gz" \;
if ! verify; then
  echo "warning: $dest/digits.csv.gz does not have the expected content; the optdigits test will be skipped" >&2
  rm -f "$dest/digits.csv.gz"
  exit 0
fi
echo "optdigits fetched into $dest (SHA-256 verified)"
