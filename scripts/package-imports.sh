#!/usr/bin/env bash
# Prints the package import graph of Allot's main code (docs/architecture.md, "The package graph"): one line a package
# with the packages of Allot it imports, then the cycles between packages ("cycles: none" when there are none).
# It reads the compiled classes, so it builds them first (offline, tests not run); ArchUnit draws the graph
# (org.allot.server.PackageGraph, in the server's test sources).
#
#   scripts/package-imports.sh                 every module: allot-core, allot-api, allot-server, allot-cli
#   scripts/package-imports.sh allot-core      one module (or several)
#   scripts/package-imports.sh --no-build …    the classes as they are in each target/classes
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [[ "${1:-}" == "--no-build" ]]; then
    build=0
    shift
fi
modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
    modules=(allot-core allot-api allot-server allot-cli)
fi

if [[ $build -eq 1 ]]; then
    ./mvnw -q -B -o -pl allot-server,allot-cli -am test-compile -Dspotless.check.skip=true
fi
# ArchUnit (the version the build uses) and its logging API, from the local Maven repository the build filled
repo=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
version=$(sed -n 's:.*<archunit.version>\(.*\)</archunit.version>.*:\1:p' pom.xml)
archunit=$repo/com/tngtech/archunit/archunit/$version/archunit-$version.jar
slf4j=$(ls "$repo"/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | sort -V | tail -1)

folders=()
for m in "${modules[@]}"; do
    folders+=("$m/target/classes")
done
java -cp "allot-server/target/test-classes:$archunit:$slf4j" org.allot.server.PackageGraph "${folders[@]}" \
    2> >(grep -v '^SLF4J' >&2)
