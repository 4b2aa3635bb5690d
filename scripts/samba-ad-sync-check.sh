#!/usr/bin/env bash
# Directory sync against a real Active Directory domain controller: Samba 4 (Debian's `samba` and `ldap-utils`),
# provisioned in a temporary folder and listening on 127.0.0.1 only, then synced by an Allot server started from
# allot-server/target/allot-server.jar on its own embedded database, through the REST API. It runs the scenarios of
# issue 16 that apply to Active Directory and prints PASS, FAIL or SKIP (with what it measured) for each, then a
# verdict — see docs/directory-sync.md ("Against a real Active Directory"):
#   base  full run, nested members, a delta (uSNChanged) with a change, a new member, a deletion and a move out of scope
#   1     a connector change that would strip licenses (mS-DS-ConsistencyGuid as the anchor; a member attribute groups
#         lack, previewed) and a bulk removal of a licensed group's members (held by the license-loss threshold)
#   2     users of a domain the tenant lacks, and without a name, on the initial domain until the domain is added
#   3     soft match, hard match, an account deleted and created again with the same name
#   5     the domain root as base DN: isCriticalSystemObject objects left out
#   6     LDAPS connection tests with the DC's own CA, another host name, no CA
#   8     onPremises* attributes, a dead first DC URL, a DC stopped (SIGSTOP) during a run and before one
#   9     range retrieval with MaxValRange lowered (SKIP when Samba does not enforce it)
#   4     a delta adding 400 users, timed
# Run as root (Samba's ports 389 and 636 on 127.0.0.1 must be free), from the repository root:
#   ./mvnw -q -B -o -pl allot-server -am package -DskipTests && scripts/samba-ad-sync-check.sh [USERS]
# (apt-get install -y samba ldap-utils jq, then stop the samba-ad-dc, smbd and nmbd services it starts). About 2 minutes.
# Everything it starts is stopped at the end, and the folder removed (KEEP=1 keeps it, with the logs).
set -euo pipefail

USERS=${1:-300}
[ "$USERS" -ge 20 ] 2>/dev/null || { echo "USERS must be a number of at least 20"; exit 2; }
JAR=${JAR:-allot-server/target/allot-server.jar}
WORK=$(mktemp -d /tmp/samba-ad-check.XXXXXX)
# shellcheck source=scripts/samba-ad-lib.sh
. "$(dirname "$0")/samba-ad-lib.sh"
trap cleanup EXIT
START=$(now)
require_tools

say "provisioning $REALM in $WORK/samba"
provision_samba
say "starting samba"
start_samba
extend_schema

