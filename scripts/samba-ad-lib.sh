# Helpers of scripts/samba-ad-sync-check.sh (sourced, not run): a Samba AD domain controller in a temporary folder on
# 127.0.0.1, an Allot server on its own embedded database, the REST calls and the verdict lines.
# shellcheck shell=bash

REALM=CORP.EXAMPLE.TEST
DOMAIN=corp.example.test
BASE_DC="DC=corp,DC=example,DC=test"
OU="OU=Allot,$BASE_DC"
ADMIN_PASS='Allot-Check-Pa55!'
SCHEMA="CN=Schema,CN=Configuration,$BASE_DC"
QUERY_POLICY="CN=Default Query Policy,CN=Query-Policies,CN=Directory Service,CN=Windows NT,CN=Services,CN=Configuration,$BASE_DC"
ENTERPRISEPACK=6fd2c87f-b296-42f0-b197-1e91e994b900
SAMBA_PID=""
ALLOT_PID=""
FAILED=0
FAILURES=0
PASSED=0
SKIPPED=0
LDAP=(-x -o ldif-wrap=no -H ldap://127.0.0.1 -D "Administrator@$DOMAIN" -w "$ADMIN_PASS")

cleanup() {
    if [ -n "$SAMBA_PID" ]; then kill -CONT "$SAMBA_PID" 2>/dev/null || true; fi
    if [ -n "$ALLOT_PID" ]; then kill "$ALLOT_PID" 2>/dev/null && wait "$ALLOT_PID" 2>/dev/null || true; fi
    if [ -n "$SAMBA_PID" ]; then kill "$SAMBA_PID" 2>/dev/null && wait "$SAMBA_PID" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}

say() { printf '%s %s\n' "$(date -u +%T)" "$*"; }
# verdict NAME OK DETAIL: OK is 0 when the check held
verdict() {
    if [ "$2" = 0 ]; then echo "PASS  $1 ($3)"; PASSED=$((PASSED + 1)); else echo "FAIL  $1 ($3)"; FAILED=1; FAILURES=$((FAILURES + 1)); fi
}
skip() { echo "SKIP  $1 ($2)"; SKIPPED=$((SKIPPED + 1)); }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

require_tools() {
    for tool in samba samba-tool ldapadd ldapsearch ldapmodify ldapdelete curl jq python3 java openssl; do
        command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install samba ldap-utils curl jq)"; exit 2; }
    done
    [ -f "$JAR" ] || { echo "no $JAR: build it first"; exit 2; }
    if (exec 3<>/dev/tcp/127.0.0.1/389) 2>/dev/null; then echo "something already listens on 127.0.0.1:389"; exit 2; fi
}

provision_samba() {
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
    # simple binds over plain LDAP on loopback (Samba asks for TLS by default; LDAPS is checked too), and schema
    # changes (Exchange's extensionAttribute1, as an Exchange schema extension adds it)
    sed -i 's/^\[global\]$/[global]\n\tldap server require strong auth = no\n\tdsdb:schema update allowed = true/' \
        "$S/etc/smb.conf"
}

start_samba() {
    samba -i -M single -s "$WORK/samba/etc/smb.conf" >>"$WORK/samba.log" 2>&1 &
    SAMBA_PID=$!
    for _ in $(seq 1 60); do
        ldapsearch "${LDAP[@]}" -b "" -s base highestCommittedUSN >/dev/null 2>&1 && return 0
        sleep 1
    done
    tail -20 "$WORK/samba.log"
    exit 1
}

# the DC's host name as its certificate names it (Samba's temporary certificate: the machine's name in the realm)
dc_host() {
    openssl x509 -in "$WORK/samba/private/tls/cert.pem" -noout -subject | sed 's/.*CN *= *//' | tr 'A-Z' 'a-z'
}

# extensionAttribute1 (Exchange's ms-Exch-Extension-Attribute-1) added to the schema and to the user class
extend_schema() {
    ldapadd "${LDAP[@]}" >/dev/null <<LDIF
dn: CN=ms-Exch-Extension-Attribute-1,$SCHEMA
objectClass: attributeSchema
cn: ms-Exch-Extension-Attribute-1
attributeID: 1.2.840.113556.1.2.423
attributeSyntax: 2.5.5.12
oMSyntax: 64
isSingleValued: TRUE
rangeLower: 1
rangeUpper: 1024
lDAPDisplayName: extensionAttribute1
searchFlags: 0
LDIF
    schema_update_now
    ldapmodify "${LDAP[@]}" >/dev/null <<LDIF
dn: CN=User,$SCHEMA
changetype: modify
add: mayContain
mayContain: extensionAttribute1
LDIF
    schema_update_now
}

schema_update_now() {
    printf 'dn:\nchangetype: modify\nadd: schemaUpdateNow\nschemaUpdateNow: 1\n' | ldapmodify "${LDAP[@]}" >/dev/null
}

# ldap_value DN ATTRIBUTE: the attribute's first value as LDIF shows it (base64 for binary values)
ldap_value() {
    ldapsearch "${LDAP[@]}" -b "$1" -s base '(objectClass=*)' "$2" | awk -v a="$2" 'tolower($1) == tolower(a) ":" ||
        tolower($1) == tolower(a) "::" { $1 = ""; sub(/^ /, ""); print; exit }'
}

