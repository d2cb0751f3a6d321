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
      --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
      --output target/app-runtime

version=$(unzip -p target/nexttoken.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
jpackage --type app-image --name NextToken --app-version "${version:-0.1.0}" \
         --input target/app-input --main-jar nexttoken.jar --main-class nexttoken.app.Launcher \
         --runtime-image target/app-runtime --dest target/app-image

# A class archive for the app's own classes (AppCDS): the launcher opens the app once,
# headless, and the JVM writes what it loaded; the launcher then starts with it, about a
# second sooner. If the image is moved the JVM refuses the archive and starts as before.
app=target/app-image/NextToken
cfg="$app/lib/app/NextToken.cfg"
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$PWD/$app/lib/app/nexttoken.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dnexttoken.bench.firstFrame=true" \
  "$app/bin/NextToken" >/dev/null 2>&1 || true
if [ -f "$app/lib/app/nexttoken.jsa" ]; then
  printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/nexttoken.jsa' 'java-options=-Xlog:cds=off' \
    'java-options=-Xlog:cds+dynamic=off' >> "$cfg"
fi
echo "built target/app-image/NextToken (run target/app-image/NextToken/bin/NextToken)"
