#!/usr/bin/env bash
# Start-up and scaling benchmark of `strato validate` against a JVM hello-world.
#
# Usage: bench/run.sh [--runs N] [--suite main|startup|all] [--model N] [--loop] [--out DIR]
#                     [--baseline GITREF]
#
#   --runs N          timed runs of every case (default 15), interleaved: round r runs each case
#                     once, in an order rotated by r, so that load from other processes spreads
#                     over all cases alike; one untimed warm-up round comes first
#   --suite main      hello-world, examples/orders, generated 200 and 2,000 functions, 2,000
#                     with -Xmx256m, and the ./strato launcher script end to end (default)
#   --suite startup   start-up options on the N-function model (--model N, default 200): JDK
#                     defaults, -Xshare:off, -XX:TieredStopAtLevel=1, -XX:+UseSerialGC, dynamic
#                     and static AppCDS, the launcher before and now, the launcher without each
#                     memory flag, and Java 25 with an AOT cache when BENCH_JAVA25 (default
#                     /usr/lib/jvm/temurin-25-jdk-amd64) exists
#   --suite all       both
#   --suite scaling   validate of 200, 500, 1,000, 2,000 and 4,000 functions, cold (launcher
#                     flags) with the cost per added function, then warm in one JVM
#                     (bench/WarmScaling.java): linear growth shows as a flat cost per function
#   --loop            time with a bash loop and `date +%s%N` even when hyperfine is installed
#   --out DIR         keep models, archives and raw times there (default: a new temp folder)
#   --baseline REF    also time the ./strato launcher of git REF (built in a temp folder), for
#                     a before/after of a code change (main suite)
#
# JAVA_HOME picks the JVM, as for ./strato. The flags policy of the strato cases is exactly the
# launcher's (read with STRATO_LAUNCHER_PRINT=1), and the "hello (launcher flags)" case runs the
# hello-world with those flags. STRATO_TODAY=2026-11-27 pins the date runtime checks use.
# Prints one markdown table per suite; raw data stays in the output folder.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs=15
startup_model=200
suite=main
force_loop=
out=
baseline=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --suite) suite="$2"; shift 2 ;;
    --loop) force_loop=1; shift ;;
    --out) out="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --model) startup_model="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$suite" in main|startup|all|scaling) ;; *) echo "bench: --suite main|startup|all|scaling" >&2; exit 2 ;; esac

export STRATO_TODAY=2026-11-27
export NO_COLOR=1
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
java25="${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="${out:-$(mktemp -d "${TMPDIR:-/tmp}/strato-bench.XXXXXX")}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
case "$root$work" in *" "*) echo "bench: paths with spaces are not supported ($root, $work)" >&2; exit 2 ;; esac
if [ -z "$force_loop" ] && command -v hyperfine >/dev/null 2>&1; then timer=hyperfine; else timer=loop; fi
say() { echo "bench: $*" >&2; }

# --- the jar, its AppCDS archive and the launcher's exact java command --------------------------
"$root/strato" --version >/dev/null          # builds the jar when stale and trains the archive
mapfile -t launch < <(STRATO_LAUNCHER_PRINT=1 "$root/strato")
jvm_opts=()
jar=
for ((i = 1; i < ${#launch[@]}; i++)); do
  if [ "${launch[$i]}" = "-jar" ]; then jar="${launch[$((i + 1))]}"; break; fi
  jvm_opts+=("${launch[$i]}")
done
[ -n "$jar" ] || { echo "bench: could not read the launcher's java command" >&2; exit 1; }
# the same flags without the strato-specific archive, for the hello-world
hello_opts=()
for o in "${jvm_opts[@]}"; do case "$o" in -XX:SharedArchiveFile=*) ;; *) hello_opts+=("$o") ;; esac; done
case " ${hello_opts[*]} " in *" -Xshare:"*) ;; *) hello_opts+=(-Xshare:auto) ;; esac
strato="$java ${jvm_opts[*]} -jar $jar"

# --- hello-world, compiled by the same JDK ------------------------------------------------------
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
EOF
"$javac" --release 17 -d "$work/hello" "$work/hello/Hello.java"

# --- deterministic models, checked valid for all three providers ------------------------------
orders="$root/examples/orders/strato.yml"
for n in 200 2000; do
  python3 "$root/bench/genmodel.py" "$n" "$work/fn$n"
done
for f in "$orders" "$work/fn200/strato.yml" "$work/fn2000/strato.yml"; do
  verdict="$($strato validate -c "$f" 2>/dev/null | tail -1)"
  case "$verdict" in
    *" is valid for aws, azure, gcp"*) say "$verdict" ;;
    *) echo "bench: $f is not valid for aws, azure and gcp:" >&2; $strato validate -c "$f" >&2 || true; exit 1 ;;
  esac
