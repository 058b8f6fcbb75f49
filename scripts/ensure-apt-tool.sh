#!/usr/bin/env bash
# ensure-apt-tool.sh COMMAND PACKAGE WHAT-NEEDS-IT
# Makes sure a Debian tool the tests drive is installed (these machines reach only apt and npm).
# COMMAND is a name on PATH, or a path pattern for tools Debian keeps off PATH
# (/usr/lib/postgresql/*/bin/postgres: the folder names the major version).
# Where it cannot install (no apt, not root, no sudo) it says so and lets the suite run: the tests
# that need it skip with a message. Under CI=true a tool it cannot install is a failure.
set -euo pipefail
tool=$1 package=$2 needed_by=$3

# The newest match of COMMAND, or nothing (and never a failure: set -e would end the script).
found() {
  if [[ $tool == */* ]]; then
    { compgen -G "$tool" || true; } | sort -V | tail -n 1
  else
    command -v "$tool" || true
  fi
}

if [[ -n $(found) ]]; then
  exit 0
fi

cannot() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "ensure $package: $1; CI needs $tool" >&2
    exit 1
  fi
  echo "ensure $package: $1; $needed_by will be skipped (install Debian's $package to run them)" >&2
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
echo "ensure $package: installing with apt-get (once)..."
if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$package"; } >"$log" 2>&1; then
  cat "$log" >&2
  cannot "apt-get could not install $package"
fi
installed=$(found)
[[ -n $installed ]] || cannot "apt-get installed $package but $tool is not there"
echo "ensure $package: installed $("$installed" --version 2>/dev/null | head -n 1 || echo "$package")"
