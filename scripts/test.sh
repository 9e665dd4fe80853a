#!/usr/bin/env bash
# The whole suite: type check, then every test file (real Dovecot, fakes, unit) with Node's runner.
set -euo pipefail
cd "$(dirname "$0")/.."
# The real peers the suite talks to: Dovecot, Chromium, PostgreSQL and Redis (Debian packages).
missing=()
[ -x /usr/sbin/dovecot ] || command -v dovecot >/dev/null 2>&1 || missing+=(dovecot-imapd dovecot-submissiond)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "The tests need real peers that are not installed. Install them with:" >&2
  echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379, started if they are not running.
bash scripts/services.sh >/dev/null
npx tsc --noEmit
mapfile -t files < <(find test -name '*.test.ts' | sort)
exec node --import tsx --test --test-concurrency=2 "${files[@]}"
