#!/usr/bin/env bash
# Debian's chromium for the GraphiQL browser tests; never a Playwright browser download.
exec bash "$(dirname "$0")/ensure-apt-tool.sh" chromium chromium "the GraphiQL browser tests"
