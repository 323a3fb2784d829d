#!/usr/bin/env bash
# The demo on WildFly: deploys target/demo.war as the root application of a WildFly of its own
# (standalone-microprofile.xml, on free ports), then checks over HTTP what the page relies on: the
# page with its contexts hydrated, signing in, a call, a context read, a refusal to nobody, the
# WebSocket upgrade and the origin check ahead of it. Build first: the library's `mvn -B install -Pwildfly` (it unpacks and configures
# WildFly in target/) and `mvn -B -f examples/demo package`.
#
#   examples/demo/check-wildfly.sh [WildFly home, default: the library's target/wildfly-38.0.1.Final]
set -euo pipefail
demo=$(cd "$(dirname "$0")" && pwd)
home=$(cd "${1:-$demo/../../target/wildfly-38.0.1.Final}" && pwd)
war=$demo/target/demo.war
[ -f "$war" ] || { echo "no $war: run mvn -B -f examples/demo package" >&2; exit 2; }
[ -x "$home/bin/standalone.sh" ] || { echo "no WildFly at $home: run mvn -B install -Pwildfly" >&2; exit 2; }

work=$(mktemp -d)
mkdir -p "$work/configuration" "$work/deployments"
cp "$home"/standalone/configuration/*.* "$work/configuration/"
cp "$war" "$work/deployments/ROOT.war"

# an offset whose ports answer nobody (HTTP 8080 + offset, HTTPS 8443 +, management 9990 + and 9993 +),
# all below the range the system hands out to other programs' sockets (32768 and up)
free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 50); do
  offset=$((10000 + RANDOM % 12000))
  free $((8080 + offset)) && free $((8443 + offset)) && free $((9990 + offset)) && free $((9993 + offset)) && break
done
base=http://127.0.0.1:$((8080 + offset))

# the script forwards a TERM to its server and waits for it
LAUNCH_JBOSS_IN_BACKGROUND=1 "$home/bin/standalone.sh" -c standalone-microprofile.xml \
  -Djboss.server.base.dir="$work" -Djboss.socket.binding.port-offset="$offset" >"$work/console.log" 2>&1 &
server=$!
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 180); do
  grep -q 'WFLYSRV0025\|WFLYSRV0026' "$work/console.log" && break
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
if ! grep -q 'WFLYSRV0025' "$work/console.log" || [ ! -f "$work/deployments/ROOT.war.deployed" ]; then
  echo "WildFly did not start the demo; its log ($work/console.log):" >&2
  cat "$work/console.log" >&2
  exit 1
fi

passed=0 failed=0
check() { # what, then a command that succeeds when it holds
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $what"; else failed=$((failed + 1)); echo "FAIL  $what"; fi
}
has() { grep -qF -- "$2" <<<"$1" || { echo "      expected: $2" >&2; echo "      in: ${1:0:600}" >&2; return 1; }; }
jar=$work/cookies
call() { curl -sS -i -b "$jar" -c "$jar" -X POST -H 'Content-Type: application/json' -d "$2" "$base/api/mizan/call/$1"; }

page=$(curl -sS -i "$base/")
check "the page answers with its contexts hydrated for nobody" \
  has "$page" '<script type="application/json" id="mizan-hydration">{"contexts":{"auth.session":null,"currentUser":null}}</script>'
r=$(curl -sS -i -X POST -H 'Content-Type: application/json' -d '{"board":"wildfly","text":"x"}' "$base/api/mizan/call/addNote")
check "a call that needs a signed-in caller is refused to nobody (401)" has "$r" '"status":401'
r=$(call auth.login '{"username":"ada","password":"lovelace"}')
check "ada signs in (auth.login)" has "$r" '{"result":{"roles":["staff","user"],"user":"ada"},"invalidate":[]}'
check "the session cookie is HttpOnly and SameSite=Lax" has "$(grep -i '^set-cookie' <<<"$r" | tail -1)" 'HttpOnly; SameSite=Lax'
r=$(call addNote '{"board":"wildfly","text":"from WildFly"}')
check "a call answers its result and the keys it invalidates" has "$r" '"invalidate":["notes;board=wildfly"]'
r=$(curl -sS -i "$base/api/mizan/ctx/notes?board=wildfly")
check "a context read answers the note, with an ETag" has "$r" '"text":"from WildFly"'
check "  (the ETag)" has "$r" 'ETag: "'
page=$(curl -sS -b "$jar" "$base/")
check "the page hydrates ada's contexts" has "$page" '"auth.session":{"roles":["staff","user"],"user":"ada"},"currentUser":{'
r=$(curl -sS -i --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
  -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "$base/mizan/ws" 2>/dev/null || true)
check "the WebSocket upgrades (101)" has "$r" '101 Switching Protocols'
r=$(curl -sS -i --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
  -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H 'Origin: https://evil.example' "$base/mizan/ws" 2>/dev/null || true)
check "a handshake from another site is refused by Mizan's origin check, before the upgrade" has "$r" '"code":"MIZAN-105"'
# WildFly 38's MicroProfile OpenAPI is version 4 (OpenAPI 3.1 models); Mizan's filter adds its functions there too
r=$(curl -sS "$base/openapi?format=JSON")
check "the server's /openapi lists the functions, with their request schemas" has "$r" '"/api/mizan/call/addNote"'
check "  (and the contexts)" has "$r" '"/api/mizan/ctx/notes"'
check "no Mizan warning in the server's log" bash -c "! grep -a 'MIZAN-' '$work/console.log' >&2"

echo "demo on WildFly: $passed checks passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "the server's files and log: $work" >&2
  exit 1
fi
rm -rf "$work"
