#!/usr/bin/env bash
# Fetches the fonts the trainer draws digits from and the tests hold out, from Debian's archive by
# package name (apt-get download; nothing is installed), into data/fonts/PACKAGE/ (or $1/PACKAGE/),
# each package's font files with its copyright file beside them, and data/fonts/PACKAGES with the
# versions taken. Which fonts train and which are held out: imaging/.../FontCatalog.java; their
# licences: README ("Fonts"). Optional: training without --fonts and the font tests need none, so
# a failure here is a warning.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-"$root/data/fonts"}
packages=(
  fonts-dkg-handwriting fonts-bwht fonts-breip fonts-klee fonts-rufscript fonts-humor-sans
  fonts-dancingscript fonts-comic-neue
  fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf fonts-lato fonts-open-sans
  fonts-cantarell fonts-sil-andika fonts-go fonts-inconsolata
)

have() {
  [ -f "$dest/PACKAGES" ] && for p in "${packages[@]}"; do grep -q "^$p=" "$dest/PACKAGES" || return 1; done
}

if have; then
  echo "fonts already in $dest ($(wc -l < "$dest/PACKAGES") packages)"
  exit 0
fi
if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "warning: apt-get or dpkg-deb not found; the font tests will be skipped" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
if ! (cd "$tmp" && apt-get download -qq "${packages[@]}" >/dev/null 2>&1); then
  echo "warning: apt-get download of the font packages failed (run apt-get update?); the font tests will be skipped" >&2
  exit 0
fi
mkdir -p "$dest"
: > "$dest/PACKAGES.new"
for deb in "$tmp"/*.deb; do
  name=$(dpkg-deb -f "$deb" Package)
  version=$(dpkg-deb -f "$deb" Version)
  rm -rf "$tmp/x" "${dest:?}/$name"
  dpkg-deb -x "$deb" "$tmp/x"
  mkdir -p "$dest/$name"
  find "$tmp/x" \( -name '*.ttf' -o -name '*.otf' \) -exec cp {} "$dest/$name/" \;
  cp "$tmp/x/usr/share/doc/$name/copyright" "$dest/$name/copyright"
  echo "$name=$version" >> "$dest/PACKAGES.new"
done
sort "$dest/PACKAGES.new" > "$dest/PACKAGES"
rm "$dest/PACKAGES.new"
echo "fonts fetched into $dest ($(wc -l < "$dest/PACKAGES") packages, $(find "$dest" \( -name '*.ttf' -o -name '*.otf' \) | wc -l) font files)"
