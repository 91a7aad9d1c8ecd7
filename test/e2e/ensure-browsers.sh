#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium and Firefox ESR; no test tool downloads a browser.
# Installs them where we can (root with apt-get, as on CI), otherwise says what to run.
set -euo pipefail
missing=()
# LL_CHROMIUM / LL_FIREFOX name other builds (README.md, "Quick start"); the harness checks those itself.
[ -n "${LL_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "${LL_FIREFOX:-}" ] || [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
# The German UI (store screenshots) needs Chromium's translations, a package of their own on Debian.
[ -n "${LL_CHROMIUM:-}" ] || [ -f /usr/lib/chromium/locales/de.pak ] || missing+=(chromium-l10n)
command -v openssl >/dev/null || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The end-to-end tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
