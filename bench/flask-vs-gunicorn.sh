#!/usr/bin/env bash
# The Flask sample (war-sample-flask) on Tomcat 11 + GraalPy with the Graal JIT, against the same
# application on gunicorn + CPython (sync workers, then gthread), loaded by wrk over loopback.
#
#   bench/flask-vs-gunicorn.sh                                  # full run, about 15 minutes
#   WARMUP_INTERVALS=3 INTERVAL=5 MEASURE=5 bench/flask-vs-gunicorn.sh   # smoke run, about 4 minutes
#
# For each server it records: start-up (process start to the first 200 on the path under test),
# the warm-up curve (requests/s of each successive INTERVAL-second wrk run from cold), then the
# measured run once warm (requests/s and p99 latency) and the server's resident memory (RSS,
# every process of the server). The summary is printed and kept in OUT/summary.md.
# Settings (environment variables, defaults in brackets):
#   TARGET_PATH [/hello/bench]   the request: Flask routing + a Jinja template, about 1 KB of HTML
#   CONNECTIONS [16]             wrk connections
#   THREADS [2]                  wrk threads
#   INTERVAL [10]                seconds per warm-up interval
#   WARMUP_INTERVALS [30]        warm-up intervals for Tomcat (the JIT compiles as it goes)
#   GUNICORN_INTERVALS [3]       warm-up intervals for each gunicorn (CPython does not warm up)
#   MEASURE [30]                 seconds of the measured run
#   PYTHON_CONTEXTS [2]          GraalPy contexts in Tomcat (python.contexts), one per core here
#   GUNICORN_WORKERS [2]         gunicorn worker processes (sync and gthread)
#   GUNICORN_THREADS [4]         threads per gthread worker
#   JAVA_HOME25 [/usr/lib/jvm/temurin-25-jdk-amd64]   the JDK that runs Tomcat
#   GRAAL_VERSION [25.0.3]       Graal compiler jars put on --upgrade-module-path (must match the JDK)
#   TOMCAT_VERSION [11.0.24]     the Tomcat distribution, from Maven Central
#   HEAP [2g]                    Tomcat's -Xms and -Xmx
#   TIME_LIMIT [1800]            the whole run is stopped after this many seconds
#   SKIP_BUILD [0]               1: use war-sample-flask/target/war-sample-flask.war as it is
#   SERVERS [tomcat sync gthread] which servers to run, in this order
# Needs: Maven, wrk, gunicorn, python3-flask, Temurin 25, curl (what .ci/run installs, plus Temurin).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${TARGET_PATH:=/hello/bench}" "${CONNECTIONS:=16}" "${THREADS:=2}" "${INTERVAL:=10}"
: "${WARMUP_INTERVALS:=30}" "${GUNICORN_INTERVALS:=3}" "${MEASURE:=30}" "${PYTHON_CONTEXTS:=2}"
: "${GUNICORN_WORKERS:=2}" "${GUNICORN_THREADS:=4}" "${JAVA_HOME25:=/usr/lib/jvm/temurin-25-jdk-amd64}"
: "${GRAAL_VERSION:=25.0.3}" "${TOMCAT_VERSION:=11.0.24}" "${HEAP:=2g}" "${TIME_LIMIT:=1800}" "${SKIP_BUILD:=0}"
: "${SERVERS:=tomcat sync gthread}"

# The whole run is bounded: re-run this script under timeout(1), which also signals its children.
if [ -z "${FLASK_BENCH_BOUNDED:-}" ]; then
  export FLASK_BENCH_BOUNDED=1
  exec timeout --kill-after=30 "$TIME_LIMIT" bash "${BASH_SOURCE[0]}" "$@"
fi

WAR="$ROOT/war-sample-flask/target/war-sample-flask.war"
APP_SOURCES="$ROOT/war-sample-flask/src/main/python"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/flask-vs-gunicorn.XXXXXX")
OUT="$WORK/results"
mkdir -p "$OUT"
SERVER_PID=""
CATALINA_HOME=""
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
GUNICORN_PYTHON=$(head -1 "$(command -v gunicorn)" | sed 's/^#! *//')

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

stop_server() {
  if [ -n "$CATALINA_HOME" ] && [ -f "$CATALINA_HOME/tomcat.pid" ]; then
    CATALINA_PID="$CATALINA_HOME/tomcat.pid" JAVA_HOME="$JAVA_HOME25" \
      timeout 60 "$CATALINA_HOME/bin/catalina.sh" stop 20 -force >/dev/null 2>&1 || true
  fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  CATALINA_HOME=""
}
cleanup() {
  stop_server
  log "results and server logs kept in $OUT"
  find "$WORK" -mindepth 1 -maxdepth 1 ! -name results -exec rm -rf {} +
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk gunicorn curl mvn python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install wrk gunicorn curl maven python3-flask)"
done
[ -x "$JAVA_HOME25/bin/java" ] || fail "no JDK at JAVA_HOME25=$JAVA_HOME25"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Milliseconds from $1 (a date +%s%N) until $2 answers 200, polling; fails after $3 seconds.
wait_for_200() {
  local started=$1 url=$2 limit=$3 deadline=$((SECONDS + $3))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$url" || true)" = 200 ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$url gave no 200 within ${limit}s"
    [ -z "$SERVER_PID" ] || kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited before answering $url"
    sleep 0.2
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
}

