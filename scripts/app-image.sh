#!/usr/bin/env bash
# Builds a self-contained NextToken for Linux, for teachers without Maven or a JDK:
# target/app-image/NextToken/bin/NextToken runs the app (and the command line:
# NextToken trace --lesson part2). It carries its own Java runtime, made by jlink.
# usage: scripts/app-image.sh        (after `mvn package`, or it runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/nexttoken.jar ] || mvn -B -q package -DskipTests

rm -rf target/app-input target/app-runtime target/app-image
mkdir -p target/app-input/lib
cp target/nexttoken.jar target/app-input/
cp target/lib/*.jar target/app-input/lib/

# JavaFX stays on the class path (its jars carry the Linux natives); the runtime needs only
# the JDK modules the app and its libraries use.
jlink --add-modules java.base,java.desktop,java.logging,java.prefs,java.xml,java.naming,jdk.unsupported,jdk.jfr,java.management,jdk.localedata \
      --include-locales en,es \
      --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output target/app-runtime

version=$(unzip -p target/nexttoken.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
jpackage --type app-image --name NextToken --app-version "${version:-0.1.0}" \
         --input target/app-input --main-jar nexttoken.jar --main-class nexttoken.app.Launcher \
         --runtime-image target/app-runtime --dest target/app-image
echo "built target/app-image/NextToken (run target/app-image/NextToken/bin/NextToken)"
