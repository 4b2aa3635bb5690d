#!/usr/bin/env bash
# Directory sync against a real Active Directory domain controller: Samba 4 (Debian's `samba` and `ldap-utils`),
# provisioned in a temporary folder and listening on 127.0.0.1 only, then synced by an Allot server started from
# allot-server/target/allot-server.jar on its own embedded database. It checks, and prints a verdict for each:
#   1. a full run brings every user and group of the OU over, with nested groups and members;
#   2. a delta run (uSNChanged) picks up a changed title and a new member;
#   3. the same delta finds a deleted user and a user moved out of the OU without listing the OU's ids (the Deleted
#      Objects container read with the Show Deleted control, OID 1.2.840.113556.1.4.417) and deletes both.
# Run as root (Samba's LDAP port 389 on 127.0.0.1 must be free), from the repository root:
#   ./mvnw -q -pl allot-server -am package -DskipTests && scripts/samba-ad-sync-check.sh [USERS]
# Everything it starts is stopped at the end, and the folder removed (KEEP=1 keeps it).
set -euo pipefail

USERS=${1:-300}
REALM=CORP.EXAMPLE.TEST
BASE_DC="DC=corp,DC=example,DC=test"
OU="OU=Allot,$BASE_DC"
ADMIN_PASS='Allot-Check-Pa55!'
JAR=${JAR:-allot-server/target/allot-server.jar}
WORK=$(mktemp -d /tmp/samba-ad-check.XXXXXX)
SAMBA_PID=""
ALLOT_PID=""
FAILED=0

