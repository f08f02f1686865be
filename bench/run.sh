#!/usr/bin/env bash
# WsgiServlet against a hand-written servlet in the same embedded Tomcat, and against gunicorn.
#
#   bench/run.sh                         # full run, about 18 minutes
#   ROUNDS=1 DURATION=2 WARMUP=1 FLASK=0 bench/run.sh   # smoke run, under 2 minutes
#
# Every scenario is run as raw servlet and WsgiServlet, alternating the order each round so that
# machine noise hits both; the summary gives medians over the rounds and the ratio wsgi/raw.
# Settings (environment variables, defaults in brackets):
#   ROUNDS [5]           measured rounds per scenario
#   DURATION [10]        seconds per wrk run
#   WARMUP [5]           seconds of unrecorded load per endpoint before the rounds
#   CONNECTIONS [16]     wrk connections for the small-body scenarios
#   THREADS [2]          wrk threads
#   BIG_MIB [100]        size of the download file and of each upload, MiB
#   BIG_CONNECTIONS [2]  wrk connections for the download and upload scenarios
#   ONLY [all]           the scenarios to run, e.g. ONLY="hello download"
#                        (hello 64k stream small-file download upload)
#   PEER [1]             0: skip the gunicorn comparison
#   FLASK [1]            0: skip bench/flask-vs-gunicorn.sh at the end (it has its own settings
#                        and time limit, and takes about 15 minutes more)
#   GUNICORN_WORKERS [2] gunicorn worker processes (sync and gthread)
#   GUNICORN_THREADS [4] threads per gthread worker
#   JAVA [java]          the JVM that runs the server
#   SERVER_JVM_OPTS [-Xms512m -Xmx512m]
#   TIME_LIMIT [4500]    the whole run, Flask part included, is stopped after this many seconds
#   SKIP_BUILD [0]       1: use bench/target/wsgi-servlet-bench.jar as it is
# Needs: JDK 17+, Maven, wrk, gunicorn, python3 (the Debian packages .ci/run installs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${ROUNDS:=5}" "${DURATION:=10}" "${WARMUP:=5}" "${CONNECTIONS:=16}" "${THREADS:=2}"
: "${BIG_MIB:=100}" "${BIG_CONNECTIONS:=2}" "${GUNICORN_WORKERS:=2}" "${GUNICORN_THREADS:=4}"
: "${JAVA:=java}" "${SERVER_JVM_OPTS:=-Xms512m -Xmx512m}" "${TIME_LIMIT:=4500}" "${SKIP_BUILD:=0}"
: "${ONLY:=hello 64k stream small-file download upload}" "${PEER:=1}" "${FLASK:=1}"
export ROUNDS DURATION WARMUP CONNECTIONS THREADS BIG_MIB BIG_CONNECTIONS GUNICORN_WORKERS GUNICORN_THREADS JAVA TIME_LIMIT

# The whole run is bounded: re-run this script under timeout(1), which also signals its children.
if [ -z "${BENCH_BOUNDED:-}" ]; then
  export BENCH_BOUNDED=1
  exec timeout --kill-after=20 "$TIME_LIMIT" bash "${BASH_SOURCE[0]}" "$@"
fi

JAR="$ROOT/bench/target/wsgi-servlet-bench.jar"
OUT="$ROOT/bench/target/run-$(date +%Y%m%d-%H%M%S)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wsgi-servlet-bench.XXXXXX")
RESULTS="$OUT/results.tsv"
PIDS=()

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

die() { echo "run.sh: $*" >&2; exit 1; }

for tool in wrk gunicorn python3 curl "$JAVA"; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (see .ci/run)"
done

stop() { # stop PID: TERM, wait up to 10 s, then KILL
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}

wait_for_line() { # wait_for_line FILE REGEX PID: prints the first match, fails if PID dies or 60 s pass
  local file=$1 regex=$2 pid=$3
  for _ in $(seq 1 300); do
    if grep -Eo "$regex" "$file" 2>/dev/null | head -1 | grep -q .; then
      grep -Eo "$regex" "$file" | head -1
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$file" >&2; die "server $pid exited during start-up"; }
    sleep 0.2
  done
  cat "$file" >&2
  die "no '$regex' in $file after 60 s"
}

# --- build -------------------------------------------------------------------------------
needs_build() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find "$ROOT/adapter/src/main" "$ROOT/bench/src" "$ROOT/bench/pom.xml" "$ROOT/adapter/pom.xml" \
      -newer "$JAR" -type f -print -quit)" ]
}
if [ "$SKIP_BUILD" != 1 ] && needs_build; then
  echo "== building bench/target/wsgi-servlet-bench.jar"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl bench -am)
fi
[ -f "$JAR" ] || die "$JAR is missing; build it with: mvn -B -DskipTests package -pl bench -am"

mkdir -p "$OUT" "$WORK/files"
printf 'scenario\tvariant\tround\trps\tp99_ms\terrors\tnon2xx\trequests\n' > "$RESULTS"

