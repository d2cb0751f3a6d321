#!/usr/bin/env bash
# End-to-end check of the presenter screen on two headless monitors (../shared/tools/two-screens:
# laptop 1280x800 primary, projector 1024x768 to its right): the projector shows the panels,
# Page Down from the presenter window moves both, B blanks and restores, unplugging the projector
# keeps the lesson going in the presenter window and plugging it back brings the projector window
# back. Writes screenshots of both monitors to target/present/. Not part of `mvn verify` (it needs
# Xorg's dummy driver and takes a minute or two); run it after `mvn package`.
# usage: scripts/present-two-screens.sh [DISPLAY]   (default :71)
set -euo pipefail
cd "$(dirname "$0")/.."
disp=${1:-:71}
tools=${TWO_SCREENS:-../shared/tools/two-screens}
[ -x "$tools" ] || tools=/work/shared/tools/two-screens
command -v cvt >/dev/null || apt-get install -y -qq xcvt >/dev/null   # two-screens needs cvt for its modelines
[ -f target/nexttoken.jar ] || mvn -B -q package -DskipTests
out=target/present; mkdir -p "$out"
fail() { echo "present-two-screens: $*" >&2; exit 1; }

"$tools" start "$disp" >/dev/null
sleep 10  # let both outputs settle: a toolkit started sooner has been seen to read one screen
export DISPLAY=$disp
java -jar target/nexttoken.jar --present part2-en >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; "$tools" stop "$disp" >/dev/null 2>&1 || true' EXIT

projector_mean() {  # mean brightness of the projector monitor (1024x768 at 1280,0), 0 = black
  import -window root "$out/shot.png"
  convert "$out/shot.png" -crop 1024x768+1280+0 +repage -colorspace Gray -format '%[fx:mean]' info:
}
presenter=""
for _ in $(seq 1 120); do
  presenter=$(xdotool search --name '^Presenter' 2>/dev/null | head -1 || true)
  [ -n "$presenter" ] && [ "$(projector_mean)" != "0" ] && break
  kill -0 $app 2>/dev/null || fail "the app exited: $(cat "$out/app.log")"
  sleep 1
done
[ -n "$presenter" ] || fail "no presenter window"
sleep 5   # the first layout of both windows
key() { xdotool windowfocus "$presenter"; sleep 0.3; xdotool key "$1"; sleep 3; }

import -window root "$out/start.png"
before=$(convert "$out/start.png" -crop 1024x768+1280+0 +repage -format '%#' info:)
key Next; key Next; key Next; key Next
import -window root "$out/both-monitors.png"
after=$(convert "$out/both-monitors.png" -crop 1024x768+1280+0 +repage -format '%#' info:)
[ "$before" != "$after" ] || fail "Page Down in the presenter window did not change the projector"
echo "Page Down from the presenter window moved the projector"

key b
[ "$(projector_mean)" = "0" ] || fail "B did not blank the projector"
key b
[ "$(projector_mean)" != "0" ] || fail "B again did not bring the lesson back"
echo "B blanks the projector and brings it back"

"$tools" unplug "$disp"; sleep 5
kill -0 $app 2>/dev/null || fail "the app died when the projector was unplugged"
import -window root "$out/unplugged.png"
key Next
"$tools" plug "$disp"; sleep 8
kill -0 $app 2>/dev/null || fail "the app died when the projector came back"
[ "$(projector_mean)" != "0" ] || fail "the projector window did not come back"
import -window root "$out/plugged-back.png"
echo "unplug and plug: the lesson went on and the projector window came back"
echo "screenshots in $out/"
