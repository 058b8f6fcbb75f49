#!/usr/bin/env bash
# Debian's neovim (0.7.2 on Debian 12 is enough): a second real LSP client besides VS Code.
exec bash "$(dirname "$0")/ensure-apt-tool.sh" nvim neovim "the Neovim language-server tests"