say "loading $USERS users in two OUs, 20 users of branch.example.test and 2 without a name, three groups"
user_ldif() { # CN OU SAM [UPN]
    printf 'dn: CN=%s,%s\nobjectClass: user\nsAMAccountName: %s\ngivenName: %s\nsn: N\ndisplayName: %s\n' \
        "$1" "$2" "$3" "$3" "$1"
    [ -n "${4:-}" ] && printf 'userPrincipalName: %s\n' "$4"
    printf 'title: Engineer\nuserAccountControl: 512\n\n'
}
{
    for ou in "$OU" "OU=Staff,$OU" "OU=Sales,$OU" "OU=Branch,$OU" "OU=Outside,$BASE_DC"; do
        printf 'dn: %s\nobjectClass: organizationalUnit\n\n' "$ou"
    done
    for i in $(seq 1 "$USERS"); do
        user_ldif "User $i" "OU=$([ $((i % 2)) = 0 ] && echo Staff || echo Sales),$OU" "user$i" "user$i@$DOMAIN"
    done
    for i in $(seq 1 20); do user_ldif "Branch $i" "OU=Branch,$OU" "branch$i" "branch$i@branch.example.test"; done
    for i in 1 2; do user_ldif "Nameless $i" "OU=Branch,$OU" "nameless$i"; done
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
# Entra Connect's consistency GUID (the objectGUID's bytes) on the Staff users only, Exchange's extensionAttribute1 on User 2
ldapsearch "${LDAP[@]}" -b "OU=Staff,$OU" '(objectClass=user)' objectGUID | awk '/^dn:/ {dn=substr($0,5)}
    /^objectGUID::/ {printf "dn: %s\nchangetype: modify\nreplace: mS-DS-ConsistencyGuid\nmS-DS-ConsistencyGuid:: %s\n\n", dn, $2}' \
    >"$WORK/guids.ldif"
ldapmodify "${LDAP[@]}" -f "$WORK/guids.ldif" >/dev/null
printf 'dn: CN=User 2,OU=Staff,%s\nchangetype: modify\nreplace: extensionAttribute1\nextensionAttribute1: Contractor\n' "$OU" \
    | ldapmodify "${LDAP[@]}" >/dev/null

say "starting Allot"
start_allot
api -X POST "$URL/allot/v1/subscriptions" -d "{\"skuId\": \"$ENTERPRISEPACK\", \"seats\": $((USERS * 2 + 1000))}" >/dev/null
INITIAL=$(api "$URL/v1.0/domains" | jq -r '.value[] | select(.isInitial) | .id')
configure
set +e

# --- base: full run, delta ------------------------------------------------------------------------------------------
say "full run"
run '{"full": true}' >"$WORK/full.json"
EXPECTED=$((USERS + 22 + 3))
verdict "full run brings $EXPECTED objects over" \
    "$([ "$(jq -r .state "$WORK/full.json")" = SUCCEEDED ] && [ "$(jq -r .added "$WORK/full.json")" = "$EXPECTED" ]; echo $?)" \
    "$(run_summary "$WORK/full.json"), $(run_seconds "$WORK/full.json")"
ALL_STAFF=$(group_id "All Staff")
COUNT=$(member_count "$ALL_STAFF")
verdict "All Staff has its $((USERS / 2)) users and the nested Sales Team" "$([ "$COUNT" = $((USERS / 2 + 1)) ]; echo $?)" \
    "members: $COUNT"

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

dn: CN=User 7,OU=Sales,$OU
changetype: modrdn
newrdn: CN=User 7
deleteoldrdn: 1
newsuperior: OU=Outside,$BASE_DC
LDIF
ldapdelete "${LDAP[@]}" "CN=User 5,OU=Sales,$OU"
run >"$WORK/delta.json"
verdict "the run after the changes is a delta that finds the deleted and the moved user without a census" \
    "$([ "$(jq -r '.mode + .state' "$WORK/delta.json")" = DELTASUCCEEDED ] && [ "$(jq -r .deleted "$WORK/delta.json")" = 2 ] \
        && [ "$(jq -r '.message // ""' "$WORK/delta.json")" = "" ]; echo $?)" \
    "$(run_summary "$WORK/delta.json"), message: $(jq -r '.message // "none"' "$WORK/delta.json")"
TITLE=$(api "$URL/v1.0/users/user1@$DOMAIN?\$select=jobTitle" | jq -r .jobTitle)
COUNT=$(member_count "$(group_id Everyone)")
verdict "the delta brings the new title and the new member of Everyone" \
    "$([ "$TITLE" = "Principal Engineer" ] && [ "$COUNT" = 2 ]; echo $?)" "jobTitle: $TITLE, Everyone's members: $COUNT"

. "$(dirname "$0")/samba-ad-scenarios.sh"

echo
echo "$PASSED passed, $SKIPPED skipped, $FAILURES failed; wall time $(since "$START") s"
if [ "$FAILED" = 0 ]; then
    echo "VERDICT: PASS (Samba $(samba -V | awk '{print $2}'), $USERS users)"
else
    echo "VERDICT: FAIL (logs in $WORK with KEEP=1)"
fi
exit "$FAILED"
