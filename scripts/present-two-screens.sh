#!/usr/bin/env bash
# End to end, the presenter screen on two real (headless) monitors: scripts/two-screens starts
# Xorg's dummy driver with a 1280x800 laptop (primary) and a 1024x768 projector to its right, then
# the real jar runs `--present part2-en` and this script checks, as a teacher would see it:
#   - the projector window covers the projector monitor and shows the lesson's panels, the
#     presenter window covers the laptop;
#   - Page Down sent to the presenter window moves both monitors, four times;
#   - B blanks the projector (black) and B again brings back the very same frame;
#   - unplugging the projector keeps the app alive, the presenter window fills the laptop and
#     Page Down still moves the lesson there; plugging it back brings the projector window back
#     on its monitor, showing the step the lesson moved to while it was away.
# Screenshots of both monitors, and of each monitor alone, go to target/present/.
# usage: scripts/present-two-screens.sh [DISPLAY]   (default :71)   or   mvn -B -Ptwo-screens verify
# Needs root on a Debian machine for the packages it installs when they are missing (Xorg's dummy
# driver, xrandr, cvt, xdotool, ImageMagick, GTK 3); about a minute once they are there.
set -euo pipefail
cd "$(dirname "$0")/.."
disp=${1:-:71}
tools=scripts/two-screens
out=target/present
laptop_geom=1280x800
projector_geom=1024x768
projector_crop=1024x768+1280+0
laptop_crop=1280x800+0+0
# The laptop below the presenter window's top bar, whose clock and elapsed time change every second.
laptop_lesson=1280x760+0+40

if ! ldconfig -p | grep -q 'libgtk-3.so.0'; then   # JavaFX's window toolkit on X11
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libgtk-3-0 >/dev/null
fi
[ -f target/nexttoken.jar ] || mvn -B -q package -DskipTests
rm -rf "$out"; mkdir -p "$out"
started=$(date +%s)
fail() {
  echo "present-two-screens: FAILED: $*" >&2
  DISPLAY=$disp import -window root "$out/failed.png" 2>/dev/null || true
  echo "  screens: $(DISPLAY=$disp xrandr --listmonitors 2>&1 | tr '\n' ' ')" >&2
  echo "  app log: $out/app.log; last screen: $out/failed.png" >&2
  exit 1
}
ok() { echo "ok   $*"; }

"$tools" start "$disp" "$laptop_geom" "$projector_geom" >/dev/null
export DISPLAY=$disp
# Its own settings file, so a projector choice remembered on this machine cannot steer the test.
java -Dnexttoken.settings="$PWD/$out/settings.properties" -jar target/nexttoken.jar --present part2-en >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; "$tools" stop "$disp" >/dev/null 2>&1 || true' EXIT

alive() { kill -0 $app 2>/dev/null || fail "the app exited: $(cat "$out/app.log")"; }
shot() { import -window root "$out/$1.png"; }
crop() { convert "$out/$1.png" -crop "$2" +repage "$out/$1-$3.png"; }
digest() { convert "$out/$1.png" -crop "$2" +repage -format '%#' info:; }
mean() { convert "$out/$1.png" -crop "$2" +repage -colorspace Gray -format '%[fx:mean]' info:; }
colours() { convert "$out/$1.png" -crop "$2" +repage -format '%k' info:; }
geometry() {  # "X Y W H" of a window, from xdotool
  xdotool getwindowgeometry --shell "$1" 2>/dev/null | awk -F= '/^X=/{x=$2}/^Y=/{y=$2}/^WIDTH=/{w=$2}/^HEIGHT=/{h=$2}END{print x, y, w, h}'
}
visible() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true; }
# waits up to $1 seconds for the command after it to succeed
within() {
  local limit=$1; shift
  local until=$(( $(date +%s) + limit ))
  while ! "$@"; do
    alive
    [ "$(date +%s)" -lt "$until" ] || return 1
    sleep 0.5
  done
}

# ---- both windows in place ----------------------------------------------------------------
placed() {
  presenter=$(visible '^Presenter')
  projector=$(visible 'pro[jy]ector$')
  [ -n "$presenter" ] && [ -n "$projector" ] \
    && [ "$(geometry "$projector")" = "1280 0 1024 768" ] && [ "$(geometry "$presenter")" = "0 0 1280 800" ]
}
within 90 placed || fail "the windows are not on their monitors: presenter $(geometry "${presenter:-0}"), projector $(geometry "${projector:-0}")"
ok "projector window on the projector monitor (1280,0 1024x768), presenter window on the laptop (0,0 1280x800), after $(( $(date +%s) - started )) s"

