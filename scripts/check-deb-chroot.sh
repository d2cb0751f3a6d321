#!/usr/bin/env bash
# The .deb on a fresh Debian, as a lab machine gets it: debootstrap makes a minimal Debian (the
# host's release, from the host's own Debian mirror) in a temporary folder, and in a chroot there
#   apt-get install ./nexttoken_….deb     pulls what the package needs from Debian (no JDK: its runtime is inside)
#   nexttoken trace --lesson part2         the command line prints part 2's numbers: f1 = 1800.0, p(azul) = 0.4237…
#   the menu entry                         /usr/share/applications/…desktop, in Education, Exec = the installed launcher
#   the window                             the app opens a window on the host's Xvfb, drawn from inside the chroot
#   apt-get remove / purge                 leaves no /opt/nexttoken, no menu entry, no package
# Prints how long each stage took. Needs root. The chroot is removed at the end (KEEP_CHROOT=1 keeps it).
# usage: scripts/check-deb-chroot.sh [DEB] [XVFB_DISPLAY_NUMBER]   or   mvn -B -Pdeb verify
#   DEB: default target/deb/nexttoken_*.deb, built with scripts/package-deb.sh when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "check-deb-chroot: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
display=${2:-86}
fail() { echo "check-deb-chroot: FAILED: $*" >&2; exit 1; }
stage_start=$(date +%s)
timings=()
took() { local now; now=$(date +%s); timings+=("$1 $((now - stage_start)) s"); echo "ok   $1 ($((now - stage_start)) s)"; stage_start=$now; }

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

deb=${1:-$(ls target/deb/nexttoken_*.deb 2>/dev/null | head -1 || true)}
if [ -z "$deb" ]; then
  scripts/package-deb.sh >/dev/null
  deb=$(ls target/deb/nexttoken_*.deb | head -1)
  took "built the .deb ($(du -h "$deb" | cut -f1))"
fi
deb=$(readlink -f "$deb")

# The host's own release and Debian mirror (the first one its apt sources name), so the chroot
# is the same Debian a lab machine of this kind would have.
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:?}")
mirror=${DEB_MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/{print $2; exit}' || true)
  [ -n "$mirror" ] || mirror=$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2; exit}' || true)
fi
[ -n "$mirror" ] || fail "no Debian mirror in /etc/apt/sources*: set DEB_MIRROR"

root=$(mktemp -d /var/tmp/nexttoken-chroot.XXXXXX)
xvfb=""
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  for m in tmp/.X11-unix dev/pts dev proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m" || true
  done
  if [ "${KEEP_CHROOT:-0}" = 1 ]; then echo "chroot kept in $root"; else rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT

debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
  || fail "debootstrap $suite failed: $(tail -5 "$root.debootstrap.log")"
