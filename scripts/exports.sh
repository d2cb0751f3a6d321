#!/usr/bin/env bash
# The README's exported pictures, made with the real export command (headless; needs `mvn package`).
# usage: scripts/exports.sh   (writes docs/exports/*.png)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/nexttoken.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each picture in one language: a Spanish lesson with Spanish labels, an English one with English labels.
export() { java -jar "$jar" export --out "$tmp/$1" "${@:2}" >/dev/null 2>&1; }
export part4 --lesson part4 --language es --scale 1
export part2-en --lesson part2-en --language en --scale 1 --theme projector
export part3-dark --lesson part3 --language es --scale 1 --theme dark
export part3-clear --lesson part3-en --language en --scale 1 --theme dark --transparent
cp "$tmp/part4/part4-distribution.png" docs/exports/part4-distribution.png
cp "$tmp/part2-en/part2-en-logits.png" docs/exports/part2-en-logits.png
cp "$tmp/part3-dark/part3-slide.png" docs/exports/part3-dark-slide.png
cp "$tmp/part3-clear/part3-en-tokens.png" docs/exports/part3-en-dark-transparent-tokens.png
echo "wrote docs/exports/*.png"
