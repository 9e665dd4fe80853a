#!/usr/bin/env bash
# The whole suite: type check, then every test file (real Dovecot, fakes, unit) with Node's runner.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  echo "The tests need a real Dovecot. Install it with:" >&2
  echo "  apt-get install -y --no-install-recommends dovecot-imapd dovecot-submissiond openssl python3" >&2
  exit 1
fi
npx tsc --noEmit
mapfile -t files < <(find test -name '*.test.ts' | sort)
exec node --import tsx --test --test-concurrency=2 "${files[@]}"