# --- the machine -------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jvm: $("$JAVA" -version 2>&1 | head -1)"
  echo "server JVM options: $SERVER_JVM_OPTS"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "gunicorn: $(gunicorn --version 2>&1)"
  echo "settings: ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS BIG_MIB=$BIG_MIB BIG_CONNECTIONS=$BIG_CONNECTIONS GUNICORN_WORKERS=$GUNICORN_WORKERS GUNICORN_THREADS=$GUNICORN_THREADS ONLY=\"$ONLY\" PEER=$PEER"
} | tee "$OUT/machine.txt"

# --- the server --------------------------------------------------------------------------
BIG_BYTES=$((BIG_MIB * 1024 * 1024))
SMALL_BYTES=16384
head -c "$BIG_BYTES" /dev/urandom > "$WORK/files/big.bin"
head -c "$SMALL_BYTES" /dev/urandom > "$WORK/files/small.bin"
# shellcheck disable=SC2086  # SERVER_JVM_OPTS is a list of options
"$JAVA" $SERVER_JVM_OPTS -cp "$JAR" dev.wsgiservlet.bench.BenchServer "$WORK" 0 > "$OUT/tomcat.log" 2>&1 &
TOMCAT_PID=$!
PIDS+=("$TOMCAT_PID")
PORT=$(wait_for_line "$OUT/tomcat.log" 'PORT [0-9]+' "$TOMCAT_PID" | cut -d' ' -f2)
BASE="http://127.0.0.1:$PORT"
echo "== embedded Tomcat (pid $TOMCAT_PID) on $BASE"

# Check each endpoint answers as expected before measuring anything.
check() { # check URL EXPECTED_BYTES [curl options]
  local url=$1 expected=$2; shift 2
  local got
  got=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code} %{size_download}' "$@" "$url") || die "$url failed"
  [ "$got" = "200 $expected" ] || die "$url answered '$got', expected '200 $expected'"
}
UPLOAD_ANSWER=$(printf 'received %d\n' "$BIG_BYTES" | wc -c)
for prefix in raw wsgi; do
  check "$BASE/$prefix/hello" 13
  [ "$prefix" = raw ] && check "$BASE/raw/hello-environ" 13
  check "$BASE/$prefix/64k" 65536
  check "$BASE/$prefix/stream" 40960
  check "$BASE/$prefix/upload" "$UPLOAD_ANSWER" --data-binary "@$WORK/files/big.bin" -H 'Content-Type: application/octet-stream'
done
check "$BASE/wsgi/download" "$BIG_BYTES"
check "$BASE/wsgi-transferto/download" "$BIG_BYTES"
check "$BASE/big.bin" "$BIG_BYTES"
check "$BASE/wsgi/small-file" "$SMALL_BYTES"
check "$BASE/wsgi-transferto/small-file" "$SMALL_BYTES"
check "$BASE/small.bin" "$SMALL_BYTES"

export WRK_REPORT="$ROOT/bench/wrk/report.lua" UPLOAD_BYTES="$BIG_BYTES"

# run_wrk SCENARIO VARIANT ROUND URL: one wrk run; ROUND 0 is warm-up and is not recorded.
run_wrk() {
  local scenario=$1 variant=$2 round=$3 url=$4
  local script="$WRK_REPORT" connections=$CONNECTIONS duration=$DURATION
  case "$scenario" in
    download|upload) connections=$BIG_CONNECTIONS ;;
  esac
  [ "$scenario" = upload ] && script="$ROOT/bench/wrk/upload.lua"
  [ "$round" = 0 ] && duration=$WARMUP
  local threads=$((THREADS < connections ? THREADS : connections))
  local line
  line=$(timeout $((duration + 90)) wrk -t "$threads" -c "$connections" -d "${duration}s" --timeout 60s \
      -s "$script" "$url" | grep '^RESULT ') || die "wrk failed on $url"
  if [ "$round" != 0 ]; then
    # shellcheck disable=SC2086  # the RESULT line's fields
    set -- $line
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$variant" "$round" "$2" "$3" "$4" "$5" "$6" >> "$RESULTS"
    printf '   %-9s %-16s round %s: %10s req/s  p99 %9s ms  errors %s/%s\n' "$scenario" "$variant" "$round" "$2" "$3" "$4" "$5"
  fi
}

# The scenarios: name, then "variant=url" pairs measured against each other. For the files,
# "raw" is Tomcat's DefaultServlet and wsgi-transferto the adapter with sendfile hidden from it.
ALL_SCENARIOS=(
  "hello raw=$BASE/raw/hello wsgi=$BASE/wsgi/hello raw-environ=$BASE/raw/hello-environ"
  "64k raw=$BASE/raw/64k wsgi=$BASE/wsgi/64k"
  "stream raw=$BASE/raw/stream wsgi=$BASE/wsgi/stream"
  "small-file raw=$BASE/small.bin wsgi=$BASE/wsgi/small-file wsgi-transferto=$BASE/wsgi-transferto/small-file"
  "download raw=$BASE/big.bin wsgi=$BASE/wsgi/download wsgi-transferto=$BASE/wsgi-transferto/download"
  "upload raw=$BASE/raw/upload wsgi=$BASE/wsgi/upload"
)
SCENARIOS=()
for s in "${ALL_SCENARIOS[@]}"; do
  case " $ONLY " in *" ${s%% *} "*) SCENARIOS+=("$s") ;; esac
