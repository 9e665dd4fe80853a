#!/usr/bin/env bash
# The whole suite, from a fresh clone: the real peers it talks to (installed here when missing —
# as root with apt-get — else the one command to run is printed), PostgreSQL and Redis started,
# `npm ci` when node_modules is missing, the type check, then every test file with Node's runner.
set -euo pipefail
cd "$(dirname "$0")/.."

# The real peers (Debian packages): Dovecot (IMAP + submission); openssl makes the test
# certificates; python3 holds the black-holed port of the connect-timeout test and the pty of the
# doctor test; chromium runs test/browser (playwright-core drives /usr/bin/chromium — never a
# downloaded browser); PostgreSQL (store contract, two-process exactly-once) and Redis (shared
# limits and cache). CI (.ci/run) relies on this list: it only runs `npm test`.
missing=()
[ -x /usr/sbin/dovecot ] || command -v dovecot >/dev/null 2>&1 || missing+=(dovecot-imapd dovecot-submissiond)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing the test peers: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "The tests need real peers that are not installed. Install them with (as root):" >&2
    echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379, started if they are not running.
bash scripts/services.sh >/dev/null
# A fresh clone has no node_modules: install exactly the lock file (better-sqlite3 compiles, ~1.5 min).
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
npx tsc --noEmit
# src/ is kept in Prettier's layout (.prettierrc.json: 140 columns); `npm run format` rewrites it.
npx prettier --check src
mapfile -t files < <(find test -name '*.test.ts' | sort)
# One line per file and the failures at the end (scripts/test-reporter.mjs, ending with Node's
# `# pass N` / `# fail N` lines); the complete TAP in test-output/test.tap.
mkdir -p test-output
export LATCHKEY_TEST_FILE_COUNT=${#files[@]}
echo "Running ${#files[@]} test files (full TAP: test-output/test.tap)"
exec node --import tsx --test --test-concurrency=2 \
  --test-reporter=./scripts/test-reporter.mjs --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-output/test.tap \
  "${files[@]}"