done

# --- cases --------------------------------------------------------------------------------------
names=()
cmds=()
add() { names+=("$1"); cmds+=("$2"); }

# measure SUITE: interleaved rounds over the cases; "case<TAB>ms" lines in $work/SUITE.times
measure() {
  local tag="$1" n=${#names[@]} r k i
  : > "$work/$tag.cases"
  for ((i = 0; i < n; i++)); do printf '%s\t%s\n' "${names[$i]}" "${cmds[$i]}" >> "$work/$tag.cases"; done
  : > "$work/$tag.times"
  say "$tag: $n cases x $runs runs, interleaved, timer: $timer"
  for ((r = -1; r < runs; r++)); do
    local order=()
    for ((k = 0; k < n; k++)); do order+=($(( (k + (r < 0 ? 0 : r)) % n ))); done
    if [ "$timer" = hyperfine ]; then
      local args=()
      for i in "${order[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
      hyperfine -N --runs 1 --style none --export-json "$work/$tag.round.json" "${args[@]}" >/dev/null
      [ "$r" -lt 0 ] || python3 "$root/bench/stats.py" hyperfine2tsv "$work/$tag.round.json" >> "$work/$tag.times"
    else
      for i in "${order[@]}"; do
        local t0 t1 cpu=""
        t0=$(date +%s%N)
        if [ -x /usr/bin/time ]; then
          # shellcheck disable=SC2086
          /usr/bin/time -f "%U %S" -o "$work/cpu.one" ${cmds[$i]} >/dev/null 2>&1 || { echo "bench: failed: ${cmds[$i]}" >&2; exit 1; }
        else
          # shellcheck disable=SC2086
          ${cmds[$i]} >/dev/null 2>&1 || { echo "bench: failed: ${cmds[$i]}" >&2; exit 1; }
        fi
        t1=$(date +%s%N)
        [ -x /usr/bin/time ] && cpu="$(awk '{printf "%.0f", ($1 + $2) * 1000}' "$work/cpu.one")"
        [ "$r" -lt 0 ] || printf '%s\t%.3f\t%s\n' "${names[$i]}" "$(( t1 - t0 ))e-6" "$cpu" >> "$work/$tag.times"
      done
    fi
    [ "$r" -lt 0 ] || printf '.' >&2
  done
  echo >&2
  : > "$work/$tag.rss"
  if [ -x /usr/bin/time ]; then
    for ((i = 0; i < n; i++)); do
      # shellcheck disable=SC2086
      /usr/bin/time -f "%M" -o "$work/rss.one" ${cmds[$i]} >/dev/null 2>&1
      printf '%s\t%s\n' "${names[$i]}" "$(tail -1 "$work/rss.one")" >> "$work/$tag.rss"
    done
  fi
  python3 "$root/bench/stats.py" table "$work/$tag.cases" "$work/$tag.times" "$ref" "$plain" "$work/$tag.rss" \
    | sed -e "s#$work#\$BENCH#g" -e "s#$root/#./#g" -e "s#$root#.#g" | tee "$work/$tag.md"
  echo
}

plain="hello (plain)"
ref="hello (launcher flags)"

if [ "$suite" = main ] || [ "$suite" = all ]; then
  names=(); cmds=()
  add "$plain" "$java -cp $work/hello Hello"
  add "$ref" "$java ${hello_opts[*]} -cp $work/hello Hello"
  add "validate orders" "$strato validate -c $orders"
  add "validate 200 fns" "$strato validate -c $work/fn200/strato.yml"
  add "validate 2000 fns" "$strato validate -c $work/fn2000/strato.yml"
  add "validate 2000 fns -Xmx256m" "$java ${jvm_opts[*]} -Xmx256m -jar $jar validate -c $work/fn2000/strato.yml"
  add "./strato validate orders (bash launcher)" "$root/strato validate -c $orders"
  if [ -n "$baseline" ]; then
    base="$work/baseline"
    if [ ! -f "$base/cli/target/strato.jar" ]; then
      say "building baseline $baseline in $base"
      rm -rf "$base" && mkdir -p "$base"
      git -C "$root" archive "$baseline" | tar -x -C "$base"
      (cd "$base" && ./mvnw -o -q -B -DskipTests package) >&2
    fi
    "$base/strato" --version >/dev/null
    add "./strato validate orders (baseline $baseline)" "$base/strato validate -c $orders"
    add "./strato validate 200 fns (baseline $baseline)" "$base/strato validate -c $work/fn200/strato.yml"
    add "./strato validate 200 fns (bash launcher)" "$root/strato validate -c $work/fn200/strato.yml"
  fi
  measure main
fi

if [ "$suite" = startup ] || [ "$suite" = all ]; then
  names=(); cmds=()
  model="$work/fn$startup_model/strato.yml"
  [ -f "$model" ] || python3 "$root/bench/genmodel.py" "$startup_model" "$work/fn$startup_model"
  run="validate -c $model"
  # archives trained on `validate -c examples/orders/strato.yml` (not the measured model)
  train="validate -c $orders"
  old=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m)
  # shellcheck disable=SC2086
  {
    "$java" -XX:ArchiveClassesAtExit="$work/dyn-default.jsa" -jar "$jar" $train
    "$java" "${old[@]}" -XX:ArchiveClassesAtExit="$work/dyn-old.jsa" -jar "$jar" print --output json -c "$orders"
    "$java" -XX:DumpLoadedClassList="$work/static-default.lst" -jar "$jar" $train
    "$java" -Xshare:dump -XX:SharedClassListFile="$work/static-default.lst" -XX:SharedArchiveFile="$work/static-default.jsa" -cp "$jar"
  } >/dev/null 2>&1
  # the launcher's flags without one of them
  without() { local o out=(); for o in "${jvm_opts[@]}"; do [ "$o" = "$1" ] || out+=("$o"); done; echo "${out[*]}"; }
  add "$plain" "$java -cp $work/hello Hello"
  add "$ref" "$java ${hello_opts[*]} -cp $work/hello Hello"
  add "java -jar (JDK defaults)" "$java -jar $jar $run"
  add "java -Xshare:off -jar" "$java -Xshare:off -jar $jar $run"
  add "java -XX:TieredStopAtLevel=1 -jar" "$java -XX:TieredStopAtLevel=1 -jar $jar $run"
  add "java -XX:+UseSerialGC -jar" "$java -XX:+UseSerialGC -jar $jar $run"
  add "AppCDS dynamic (-XX:ArchiveClassesAtExit)" "$java -XX:SharedArchiveFile=$work/dyn-default.jsa -jar $jar $run"
  add "AppCDS static (-Xshare:dump)" "$java -XX:SharedArchiveFile=$work/static-default.jsa -jar $jar $run"
  add "old launcher: T1+Serial+Xss4m+dynamic AppCDS" "$java ${old[*]} -XX:SharedArchiveFile=$work/dyn-old.jsa -jar $jar $run"
  add "launcher now" "$strato $run"
  add "launcher without -Xmn16m" "$java $(without -Xmn16m) -jar $jar $run"
  add "launcher without -XX:+UseTransparentHugePages" "$java $(without -XX:+UseTransparentHugePages) -jar $jar $run"
  add "launcher -XX:-UsePerfData" "$java ${jvm_opts[*]} -XX:-UsePerfData -jar $jar $run"
  add "launcher -XX:ArchiveRelocationMode=0 (diagnostic)" \
    "$java ${jvm_opts[*]} -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -jar $jar $run"
  if [ -x "$java25" ]; then
    # shellcheck disable=SC2086
    "$java25" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTCacheOutput="$work/strato25.aot" \
      -jar "$jar" $train >/dev/null 2>&1
    add "java25 hello (plain)" "$java25 -cp $work/hello Hello"
    add "java25 -jar (JDK defaults)" "$java25 -jar $jar $run"
    add "java25 T1+Serial+Xmn16m+AOTCache" \
      "$java25 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -XX:AOTCache=$work/strato25.aot -jar $jar $run"
  fi
  measure startup
fi

if [ "$suite" = scaling ]; then
  names=(); cmds=()
  add "$plain" "$java -cp $work/hello Hello"
  add "$ref" "$java ${hello_opts[*]} -cp $work/hello Hello"
  warm=()
  for n in 200 500 1000 2000 4000; do
    [ -f "$work/fn$n/strato.yml" ] || python3 "$root/bench/genmodel.py" "$n" "$work/fn$n"
    add "validate $n fns" "$strato validate -c $work/fn$n/strato.yml"
    warm+=("$n=$work/fn$n/strato.yml")
  done
  measure scaling
  python3 "$root/bench/stats.py" slope "$work/scaling.times"
  echo
  # the same models loaded again and again in one JVM: cost without start-up and JIT warm-up
  mkdir -p "$work/warm"
  "$javac" --release 17 -cp "$jar" -d "$work/warm" "$root/bench/WarmScaling.java"
  "$java" -Xms2g -Xmn1g -XX:+UseParallelGC -cp "$jar:$work/warm" WarmScaling 10 "${warm[@]}" | tee "$work/warm.md"
  echo
fi

say "raw data in $work"