done

run_rounds() { # run_rounds ROUND SCENARIO-LINE: every variant once, order reversed on even rounds
  local round=$1; shift
  # shellcheck disable=SC2086
  set -- $1
  local scenario=$1; shift
  local pairs=("$@")
  if [ $((round % 2)) = 0 ]; then
    local reversed=()
    for ((i = ${#pairs[@]} - 1; i >= 0; i--)); do reversed+=("${pairs[$i]}"); done
    pairs=("${reversed[@]}")
  fi
  for pair in "${pairs[@]}"; do
    run_wrk "$scenario" "${pair%%=*}" "$round" "${pair#*=}"
  done
}

echo "== warm-up: ${WARMUP}s per endpoint"
for s in "${SCENARIOS[@]}"; do run_rounds 0 "$s"; done

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS"
  for s in "${SCENARIOS[@]}"; do run_rounds "$round" "$s"; done
done

# --- the peer: gunicorn on the same hello ----------------------------------------------
start_gunicorn() { # start_gunicorn NAME [options]: sets GUNICORN_URL and GUNICORN_PID
  local name=$1; shift
  local log="$OUT/gunicorn-$name.log"
  gunicorn --bind 127.0.0.1:0 --workers "$GUNICORN_WORKERS" --log-level info --error-logfile "$log" \
      --chdir "$ROOT/bench/python" "$@" hello:application > /dev/null 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  GUNICORN_PID=$pid
  local listening
  listening=$(wait_for_line "$log" 'Listening at: http://127\.0\.0\.1:[0-9]+' "$pid")
  GUNICORN_URL="${listening#Listening at: }/hello"
  check "$GUNICORN_URL" 13
  echo "== gunicorn $name (pid $pid) on ${GUNICORN_URL%/hello}"
}
if [ "$PEER" = 1 ]; then
  start_gunicorn sync --worker-class sync
  SYNC_URL=$GUNICORN_URL SYNC_PID=$GUNICORN_PID
  start_gunicorn gthread --worker-class gthread --threads "$GUNICORN_THREADS"
  GTHREAD_URL=$GUNICORN_URL GTHREAD_PID=$GUNICORN_PID
  # The raw servlet runs too: its ratio to gunicorn is what the machine allows the adapter.
  PEER_LINE="peer raw=$BASE/raw/hello wsgi=$BASE/wsgi/hello gunicorn-sync=$SYNC_URL gunicorn-gthread=$GTHREAD_URL"
  echo "== warm-up: gunicorn"
  run_rounds 0 "$PEER_LINE"
  for round in $(seq 1 "$ROUNDS"); do
    echo "== peer round $round of $ROUNDS"
    run_rounds "$round" "$PEER_LINE"
  done
  stop "$SYNC_PID"
  stop "$GTHREAD_PID"
fi
stop "$TOMCAT_PID"

if grep -q 'OutOfMemoryError\|SEVERE' "$OUT/tomcat.log"; then
  echo "== the server logged errors; see $OUT/tomcat.log" >&2
fi

# --- summary ----------------------------------------------------------------------------
python3 "$ROOT/bench/summarize.py" "$RESULTS" "$BIG_MIB" | tee "$OUT/summary.md"
echo "== results: $OUT"

# --- Flask on GraalPy against Flask on gunicorn (the Python module's benchmark) ----------
FLASK_SCRIPT="$ROOT/bench/flask-vs-gunicorn.sh"
FLASK_WAR="$ROOT/war-sample-flask/target/war-sample-flask.war"
FLASK_JDK="${JAVA_HOME25:-/usr/lib/jvm/temurin-25-jdk-amd64}"  # the Graal JIT needs JDK 25, not a Debian package
if [ "$FLASK" != 1 ]; then
  echo "== Flask on GraalPy vs gunicorn: skipped (FLASK=$FLASK)"
elif [ -f "$FLASK_SCRIPT" ] && [ -f "$FLASK_WAR" ] && [ -x "$FLASK_JDK/bin/java" ]; then
  echo "== Flask on GraalPy vs gunicorn: $FLASK_SCRIPT"
  # Its own defaults and time limit apply, not this script's.
  env -u TIME_LIMIT bash "$FLASK_SCRIPT" || {
    status=$?
    echo "== Flask on GraalPy vs gunicorn: $FLASK_SCRIPT failed (exit $status); the results above stand" >&2
    exit "$status"
  }
else
  missing=()
  [ -f "$FLASK_SCRIPT" ] || missing+=("bench/flask-vs-gunicorn.sh")
  [ -f "$FLASK_WAR" ] || missing+=("war-sample-flask/target/war-sample-flask.war (mvn -B -DskipTests package -pl war-sample-flask -am)")
  [ -x "$FLASK_JDK/bin/java" ] || missing+=("a JDK 25 at $FLASK_JDK (set JAVA_HOME25; see docs/python.md, \"The Graal JIT\")")
  echo "== Flask on GraalPy vs gunicorn: skipped, missing ${missing[*]}"
fi