cleanup() {
    [ -n "$ALLOT_PID" ] && kill "$ALLOT_PID" 2>/dev/null && wait "$ALLOT_PID" 2>/dev/null || true
    [ -n "$SAMBA_PID" ] && kill "$SAMBA_PID" 2>/dev/null && wait "$SAMBA_PID" 2>/dev/null || true
    [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s %s\n' "$(date -u +%T)" "$*"; }
verdict() { # name, condition result (0 ok), detail
    if [ "$2" = 0 ]; then echo "PASS  $1 ($3)"; else echo "FAIL  $1 ($3)"; FAILED=1; fi
}

for tool in samba samba-tool ldapadd ldapsearch ldapmodify ldapdelete curl python3 java; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install samba ldap-utils curl)"; exit 2; }
done
[ -f "$JAR" ] || { echo "no $JAR: build it first"; exit 2; }
if (exec 3<>/dev/tcp/127.0.0.1/389) 2>/dev/null; then echo "something already listens on 127.0.0.1:389"; exit 2; fi

say "provisioning $REALM in $WORK/samba"
S=$WORK/samba
mkdir -p "$S"
samba-tool domain provision --use-rfc2307 --realm=$REALM --domain=CORP --server-role=dc --dns-backend=NONE \
    --adminpass="$ADMIN_PASS" --targetdir="$S" \
    --option="interfaces=lo" --option="bind interfaces only=yes" \
    --option="private dir=$S/private" --option="lock directory=$S/lock" --option="state directory=$S/state" \
    --option="cache directory=$S/cache" --option="pid directory=$S/run" --option="ncalrpc dir=$S/ncalrpc" \
    --option="binddns dir=$S/bind-dns" --option="log file=$S/log.%m" \
    --option="server services = ldap, cldap, rpc, kdc" >"$WORK/provision.log" 2>&1 \
    || { tail -20 "$WORK/provision.log"; exit 1; }
# simple binds over plain LDAP on loopback (Samba asks for TLS by default; the connection tests cover LDAPS)
sed -i 's/^\[global\]$/[global]\n\tldap server require strong auth = no/' "$S/etc/smb.conf"

say "starting samba"
samba -i -M single -s "$S/etc/smb.conf" >"$WORK/samba.log" 2>&1 &
SAMBA_PID=$!
LDAP=(-x -H ldap://127.0.0.1 -D "Administrator@corp.example.test" -w "$ADMIN_PASS")
for _ in $(seq 1 60); do
    ldapsearch "${LDAP[@]}" -b "" -s base highestCommittedUSN >/dev/null 2>&1 && break
    sleep 1
done
ldapsearch "${LDAP[@]}" -b "" -s base highestCommittedUSN >/dev/null || { tail -20 "$WORK/samba.log"; exit 1; }

say "loading $USERS users in two OUs, three groups (one nested) under $OU"
{
    for ou in "$OU" "OU=Staff,$OU" "OU=Sales,$OU" "OU=Outside,$BASE_DC"; do
        printf 'dn: %s\nobjectClass: organizationalUnit\n\n' "$ou"
    done
    for i in $(seq 1 "$USERS"); do
        where=$([ $((i % 2)) = 0 ] && echo Staff || echo Sales)
        printf 'dn: CN=User %s,OU=%s,%s\nobjectClass: user\nsAMAccountName: user%s\n' "$i" "$where" "$OU" "$i"
        printf 'userPrincipalName: user%s@corp.example.test\ngivenName: User\nsn: N%s\ndisplayName: User %s\n' "$i" "$i" "$i"
        printf 'title: Engineer\nuserAccountControl: 512\n\n'
    done
} >"$WORK/users.ldif"
ldapadd "${LDAP[@]}" -f "$WORK/users.ldif" >/dev/null
{
    printf 'dn: CN=Sales Team,%s\nobjectClass: group\nsAMAccountName: sales-team\n' "$OU"
    for i in $(seq 1 2 "$USERS"); do printf 'member: CN=User %s,OU=Sales,%s\n' "$i" "$OU"; done
    printf '\ndn: CN=All Staff,%s\nobjectClass: group\nsAMAccountName: all-staff\n' "$OU"
    for i in $(seq 2 2 "$USERS"); do printf 'member: CN=User %s,OU=Staff,%s\n' "$i" "$OU"; done
    printf 'member: CN=Sales Team,%s\n\n' "$OU"
    printf 'dn: CN=Everyone,%s\nobjectClass: group\nsAMAccountName: everyone\nmember: CN=All Staff,%s\n\n' "$OU" "$OU"
} >"$WORK/groups.ldif"
ldapadd "${LDAP[@]}" -f "$WORK/groups.ldif" >/dev/null

say "starting Allot"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/allot"
java -jar "$JAR" --server.port="$PORT" --allot.tls.enabled=false --allot.data-directory="$WORK/allot" \
    --allot.sync.scheduled=true --allot.sync.poll-interval=250ms >"$WORK/allot.log" 2>&1 &
ALLOT_PID=$!
for _ in $(seq 1 180); do
    grep -q "Allot is listening" "$WORK/allot.log" && break
    kill -0 "$ALLOT_PID" 2>/dev/null || { tail -30 "$WORK/allot.log"; exit 1; }
    sleep 1
done
CREDS=$WORK/allot/first-start-credentials.txt
CLIENT_ID=$(awk '/client id:/ {print $3}' "$CREDS")
CLIENT_SECRET=$(awk '/client secret:/ {print $3}' "$CREDS")
URL=http://127.0.0.1:$PORT
TOKEN=$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$URL/oauth2/v2.0/token" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
api() { curl -sS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import sys,json; d=json.load(sys.stdin); print(d.get('$1'))"; }

api -X PUT "$URL/allot/v1/directorySync/connector" -d @- >/dev/null <<JSON
{"preset": "activeDirectory", "url": "ldap://127.0.0.1", "bindDn": "Administrator@corp.example.test",
 "password": "$ADMIN_PASS", "baseDns": ["$OU"], "enabled": false}
JSON
api -X POST "$URL/allot/v1/directorySync/connector/testConnection" -d '{}' >"$WORK/test.json" || true

run() { api -X POST "$URL/allot/v1/directorySync/runs?wait=true" -d "${1:-{\}}"; }

say "full run"
run '{"full": true}' >"$WORK/full.json"
FULL_ADDED=$(field added <"$WORK/full.json")
EXPECTED=$((USERS + 3))
verdict "full run brings $EXPECTED objects over" "$([ "$(field state <"$WORK/full.json")" = SUCCEEDED ] \
    && [ "$FULL_ADDED" = "$EXPECTED" ] && echo 0 || echo 1)" \
    "$(field mode <"$WORK/full.json") $(field state <"$WORK/full.json"), added $FULL_ADDED in $(python3 -c '
import json,sys,datetime as d; r=json.load(open(sys.argv[1]))
f=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00")); print(f(r["finishedDateTime"])-f(r["startedDateTime"]))' "$WORK/full.json")"
MEMBERS=$(api "$URL/v1.0/groups?\$filter=displayName%20eq%20'All%20Staff'&\$select=id" | python3 -c '
import sys,json; print(json.load(sys.stdin)["value"][0]["id"])')
COUNT=$(api -H 'ConsistencyLevel: eventual' "$URL/v1.0/groups/$MEMBERS/members/\$count")
verdict "All Staff has its $((USERS / 2)) users and the nested Sales Team" \
    "$([ "$COUNT" = $((USERS / 2 + 1)) ] && echo 0 || echo 1)" "members: $COUNT"

say "changing the directory: a title, a new member, a deleted user, a user moved out of the OU"
ldapmodify "${LDAP[@]}" >/dev/null <<LDIF
dn: CN=User 1,OU=Sales,$OU
changetype: modify
replace: title
title: Principal Engineer

dn: CN=Everyone,$OU
changetype: modify
add: member
member: CN=User 3,OU=Sales,$OU
LDIF
ldapdelete "${LDAP[@]}" "CN=User 5,OU=Sales,$OU"
ldapmodify "${LDAP[@]}" >/dev/null <<LDIF
dn: CN=User 7,OU=Sales,$OU
changetype: modrdn
newrdn: CN=User 7
deleteoldrdn: 1
newsuperior: OU=Outside,$BASE_DC
LDIF

say "delta run"
run >"$WORK/delta.json"
cat "$WORK/delta.json" | python3 -m json.tool | grep -E '"(mode|state|added|updated|deleted|errors|message)"' || true
verdict "the run after the changes is a delta" "$([ "$(field mode <"$WORK/delta.json")" = DELTA ] \
    && [ "$(field state <"$WORK/delta.json")" = SUCCEEDED ] && echo 0 || echo 1)" \
    "$(field mode <"$WORK/delta.json") $(field state <"$WORK/delta.json")"
verdict "the delta finds the deleted and the moved user (Show Deleted), without a census" \
    "$([ "$(field deleted <"$WORK/delta.json")" = 2 ] && [ "$(field message <"$WORK/delta.json")" = None ] \
        && echo 0 || echo 1)" "deleted $(field deleted <"$WORK/delta.json"), message: $(field message <"$WORK/delta.json")"
TITLE=$(api "$URL/v1.0/users/user1@corp.example.test?\$select=jobTitle" | field jobTitle)
if [ "$TITLE" = None ]; then # a domain not added to the tenant: the user is on the tenant's fallback domain
    TITLE=$(api "$URL/v1.0/users?\$filter=onPremisesSamAccountName%20eq%20'user1'&\$select=jobTitle" \
        -H 'ConsistencyLevel: eventual' | python3 -c 'import sys,json; v=json.load(sys.stdin)["value"]; print(v[0]["jobTitle"] if v else None)')
fi
verdict "the delta brings the new title over" "$([ "$TITLE" = "Principal Engineer" ] && echo 0 || echo 1)" "jobTitle: $TITLE"
EVERYONE=$(api "$URL/v1.0/groups?\$filter=displayName%20eq%20'Everyone'&\$select=id" | python3 -c '
import sys,json; print(json.load(sys.stdin)["value"][0]["id"])')
COUNT=$(api -H 'ConsistencyLevel: eventual' "$URL/v1.0/groups/$EVERYONE/members/\$count")
verdict "the delta adds the new member of Everyone" "$([ "$COUNT" = 2 ] && echo 0 || echo 1)" "members: $COUNT"

echo
[ "$FAILED" = 0 ] && echo "VERDICT: PASS (Samba $(samba -V | awk '{print $2}'), $USERS users)" \
    || echo "VERDICT: FAIL (logs in $WORK with KEEP=1)"
exit "$FAILED"
