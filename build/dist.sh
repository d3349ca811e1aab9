#!/usr/bin/env bash
# Builds the release artefacts into dist/ from an already built Linux binary:
#   usagedash_<version>_amd64.deb        Debian package (GTK 3 + WebKitGTK 4.1)
#   usagedash-<version>-linux-amd64.tar.gz  binary, .desktop file and icons
#   usagedash-<version>-windows-amd64.exe   cross-built GUI binary with icon and version resource
#   usagedash-<version>-windows-amd64-installer.exe  when makensis (Debian: nsis) is installed
# macOS cannot be built here (cgo + Apple SDK): see README "macOS".
# Usage: dist.sh VERSION WAILS_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1 wails=$2
out=dist
rm -rf "$out" && mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# Icons at the sizes desktops look for, from the one app icon.
sizes="16 22 24 32 48 64 128 256 512"
for s in $sizes; do
  mkdir -p "$stage/icons/${s}x${s}/apps"
  convert build/appicon.png -resize "${s}x${s}" "$stage/icons/${s}x${s}/apps/usagedash.png"
done

# Debian package.
root="$stage/deb"
install -Dm755 build/bin/usagedash "$root/usr/bin/usagedash"
install -Dm644 build/linux/usagedash.desktop "$root/usr/share/applications/usagedash.desktop"
for s in $sizes; do
  install -Dm644 "$stage/icons/${s}x${s}/apps/usagedash.png" "$root/usr/share/icons/hicolor/${s}x${s}/apps/usagedash.png"
done
install -Dm644 /dev/stdin "$root/usr/share/doc/usagedash/copyright" <<COPY
usagedash: Anthropic API token usage and cost for agent workflows.
Built from the usagedash repository, version $version.
COPY
installed_kb=$(du -sk "$root/usr" | cut -f1)
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: usagedash
Version: $version
Architecture: amd64
Maintainer: usagedash developers <usagedash@example.com>
Installed-Size: $installed_kb
Depends: libgtk-3-0 (>= 3.24), libwebkit2gtk-4.1-0 (>= 2.40), libc6 (>= 2.34)
Recommends: gnome-keyring | kwalletmanager
Section: utils
Priority: optional
Homepage: https://github.com/usagedash/usagedash
Description: Anthropic API token usage and cost for agent workflows
 A desktop dashboard and tray item that show how many Anthropic API tokens
 a self-hosted agent-workflow platform's workflows used and what they cost,
 read through the platform's API or straight from its MongoDB.
CONTROL
dpkg-deb --root-owner-group --build "$root" "$out/usagedash_${version}_amd64.deb" >/dev/null

# Linux tarball.
tardir="$stage/usagedash-$version"
mkdir -p "$tardir"
cp build/bin/usagedash build/linux/usagedash.desktop README.md "$tardir/"
cp -r "$stage/icons" "$tardir/icons"
tar -C "$stage" -czf "$out/usagedash-$version-linux-amd64.tar.gz" "usagedash-$version"

# Windows: a GUI binary with its icon and version resource (no cgo needed).
nsis=""
command -v makensis >/dev/null && nsis="-nsis"
CGO_ENABLED=0 "$wails" build -platform windows/amd64 -s -skipbindings -trimpath $nsis -o usagedash.exe \
  -ldflags "-X main.version=$version" >/dev/null
mv build/bin/usagedash.exe "$out/usagedash-$version-windows-amd64.exe"
for f in build/bin/*installer*.exe; do
  [ -e "$f" ] && mv "$f" "$out/usagedash-$version-windows-amd64-installer.exe"
done

ls -l "$out"
