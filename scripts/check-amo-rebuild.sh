#!/usr/bin/env bash
# What an AMO reviewer does (docs/store/reviewer-build.md), done here: make the Firefox zip and the
# sources zip, rebuild from the sources zip alone in an empty folder (npm ci from the registry), and
# compare the rebuilt files with the zip's, byte for byte. Takes a few minutes; not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
LL_OUT_DIR="$work/out" npx wxt zip -b firefox --mv3 >/dev/null
mkdir "$work/submitted" "$work/src"
unzip -q "$work"/out/*-firefox.zip -d "$work/submitted"
unzip -q "$work"/out/*-sources.zip -d "$work/src"
(cd "$work/src" && npm ci --no-audit --no-fund >/dev/null 2>&1 && npm run build-for-amo >/dev/null)
diff -r "$work/submitted" "$work/src/.output/firefox-mv3"
echo "The sources zip rebuilds the Firefox package byte for byte ($(find "$work/submitted" -type f | wc -l) files)."
