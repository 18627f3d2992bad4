#!/usr/bin/env bash
# QA against the mock server with nothing but curl: start it with
#   npx deskguard-mock --port 4010
# then run this script (BASE and CONTROL point elsewhere if needed). Exits non-zero
# when the mock does not answer as the REST contract says.
set -euo pipefail
BASE="${BASE:-http://127.0.0.1:4010/api/deskguard}"
CONTROL="${CONTROL:-http://127.0.0.1:4010/__deskguard}"

# A fresh premium business, where masking is on by default.
curl -fsS -X POST "$CONTROL/config" -H 'Content-Type: application/json' \
  -d '{"scenario":"normal","business":"premium-new"}' >/dev/null

# Front-desk staff receive masked contacts; an admin receives them raw.
front_desk=$(curl -fsS "$BASE/clients?limit=5" -H 'Authorization: Bearer staff-front-desk')
admin=$(curl -fsS "$BASE/clients?limit=5" -H 'Authorization: Bearer staff-admin')
grep -q '"masked":true' <<<"$front_desk" || { echo "front desk got no masked contact"; exit 1; }
if grep -q '"masked":true' <<<"$admin"; then echo "the admin got a masked contact"; exit 1; fi

# A stale version is refused with 409 and the current record.
version=$(curl -fsS "$BASE/masking-settings" -H 'Authorization: Bearer staff-admin' | sed -E 's/.*"version":([0-9]+).*/\1/')
curl -fsS -X PUT "$BASE/masking-settings" -H 'Authorization: Bearer staff-admin' -H 'Content-Type: application/json' \
  -H "If-Match: \"$version\"" -H 'Idempotency-Key: qa-1' -d '{"enabled":false}' >/dev/null
status=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT "$BASE/masking-settings" -H 'Authorization: Bearer staff-admin' \
  -H 'Content-Type: application/json' -H "If-Match: \"$version\"" -H 'Idempotency-Key: qa-2' -d '{"enabled":true}')
[ "$status" = 409 ] || { echo "a stale write answered $status, not 409"; exit 1; }

# Faults on demand: every read fails as a server error until cleared.
curl -fsS -X POST "$CONTROL/fault" -H 'Content-Type: application/json' -d '{"kind":"server","on":"read"}' >/dev/null
status=$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/viewer")
[ "$status" = 500 ] || { echo "the server fault answered $status, not 500"; exit 1; }
curl -fsS -X POST "$CONTROL/fault" -H 'Content-Type: application/json' -d '{}' >/dev/null

echo "curl QA: masked for front desk, raw for admins, stale writes refused, faults on demand"
