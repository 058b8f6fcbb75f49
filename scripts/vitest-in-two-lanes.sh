#!/usr/bin/env bash
# The whole vitest suite in two lanes, so that it takes well under 15 minutes on two cores and
# stays honest about timing:
#  1. every file but the timing-sensitive ones, two files at a time (vitest.config.ts): most of
#     them wait on the processes they start (servers, PostgreSQL, npm), so two share the cores well;
#  2. then, one at a time, the files that measure behaviour under load or wait on deadlines: the
#     hardening suite (floods, crashes, stalls), the language server's requests and the browser.
#     Beside another file, a deadline of theirs measures the neighbour, not Sitrep.
# The whole suite only (for some files: `pnpm vitest run PATH`). Exits non-zero if either lane
# fails; both always run.
set -uo pipefail
cd "$(dirname "$0")/.."
ALONE=(test/hardening test/lsp test/browser)
status=0
npx vitest run --exclude='test/hardening/**' --exclude='test/lsp/**' --exclude='test/browser/**' || status=1
npx vitest run --maxWorkers=1 "${ALONE[@]}" || status=1
exit $status
