#!/usr/bin/env bash
# Builds a Debian/Ubuntu package for lab machines: target/deb/nexttoken_<version>_amd64.deb.
# It carries its own Java runtime (jlink, from scripts/app-image.sh), installs into
# /opt/nexttoken, and puts NextToken in the applications menu under Education.
#   sudo apt-get install ./target/deb/nexttoken_*.deb
#   /opt/nexttoken/bin/NextToken                      # the app
#   /opt/nexttoken/bin/NextToken trace --lesson part2 # the command line
#   sudo apt-get remove nexttoken
# usage: scripts/package-deb.sh [--check]   (--check also installs, runs and removes it: scripts/check-deb.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

# jpackage builds .deb files with dpkg-deb and fakeroot.
missing=()
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v dpkg-deb >/dev/null || missing+=(dpkg-dev)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y "${missing[@]}"
fi

scripts/app-image.sh
version=$(unzip -p target/nexttoken.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
rm -rf target/deb
# jpackage reads the dependencies off the runtime's own libraries; JavaFX's natives are inside its
# jars, so what its window needs must be named: libglassgtk3.so needs GTK 3 (which brings pango,
# cairo, fontconfig and a font) and XTest, libprism_es2.so libGL and XF86VidMode. A minimal Debian
# has none of them; scripts/check-deb-chroot.sh opens the window on one. Handouts embed DejaVu
# from /usr/share/fonts/truetype/dejavu (HandoutPdf), which GTK's fonts only bring as one choice of several.
window_deps="libgtk-3-0, libxtst6, libxxf86vm1, libgl1, fonts-dejavu-core"
jpackage --type deb --app-image target/app-image/NextToken --name NextToken \
         --app-version "${version:-0.1.0}" --linux-package-name nexttoken \
         --description "Shows how a language model picks the next word, one function at a time." \
         --vendor "NextToken" \
         --linux-shortcut --linux-menu-group Education --linux-app-category education \
         --linux-package-deps "$window_deps" \
         --resource-dir assets/deb \
         --dest target/deb
ls target/deb/*.deb
if [ "${1:-}" = "--check" ]; then
  scripts/check-deb.sh target/deb/*.deb
fi
