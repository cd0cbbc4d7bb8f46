#!/usr/bin/env bash
# Wrap dist/posapp.app (built by packaging/posapp.spec on macOS) into dist/posapp-VERSION.dmg.
# Signed and notarised when configured: MACOS_SIGN_IDENTITY ("Developer ID Application: ..."), and for
# notarisation MACOS_NOTARY_PROFILE (a keychain profile made with `xcrun notarytool store-credentials`).
# Without them the .dmg is unsigned (Gatekeeper then asks the user to confirm the first start).
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: build_dmg.sh VERSION}"
app="dist/posapp.app"
dmg="dist/posapp-${version}.dmg"
[ -d "$app" ] || { echo "build_dmg: $app is missing: build the bundle first" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "posapp ${version}" -srcfolder "$staging" -format UDZO -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
echo "$dmg"
