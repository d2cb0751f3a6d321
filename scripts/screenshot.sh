#!/usr/bin/env bash
# Screenshots of the real app under Xvfb, as a projector would show it.
# usage: scripts/screenshot.sh WIDTHxHEIGHT OUT.png "KEYS" [LESSON_FILE]
# e.g.   scripts/screenshot.sh 1024x768 docs/screenshots/part2.png "Right Right Right Right" assets/lessons/part2.json
# Needs: xvfb xdotool imagemagick (apt-get install -y xvfb xdotool imagemagick libgtk-3-0) and `mvn package`.
set -euo pipefail
size=$1; out=$2; keys=$3; lesson=${4:-}
jar="$(cd "$(dirname "$0")/.." && pwd)/target/nexttoken.jar"
xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  java -jar "$1" $2 >/dev/null 2>&1 & app=$!
  sleep 6
  for k in $3; do xdotool key "$k"; sleep 0.4; done
  sleep 1.5
  import -window root "$4"
  kill $app' _ "$jar" "$lesson" "$keys" "$out"
echo "wrote $out"
