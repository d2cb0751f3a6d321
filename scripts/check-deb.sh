#!/usr/bin/env bash
# Installs a NextToken .deb as a lab machine would, checks it, and removes it again:
# the menu entry (Education), the command line, the app's window under Xvfb, a clean removal.
# Needs root (apt-get) and xvfb. usage: scripts/check-deb.sh target/deb/nexttoken_*.deb [DISPLAY_NUMBER]
set -euo pipefail
deb=$(readlink -f "$1")
display=${2:-85}
fail() { echo "check-deb: $*" >&2; exit 1; }

apt-get install -y "$deb" >/dev/null
launcher=/opt/nexttoken/bin/NextToken
[ -x "$launcher" ] || fail "no launcher at $launcher"

desktop=$(ls /usr/share/applications/*nexttoken*.desktop 2>/dev/null | head -1 || true)
[ -n "$desktop" ] || desktop=$(ls /opt/nexttoken/lib/*.desktop 2>/dev/null | head -1 || true)
[ -n "$desktop" ] || fail "no .desktop file installed"
grep -q '^Categories=.*Education' "$desktop" || fail "$desktop is not in the Education menu"
echo "menu entry: $desktop ($(grep '^Categories=' "$desktop"))"

# The command line, with the runtime inside the package (no JDK on the PATH needed).
out=$(env PATH=/usr/bin:/bin "$launcher" trace --lesson part2-en --format json)
echo "$out" | grep -q '"value" : 1800.0' || fail "trace did not print f1 = 1800.0: $out"
echo "command line: trace --lesson part2-en gives f1 = 1800.0"

# The app: a window called NextToken appears on a virtual screen.
Xvfb ":$display" -screen 0 1024x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=":$display" "$launcher" >/tmp/nexttoken-deb-app.log 2>&1 &
app=$!
window=""
for _ in $(seq 1 60); do
  window=$(DISPLAY=":$display" xdotool search --name NextToken 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 $app 2>/dev/null || fail "the app exited: $(cat /tmp/nexttoken-deb-app.log)"
  sleep 1
done
[ -n "$window" ] || fail "no NextToken window after 60 s"
echo "app: window $window on :$display"
DISPLAY=":$display" import -window root /tmp/nexttoken-deb-app.png 2>/dev/null || true
kill $app
wait $app 2>/dev/null || true

apt-get remove -y nexttoken >/dev/null
[ ! -e /opt/nexttoken ] || fail "/opt/nexttoken is still there after apt-get remove"
[ -z "$(ls /usr/share/applications/*nexttoken*.desktop 2>/dev/null)" ] || fail "the menu entry is still there"
dpkg -s nexttoken >/dev/null 2>&1 && [ "$(dpkg-query -W -f='${Status}' nexttoken)" != "deinstall ok config-files" ] \
  && fail "the package is still installed"
echo "removed cleanly"