# sid_text BASE64: a binary objectSid as S-1-5-21-…
sid_text() {
    python3 -c '
import base64, sys
b = base64.b64decode(sys.argv[1]); n = b[1]
auth = int.from_bytes(b[2:8], "big")
subs = [int.from_bytes(b[8 + 4 * i:12 + 4 * i], "little") for i in range(n)]
print("S-%d-%d" % (b[0], auth) + "".join("-%d" % s for s in subs))' "$1"
}

start_allot() {
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$WORK/allot"
    # the DC's certificate names $(dc_host): resolve it to 127.0.0.1 for this JVM only
    printf '127.0.0.1 localhost %s %s\n' "$(dc_host)" "$(hostname)" >"$WORK/hosts"
    java -Djdk.net.hosts.file="$WORK/hosts" -jar "$JAR" --server.port="$PORT" --allot.tls.enabled=false \
        --allot.data-directory="$WORK/allot" --allot.bootstrap.domain=$DOMAIN \
        --allot.sync.scheduled=true --allot.sync.poll-interval=250ms >"$WORK/allot.log" 2>&1 &
    ALLOT_PID=$!
    for _ in $(seq 1 240); do
        grep -q "Allot is listening" "$WORK/allot.log" && break
        kill -0 "$ALLOT_PID" 2>/dev/null || { tail -30 "$WORK/allot.log"; exit 1; }
        sleep 1
    done
    local creds=$WORK/allot/first-start-credentials.txt
    URL=http://127.0.0.1:$PORT
    TOKEN=$(curl -sf -u "$(awk '/client id:/ {print $3}' "$creds"):$(awk '/client secret:/ {print $3}' "$creds")" \
        -d grant_type=client_credentials "$URL/oauth2/v2.0/token" | jq -r .access_token)
}

api() { curl -sS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
# run [BODY]: a sync run in the request, its record on stdout
run() { api -X POST "$URL/allot/v1/directorySync/runs?wait=true" -d "${1:-{\}}"; }
# seconds between a run's start and end
run_seconds() {
    jq -r '[.startedDateTime, .finishedDateTime] | map(sub("\\.[0-9]+"; "") | fromdateiso8601) | .[1] - .[0]' "$1" \
        2>/dev/null | sed 's/$/ s (whole seconds of the record)/'
}
# run_summary FILE: mode, state and counts of a run record
run_summary() {
    jq -r '"\(.mode) \(.state): added \(.added), updated \(.updated), deleted \(.deleted), errors \(.errors)" +
        (if (.pendingDeletions // 0) > 0 or (.pendingRemovals // 0) > 0 then
          ", pending deletions \(.pendingDeletions), pending removals \(.pendingRemovals), users losing licenses \(.usersLosingLicenses)"
         else "" end)' "$1"
}
# connector JSON with the common settings; extra fields merged from $1 (JSON object)
connector() {
    jq -n --arg url "${CONNECTOR_URL:-ldap://127.0.0.1}" --arg dn "Administrator@$DOMAIN" --arg pw "$ADMIN_PASS" \
        --arg ou "$OU" --argjson extra "${1:-{\}}" \
        '{preset: "activeDirectory", url: $url, bindDn: $dn, password: $pw, baseDns: [$ou], enabled: false} + $extra'
}
configure() { connector "${1:-{\}}" | api -X PUT "$URL/allot/v1/directorySync/connector" -d @- >"$WORK/connector.json"; }

# every user Allot has, as one JSON array (following @odata.nextLink)
all_users() {
    local next="$URL/v1.0/users?\$top=999&\$select=id,userPrincipalName,onPremisesSamAccountName,onPremisesUserPrincipalName,onPremisesSyncEnabled,onPremisesImmutableId,displayName"
    local out=$WORK/users.page
    : >"$WORK/users.all"
    while [ -n "$next" ] && [ "$next" != null ]; do
        api "$next" >"$out"
        jq -c '.value[]' "$out" >>"$WORK/users.all"
        next=$(jq -r '."@odata.nextLink" // empty' "$out")
    done
    jq -s . "$WORK/users.all"
}
all_groups() { api "$URL/v1.0/groups?\$top=999&\$select=id,displayName,onPremisesSyncEnabled" | jq '.value'; }
group_id() { all_groups | jq -r --arg n "$1" '.[] | select(.displayName == $n) | .id'; }
member_count() { api -H 'ConsistencyLevel: eventual' "$URL/v1.0/groups/$1/members/\$count"; }
seats_used() { api "$URL/v1.0/subscribedSkus" | jq -r --arg s "$ENTERPRISEPACK" '.value[] | select(.skuId == $s) | .consumedUnits'; }
# seats used once licensing has settled (the same figure twice, a second apart)
settled_seats() {
    local last="" cur
    for _ in $(seq 1 60); do
        cur=$(seats_used)
        [ "$cur" = "$last" ] && { echo "$cur"; return; }
        last=$cur
        sleep 1
    done
    echo "$cur"
}