rm -f "$root.debootstrap.log"
took "debootstrap: a minimal Debian $suite ($(du -sh --one-file-system "$root" | cut -f1))"

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/"
in_chroot() {
  chroot "$root" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
in_chroot sh -c 'command -v java' >/dev/null && fail "the fresh Debian already has a java: the test would prove nothing"
before=$(in_chroot dpkg-query -W -f='${Package}\n' | wc -l)

in_chroot apt-get update -qq >/dev/null 2>&1 || fail "apt-get update in the chroot failed"
in_chroot apt-get install -y -qq "/tmp/$(basename "$deb")" >"$root/tmp/install.log" 2>&1 \
  || fail "apt-get install ./$(basename "$deb") failed: $(tail -15 "$root/tmp/install.log")"
after=$(in_chroot dpkg-query -W -f='${Package}\n' | wc -l)
[ "$(in_chroot dpkg-query -W -f='${Status}' nexttoken)" = "install ok installed" ] || fail "nexttoken is not installed"
took "apt-get install ./$(basename "$deb"): installed, with $((after - before - 1)) packages it depends on"

launcher=/opt/nexttoken/bin/NextToken
[ -x "$root$launcher" ] || fail "no launcher at $launcher"
in_chroot sh -c 'command -v java' >/dev/null && fail "installing the package brought in a system java"
json=$(in_chroot "$launcher" trace --lesson part2 --format json) || fail "trace failed: $json"
echo "$json" | grep -q '"value" : 1800.0' || fail "trace did not print f1 = 1800.0: $json"
echo "$json" | grep -q '"probabilities" : \[ 0.423728813559322, 0.11864406779661017, 0.3389830508474576, 0.03389830508474576, 0.0847457627118644 \]' \
  || fail "trace did not print part 2's probabilities: $json"
markdown=$(in_chroot "$launcher" trace --lesson part2 --language es)
echo "$markdown" | grep -qF 'f1(578, 350, 698) = 578 × 1.0 + 350 × 0.5 + 698 × 1.5 = 1800.0' \
  || fail "the Spanish trace does not write part 2's f1 line: $markdown"
echo "$markdown" | grep -q 'Frase de entrada: "el cielo es"' || fail "the trace is not in Spanish: $markdown"
took "command line: trace --lesson part2 gives f1 = 1800.0, p = 0.4237 0.1186 0.3390 0.0339 0.0847, the Spanish report with its × and accents (runtime inside the package, no java installed)"

# A handout is set in DejaVu, which the package names as a dependency: a fresh machine without it
# would print the trace above and fail here.
in_chroot "$launcher" export --lesson part3 --handout /tmp/part3.pdf >/dev/null 2>"$root/tmp/handout.log" \
  || fail "export --handout failed: $(cat "$root/tmp/handout.log")"
head -c 5 "$root/tmp/part3.pdf" | grep -q '%PDF-' || fail "export --handout wrote no PDF"
took "handout: export --lesson part3 --handout writes a PDF in the chroot (fonts from the package's dependencies)"

desktop=$(ls "$root"/usr/share/applications/*nexttoken*.desktop 2>/dev/null | head -1 || true)
[ -n "$desktop" ] || fail "no .desktop file in /usr/share/applications"
grep -q '^Categories=.*Education' "$desktop" || fail "${desktop#$root} is not in the Education menu: $(cat "$desktop")"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1)
exec_path=${exec_line%% *}; exec_path=${exec_path//\"/}
[ -x "$root$exec_path" ] || fail "the menu entry runs $exec_path, which is not installed"
icon=$(sed -n 's/^Icon=//p' "$desktop" | head -1)
[ -z "$icon" ] || [ "${icon#/}" = "$icon" ] || [ -f "$root$icon" ] || fail "the menu entry's icon $icon is missing"
took "menu entry ${desktop#$root}: $(grep '^Categories=' "$desktop"), Exec=$exec_line"

# The window: the host's Xvfb, its socket shared into the chroot; the app inside draws on it.
Xvfb ":$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY=":$display" "$launcher" \
  >"$root/tmp/app.log" 2>&1 &
app=$!
window=""
for _ in $(seq 90); do
  window=$(DISPLAY=":$display" xdotool search --onlyvisible --name 'NextToken|Parte|Part' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$app" 2>/dev/null || fail "the app exited: $(cat "$root/tmp/app.log")"
  sleep 1
done
[ -n "$window" ] || fail "no window after 90 s: $(cat "$root/tmp/app.log")"
sleep 4
mkdir -p target/deb
DISPLAY=":$display" import -window root target/deb/chroot-app.png
colours=$(convert target/deb/chroot-app.png -format '%k' info:)
[ "$colours" -gt 100 ] || fail "the window is blank ($colours colours; target/deb/chroot-app.png)"
title=$(DISPLAY=":$display" xdotool getwindowname "$window" 2>/dev/null || echo "$window")
kill "$app"; wait "$app" 2>/dev/null || true; app=""
took "the app: window \"$title\" drawn ($colours colours, target/deb/chroot-app.png)"
umount -l "$root/tmp/.X11-unix"

in_chroot apt-get remove -y -qq nexttoken >/dev/null || fail "apt-get remove failed"
[ ! -e "$root/opt/nexttoken" ] || fail "/opt/nexttoken is still there after apt-get remove: $(find "$root/opt/nexttoken" | head)"
[ -z "$(ls "$root"/usr/share/applications/*nexttoken*.desktop 2>/dev/null)" ] || fail "the menu entry is still there"
in_chroot apt-get purge -y -qq nexttoken >/dev/null || fail "apt-get purge failed"
in_chroot dpkg-query -W -f='${Status}' nexttoken 2>/dev/null | grep -Eq 'ok (installed|config-files|half)' \
  && fail "dpkg still lists nexttoken"
in_chroot sh -c 'ls -A /opt 2>/dev/null' | grep -q . && fail "/opt is not empty after the purge"
took "apt-get remove and purge: no /opt/nexttoken, no menu entry, dpkg lists no nexttoken"

echo "check-deb-chroot: passed on Debian $suite:"
printf '  %s\n' "${timings[@]}"
