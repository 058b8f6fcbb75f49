#!/usr/bin/env bash
# Debian's postgresql (15 on Debian 12) for the PostgreSQL tests: test/helpers/postgres-cluster.ts
# starts its server in a temporary folder for one test run. Its binaries are not on PATH.
exec bash "$(dirname "$0")/ensure-apt-tool.sh" '/usr/lib/postgresql/*/bin/postgres' postgresql "the PostgreSQL tests"
