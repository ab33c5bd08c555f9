#!/usr/bin/env bash
# Installs everything the repository needs on a machine that has only Node 20 and npm:
# pnpm at the exact version package.json pins, then the locked dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p 'require("./package.json").packageManager.split("@")[1]')
# better-sqlite3 builds from source here; without Node's headers from /usr, node-gyp would try to
# download them and fail (see ../shared/toolchain.md).
export npm_config_nodedir=${npm_config_nodedir:-/usr}
export TURBO_TELEMETRY_DISABLED=1

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

pnpm install --frozen-lockfile

# The browser test of @lbx/core drives Debian's Chromium through playwright-core (which never
# downloads a browser). Install it when missing and we may; otherwise that test says what to do.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing chromium (Debian package) for the browser test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is not installed and this user cannot apt-get it; the browser test will fail until it is (sudo apt-get install chromium)" >&2
  fi
fi
