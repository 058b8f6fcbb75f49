#!/usr/bin/env bash
# Makes sure Debian's neovim is there for test/lsp/neovim.*: a second real LSP client besides
# VS Code. Debian 12 ships 0.7.2, which is enough (vim.lsp.start_client). Where it cannot install
# (no apt, not root, no sudo) it says so and lets the suite run; the Neovim tests then skip with a
# message. Under CI=true a Neovim it cannot install is a failure.
set -euo pipefail

if command -v nvim >/dev/null; then
  exit 0
fi

cannot() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "ensure-neovim: $1; CI needs nvim" >&2
    exit 1
  fi
  echo "ensure-neovim: $1; the Neovim language-server tests will be skipped (install Debian's neovim to run them)" >&2
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
echo "ensure-neovim: installing neovim with apt-get (once, about 20 s)..."
if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends neovim; } >"$log" 2>&1; then
  cat "$log" >&2
  cannot "apt-get could not install neovim"
fi
echo "ensure-neovim: installed $(nvim --version 2>/dev/null | head -n 1 || echo neovim)"
