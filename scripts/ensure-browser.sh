#!/usr/bin/env bash
# Makes sure Debian's chromium is there for test/browser. Never downloads a Playwright browser:
# these machines reach only apt and npm. Where it cannot install (no apt, not root, no sudo) it
# says so and lets the suite run; the browser tests then skip with a message. Under CI=true a
# browser it cannot install is a failure.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

cannot() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "ensure-browser: $1; CI needs /usr/bin/chromium" >&2
    exit 1
  fi
  echo "ensure-browser: $1; the GraphiQL browser tests will be skipped (install Debian's chromium to run them)" >&2
  exit 0
}

command -v apt-get >/dev/null || cannot "no apt-get on this machine"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo -n true 2>/dev/null || cannot "not root and no password-less sudo"
  sudo=(sudo -n)
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
echo "ensure-browser: installing chromium with apt-get (once, about 30 s)..."
if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  cannot "apt-get could not install chromium"
fi
echo "ensure-browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
