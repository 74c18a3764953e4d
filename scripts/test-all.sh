#!/usr/bin/env bash
# The README's test command: sets up what the suite needs on this machine, then runs `npm test`
# (every project: unit, extension, end-to-end in Chromium, feed server on PostgreSQL).
# Extra arguments go to Vitest.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-env.sh
source scripts/test-env.sh
ironstride_test_env || exit 1
npm test -- "$@"