# Resident memory in MiB of $1 and all its descendants.
rss_mib() {
  local pids=$1 frontier=$1 children
  while [ -n "$frontier" ]; do
    children=$(for p in $frontier; do pgrep -P "$p" || true; done | tr '\n' ' ')
    pids="$pids $children"
    frontier=$(echo "$children" | xargs)
  done
  ps -o rss= -p "$(echo "$pids" | xargs | tr ' ' ',')" | awk '{ kb += $1 } END { printf "%d", kb / 1024 }'
}

# wrk for $2 seconds against $1; prints "requests/s p99-ms" and keeps wrk's report in $3.
load() {
  local url=$1 seconds=$2 report=$3
  timeout $((seconds + 60)) wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s "$url" >"$report"
  python3 - "$report" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
p99_ms = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", text)
if errors:
    print(f"wrk reported errors: {errors.group(0)}", file=sys.stderr)
print(f"{rps:.0f} {p99_ms:.1f}")
PY
}

# Runs the warm-up curve and the measured run against the server at $2, named $1.
measure() {
  local name=$1 url=$2 intervals=$3 startup_ms=$4 curve="" result rps p99 rss
  log "$name: up after ${startup_ms} ms; ${intervals} warm-up intervals of ${INTERVAL}s"
  for i in $(seq 1 "$intervals"); do
    result=$(load "$url" "$INTERVAL" "$OUT/$name-warmup-$i.txt")
    curve="$curve ${result%% *}"
    log "$name: interval $i: ${result%% *} requests/s"
  done
  result=$(load "$url" "$MEASURE" "$OUT/$name-measured.txt")
  rps=${result%% *}
  p99=${result##* }
  rss=$(rss_mib "$SERVER_PID")
  log "$name: measured ${rps} requests/s, p99 ${p99} ms, RSS ${rss} MiB"
  printf '| %s | %s | %s | %s | %s |%s |\n' "$name" "$rps" "$p99" "$startup_ms" "$rss" "$curve" >>"$OUT/rows.md"
}

mvn_get() {  # groupId:artifactId:version[:type] into $2
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy -Dartifact="$1" -DoutputDirectory="$2" \
    -Dmdep.overWriteIfNewer=true -Dstyle.color=never >/dev/null 2>&1 || fail "could not fetch $1 from Maven (mvn dependency:copy -Dartifact=$1)"
}

run_tomcat() {
  if [ "$SKIP_BUILD" != 1 ]; then
    log "building war-sample-flask"
    (cd "$ROOT" && mvn -B -q -DskipTests package -pl war-sample-flask -am) || fail "the build failed"
  fi
  [ -f "$WAR" ] || fail "no WAR at $WAR"
  # Tomcat 11 + GraalPy + Graal JIT on Temurin 25
  log "preparing Tomcat $TOMCAT_VERSION with the Graal $GRAAL_VERSION JIT"
  mkdir -p "$WORK/graal"
  for artifact in org.graalvm.compiler:compiler org.graalvm.sdk:collections org.graalvm.sdk:word org.graalvm.truffle:truffle-compiler; do
    mvn_get "$artifact:$GRAAL_VERSION" "$WORK/graal"
  done
  mvn_get "org.apache.tomcat:tomcat:$TOMCAT_VERSION:tar.gz" "$WORK"
  tar -xzf "$WORK/tomcat-$TOMCAT_VERSION.tar.gz" -C "$WORK"
  CATALINA_HOME="$WORK/apache-tomcat-$TOMCAT_VERSION"
  HTTP_PORT=$(free_port)
  SHUTDOWN_PORT=$(free_port)
  # Free ports, loopback only, and no access log (gunicorn keeps none by default either).
  python3 - "$CATALINA_HOME/conf/server.xml" "$HTTP_PORT" "$SHUTDOWN_PORT" <<'PY'
import re, sys
path, http, shutdown = sys.argv[1:]
xml = open(path).read()
xml = re.sub(r'<Server port="-?\d+"', f'<Server port="{shutdown}"', xml)
xml = re.sub(r'<Connector port="\d+" protocol="HTTP/1.1"', f'<Connector port="{http}" address="127.0.0.1" protocol="HTTP/1.1"', xml)
xml = re.sub(r'<Valve className="org.apache.catalina.valves.AccessLogValve".*?/>', '', xml, flags=re.S)
open(path, "w").write(xml)
PY
  rm -rf "$CATALINA_HOME/webapps/"*
  cp "$WAR" "$CATALINA_HOME/webapps/ROOT.war"
  mkdir -p "$CATALINA_HOME/conf/Catalina/localhost"
  cat >"$CATALINA_HOME/conf/Catalina/localhost/ROOT.xml" <<EOF
<Context>
  <Parameter name="python.contexts" value="$PYTHON_CONTEXTS" override="false"/>
</Context>
EOF
  UPGRADE_PATH=$(ls "$WORK"/graal/*.jar | tr '\n' ':')
  cat >"$CATALINA_HOME/bin/setenv.sh" <<EOF
JAVA_HOME="$JAVA_HOME25"
CATALINA_OPTS="-Xms$HEAP -Xmx$HEAP -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=${UPGRADE_PATH%:}"
EOF
  log "Tomcat JVM options: $(grep CATALINA_OPTS "$CATALINA_HOME/bin/setenv.sh")"
  started=$(date +%s%N)
  CATALINA_PID="$CATALINA_HOME/tomcat.pid" JAVA_HOME="$JAVA_HOME25" "$CATALINA_HOME/bin/catalina.sh" start >/dev/null
  for _ in $(seq 1 50); do [ -s "$CATALINA_HOME/tomcat.pid" ] && break; sleep 0.1; done
  SERVER_PID=$(cat "$CATALINA_HOME/tomcat.pid")
  startup=$(wait_for_200 "$started" "http://127.0.0.1:$HTTP_PORT$TARGET_PATH" 600)
  # wsgi-servlet-python logs one line at start-up saying whether the Graal JIT compiles Python.
  jit=$(grep -ho 'wsgi-servlet-python: JIT o[nf][f]*:[^(]*([^)]*)' "$CATALINA_HOME"/logs/localhost.*.log | head -1)
  log "${jit:-no JIT line in the log}"
  case $jit in *"JIT on"*) ;; *) fail "the Graal JIT is not active: the figures would be interpreter-only" ;; esac
  measure "tomcat-graalpy-jit" "http://127.0.0.1:$HTTP_PORT$TARGET_PATH" "$WARMUP_INTERVALS" "$startup"
  cp "$CATALINA_HOME/logs/catalina.out" "$OUT/tomcat-catalina.out"
  cat "$CATALINA_HOME"/logs/localhost.*.log >"$OUT/tomcat-localhost.log"
  stop_server
}

run_gunicorn() {  # sync or gthread
  # gunicorn + CPython, on the application's sources and Debian's Flask
  local worker_class=$1 port
  port=$(free_port)
  args=(--bind "127.0.0.1:$port" --workers "$GUNICORN_WORKERS" --worker-class "$worker_class" --chdir "$APP_SOURCES")
  [ "$worker_class" = gthread ] && args+=(--threads "$GUNICORN_THREADS")
  started=$(date +%s%N)
  gunicorn "${args[@]}" flasksample:app >"$OUT/gunicorn-$worker_class.log" 2>&1 &
  SERVER_PID=$!
  startup=$(wait_for_200 "$started" "http://127.0.0.1:$port$TARGET_PATH" 60)
  measure "gunicorn-$worker_class" "http://127.0.0.1:$port$TARGET_PATH" "$GUNICORN_INTERVALS" "$startup"
  stop_server
}

for server in $SERVERS; do
  case $server in
    tomcat) run_tomcat ;;
    sync | gthread) run_gunicorn "$server" ;;
    *) fail "unknown server '$server' in SERVERS (tomcat, sync, gthread)" ;;
  esac
done

{
  echo "Flask sample, GET $TARGET_PATH, wrk -t$THREADS -c$CONNECTIONS; warm-up intervals of ${INTERVAL}s, measured run ${MEASURE}s"
  echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB RAM; load average before: $LOAD_BEFORE"
  echo "Tomcat $TOMCAT_VERSION on $("$JAVA_HOME25/bin/java" -version 2>&1 | head -1), python.contexts=$PYTHON_CONTEXTS, -Xmx$HEAP, Graal $GRAAL_VERSION JIT; gunicorn $("$GUNICORN_PYTHON" -c 'import gunicorn; print(gunicorn.__version__)') on $("$GUNICORN_PYTHON" --version), $GUNICORN_WORKERS workers (gthread: $GUNICORN_THREADS threads each)"
  echo
  echo "| server | requests/s | p99 ms | start-up ms | RSS MiB | warm-up curve (requests/s per interval) |"
  echo "|---|---|---|---|---|---|"
  cat "$OUT/rows.md"
} >"$OUT/summary.md"
cat "$OUT/summary.md"