# The first layout is done when the projector's picture stops changing.
settled() {
  shot start
  local now; now=$(digest start "$projector_crop")
  [ "$now" = "${last_start:-}" ] && [ "$(mean start "$projector_crop")" != "0" ]
  local r=$?; last_start=$now; return $r
}
within 60 settled || fail "the projector never showed a settled picture"
projector_colours=$(colours start "$projector_crop")
[ "$projector_colours" -gt 200 ] || fail "the projector shows only $projector_colours colours: no panels"
ok "the projector shows the lesson ($projector_colours colours in its picture)"

key() { xdotool windowfocus --sync "$presenter" 2>/dev/null || xdotool windowfocus "$presenter"; sleep 0.2; xdotool key "$1"; }
# waits until the region's digest differs from $2; leaves the picture in $out/$3.png
changed() {
  local region=$1 before=$2 name=$3
  within 15 bash -c "import -window root '$out/$name.png' && [ \"\$(convert '$out/$name.png' -crop $region +repage -format '%#' info:)\" != '$before' ]"
}

# ---- Page Down from the presenter window moves both ---------------------------------------
cp "$out/start.png" "$out/step.png"
for n in 2 3 4 5; do
  projector_before=$(digest step "$projector_crop")
  laptop_before=$(digest step "$laptop_lesson")
  key Next
  changed "$projector_crop" "$projector_before" step || fail "Page Down to step $n did not change the projector"
  changed "$laptop_lesson" "$laptop_before" step || fail "Page Down to step $n did not change the presenter window"
  sleep 1; shot step   # the layout after the step, not a frame in the middle of it
done
cp "$out/step.png" "$out/both-monitors.png"
crop both-monitors "$projector_crop" projector
crop both-monitors "$laptop_crop" laptop
ok "Page Down from the presenter window moved both monitors, steps 2 to 5"

# ---- B blanks and restores ---------------------------------------------------------------
lesson_frame=$(digest both-monitors "$projector_crop")
key b
black() { shot blank; [ "$(mean blank "$projector_crop")" = "0" ]; }
within 10 black || fail "B did not blank the projector (mean brightness $(mean blank "$projector_crop"))"
[ "$(mean blank "$laptop_crop")" != "0" ] || fail "B blanked the laptop too"
key b
restored() { shot restored; [ "$(digest restored "$projector_crop")" = "$lesson_frame" ]; }
within 10 restored || fail "B again did not bring back the same frame"
ok "B blanks the projector (black, the laptop not), B again brings back the same frame"

# ---- unplug and plug -----------------------------------------------------------------------
"$tools" unplug "$disp"
gone() { [ -z "$(visible 'pro[jy]ector$')" ] && [ "$(geometry "$presenter")" = "0 0 1280 800" ]; }
within 20 gone || fail "after the unplug the projector window is still mapped or the presenter window is not on the laptop ($(geometry "$presenter"))"
alive
sleep 1; shot unplugged
laptop_before=$(digest unplugged "$laptop_lesson")
key Next
changed "$laptop_lesson" "$laptop_before" unplugged-next || fail "Page Down with the projector unplugged did not move the lesson"
sleep 1; shot unplugged-next
ok "projector unplugged: the app lives, the presenter window fills the laptop, Page Down moves on to step 6"

"$tools" plug "$disp"
back() {
  projector=$(visible 'pro[jy]ector$')
  [ -n "$projector" ] && [ "$(geometry "$projector")" = "1280 0 1024 768" ]
}
within 30 back || fail "the projector window did not come back on the projector monitor"
returned() { shot plugged-back; [ "$(mean plugged-back "$projector_crop")" != "0" ] \
  && [ "$(digest plugged-back "$projector_crop")" != "$lesson_frame" ]; }
within 20 returned || fail "the projector came back black, or still on step 5"
sleep 1; shot plugged-back
crop plugged-back "$projector_crop" projector
crop plugged-back "$laptop_crop" laptop
ok "projector plugged back: its window returns on its monitor, showing step 6"
alive
echo "present-two-screens: passed in $(( $(date +%s) - started )) s; screenshots in $out/" \
  "(both-monitors.png, blank.png, unplugged.png, plugged-back.png; *-projector.png, *-laptop.png per monitor)"
