#!/bin/bash
# Times what a partner does first, cold: mvn archetype:generate against the SDK repository, build the plugin, start
# the runtime jar the SDK publishes, install the plugin over REST and call its endpoint. "Cold": a fresh local Maven
# repository, so the SDK artifacts come from distribution/sdk/target/repository; third-party artifacts (Maven
# plugins, bnd, JUnit) come from this machine's ~/.m2, standing in for Maven Central (no network).
# Run after a build: distribution/sdk/time-to-first-plugin.sh [work folder]
set -euo pipefail
SDK=$(cd "$(dirname "$0")" && pwd)/target
VERSION=$(sed -n 's#.*<revos.sdk.version>\(.*\)</revos.sdk.version>.*#\1#p' "$SDK/../../../pom.xml")
W=${1:-$(mktemp -d)}
rm -rf "$W"; mkdir -p "$W"; cd "$W"
cat > settings.xml <<XML
<settings><mirrors><mirror><id>central-cache</id><mirrorOf>*,!revos-sdk</mirrorOf><url>file://$HOME/.m2/repository</url></mirror></mirrors>
<profiles><profile><id>revos-sdk</id><repositories><repository><id>revos-sdk</id><url>file://$SDK/repository</url></repository></repositories></profile></profiles>
<activeProfiles><activeProfile>revos-sdk</activeProfile></activeProfiles></settings>
XML
MVN="mvn -B -ntp -q -s $W/settings.xml -Dmaven.repo.local=$W/m2"
t0=$(date +%s.%N)
$MVN org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate -DinteractiveMode=false \
  -DarchetypeGroupId=org.revos -DarchetypeArtifactId=org.revos.plugin-archetype -DarchetypeVersion="$VERSION" \
  -DgroupId=com.example -DartifactId=hello -Dversion=1.0.0 -Dpackage=com.example.hello -Dkind=rest-resource
t1=$(date +%s.%N)
cd hello
$MVN package -DskipITs
$MVN dependency:copy -Dartifact="org.revos:revos-runtime:$VERSION" -DoutputDirectory=target/revos -Dmdep.stripVersion=true
t2=$(date +%s.%N)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
KEY=rvs_time-to-first-plugin-$RANDOM$RANDOM
REVOS_HTTP_PORT=$PORT REVOS_DATA_DIR=$W/data REVOS_DEPLOY_DIR=$W/deploy REVOS_ADMIN_KEY=$KEY \
  java -Xmx512m -jar target/revos/revos-runtime.jar > "$W/revos.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/v1/health" > /dev/null; do kill -0 $PID; sleep 0.1; done
t3=$(date +%s.%N)
API=http://127.0.0.1:$PORT/api/v1
curl -sf -X POST "$API/admin/plugins" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/java-archive' \
  --data-binary @target/hello-1.0.0.jar > /dev/null
T=$(curl -sf -X POST "$API/admin/tenants" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"name": "Acme"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
TK=$(curl -sf -X POST "$API/admin/tenants/$T/api-keys" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d '{"name": "me", "role": "ADMIN"}' | sed 's/.*"key":"\([^"]*\)".*/\1/')
curl -sf "$API/greeting?name=Partner" -H "Authorization: Bearer $TK"; echo
t4=$(date +%s.%N)
python3 -c "t=[$t0,$t1,$t2,$t3,$t4]; print('generate %.1f s, build %.1f s, runtime up %.1f s, install and first answer %.1f s, total %.1f s' % (t[1]-t[0], t[2]-t[1], t[3]-t[2], t[4]-t[3], t[4]-t[0]))"
