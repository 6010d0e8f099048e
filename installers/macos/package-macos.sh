#!/usr/bin/env bash
# Builds the macOS package of capi-console with jpackage, on a Mac, into installers/target/:
#   runtime/               jlink of the JDK modules the app needs and the JavaFX modules (from the Maven jars for
#                          this Mac's architecture; their .dylib files go to runtime/lib), with a CDS archive
#   app-image/capi-console.app
#   capi-console-VERSION.dmg
#
# Usage: installers/macos/package-macos.sh [--skip-build] [--sign "Developer ID Application: NAME (TEAM)"]
# Needs: macOS 11+, a JDK 17+ with jmods (e.g. Temurin 17) as JAVA_HOME or on the PATH, Maven, and the Xcode
# command line tools (xcode-select --install: codesign, and the SetFile/hdiutil tools jpackage uses). jpackage
# styles the .dmg window through Finder (osascript): on a headless build machine grant the terminal the
# "Automation" permission for Finder, or build the .app only and make the .dmg elsewhere.
# Signing: --sign takes the name of a "Developer ID Application" certificate in the login keychain; notarize the
# signed .dmg afterwards with: xcrun notarytool submit capi-console-VERSION.dmg --keychain-profile PROFILE --wait
# and staple it: xcrun stapler staple capi-console-VERSION.dmg. Unsigned, Gatekeeper asks the user to confirm
# the first start (right click > Open).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
installers="$root/installers"
target="$installers/target"

build=1 sign_key=""
while (($#)); do
  case "$1" in
    --skip-build) build=0 ;;
    --sign) sign_key="$2"; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "[package-macos] unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '[package-macos] %s\n' "$*" >&2; }
die() { printf '[package-macos] ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$(uname -s)" == Darwin ]] || die "this recipe runs on macOS; on Linux use installers/package"
xcode-select -p >/dev/null 2>&1 || die "the Xcode command line tools are missing: xcode-select --install"
java_home="${JAVA_HOME:-$(/usr/libexec/java_home -v 17+ 2>/dev/null || true)}"
[[ -n "$java_home" && -f "$java_home/jmods/java.base.jmod" ]] ||
  die "no JDK 17+ with jmods found: install one (e.g. Temurin 17) and set JAVA_HOME"
PATH="$java_home/bin:$PATH"

if ((build)); then
  log "building the application (mvn package)"
  (cd "$root" && mvn -B -q -ntp -DskipTests package)
fi
app_target="$root/app/target"
pom_version=$(sed -n 's/^version=//p' "$app_target/classes/dev/capiconsole/build.properties")
version="${pom_version%-SNAPSHOT}"
# macOS bundle versions are 1 to 3 numbers and jpackage refuses a first number of 0: a 0.M.P build is packaged
# as 1.M.P (said here and in installers/README.md) until the project reaches 1.0.
bundle_version="$version"
if [[ "$bundle_version" == 0.* ]]; then
  bundle_version="1${bundle_version#0}"
  log "macOS needs a bundle version above 0: $version is packaged as $bundle_version"
fi

rm -rf "$target/input" "$target/runtime" "$target/app-image"
mkdir -p "$target/input" "$target/icons"
cp "$app_target/capi-console.jar" "$target/input/"
javafx_jars=()
for jar in "$app_target"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-mac*.jar) javafx_jars+=("$jar") ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$target/input/" ;;
  esac
done
((${#javafx_jars[@]})) || die "no javafx-*-mac*.jar in $app_target/lib: was the app built on this Mac?"
javafx_path=$(IFS=:; echo "${javafx_jars[*]}")
javafx_modules=$(for jar in "${javafx_jars[@]}"; do
  jar --describe-module --file "$jar" | head -n1 | sed 's/@.*//'
done | paste -sd, -)
class_path=$(ls "$target"/input/*.jar | paste -sd: -)
jdk_modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$javafx_path" --class-path "$class_path" "$target"/input/*.jar 2>/dev/null | tail -n1)
modules="$jdk_modules,jdk.crypto.ec,jdk.naming.dns,$javafx_modules"
log "modules: $modules"

# The JDK's default CDS archive (--generate-cds-archive) keeps start-up close to a full JDK's; an archive of the
# app's own classes would be tied to the jars' absolute paths inside the .app, which move with it.
jlink --module-path "$java_home/jmods:$javafx_path" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --exclude-resources='glob:/javafx.graphics/*.dylib,glob:/javafx.graphics/javafx-swt.jar' \
  --output "$target/runtime"
for jar in "${javafx_jars[@]}"; do
  unzip -q -o -j "$jar" '*.dylib' -d "$target/runtime/lib" 2>/dev/null || true
done
[[ -f "$target/runtime/lib/libglass.dylib" ]] || die "the JavaFX native libraries did not reach $target/runtime/lib"

java -Djava.awt.headless=true "$installers/icons/IconArt.java" "$target/icons"

common=(--name capi-console --app-version "$bundle_version" --vendor capi-console
  --description "Desktop console for Kubernetes Cluster API"
  --copyright "Copyright the capi-console authors. Apache-2.0."
  --mac-package-identifier dev.capiconsole.console --mac-package-name capi-console)
signing=()
[[ -n "$sign_key" ]] && signing=(--mac-sign --mac-signing-key-user-name "$sign_key")

log "making capi-console.app (jpackage)"
jpackage --type app-image "${common[@]}" "${signing[@]}" --icon "$target/icons/capi-console.icns" \
  --input "$target/input" --main-jar capi-console.jar --main-class dev.capiconsole.Main \
  --runtime-image "$target/runtime" --mac-app-category public.app-category.developer-tools \
  --dest "$target/app-image"
"$target/app-image/capi-console.app/Contents/MacOS/capi-console" --version >/dev/null ||
  die "the app's launcher does not run"

log "making the .dmg (jpackage)"
rm -f "$target"/capi-console-*.dmg
jpackage --type dmg "${common[@]}" "${signing[@]}" --app-image "$target/app-image/capi-console.app" \
  --dest "$target"
log "done: $(ls "$target"/capi-console-*.dmg)"
log "for the command line: sudo ln -s /Applications/capi-console.app/Contents/MacOS/capi-console /usr/local/bin/"
