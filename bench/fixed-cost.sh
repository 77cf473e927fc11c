#!/usr/bin/env bash
# bench/fixed-cost.sh: what a small experiment costs beyond its training (issue 27's figures).
# Prints, as medians over ROUNDS (default 3) fresh results folders:
#   run conf/smoke.conf (wall), train of smoke alone (wall),
#   run conf/quick.conf (wall) against its train step's kernel time (the networks' own training
#   seconds, summed, over the cores), and aggregate and analyze of a quick folder, each alone;
#   then the smoke run and train again in one warm `lottery shell` (ROUNDS + 1 of each, the
#   first pair left out).
# QUICK_ROUNDS (default ROUNDS) sets the quick rounds apart (each is minutes). With
# TIMINGS=1 every command also prints its step breakdown (-Dlottery.timings, docs/performance.md).
# Run it on an otherwise idle machine, the jar built (`mvn -DskipTests package`); the folders go
# to a temporary directory, removed at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lottery="$here/submit/lottery"
rounds="${ROUNDS:-3}"
quick_rounds="${QUICK_ROUNDS:-$rounds}"
cores="$(nproc)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fixed-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [[ "${TIMINGS:-0}" == 1 ]]; then
  export LOTTERY_JAVA_OPTS="${LOTTERY_JAVA_OPTS:-} -Dlottery.timings=true"
fi
cd "$here"
"$lottery" --version > /dev/null  # builds the jar first if it is missing or stale

# seconds LABEL COMMAND...: runs it, its output to $work/LABEL.log, and prints its wall seconds.
seconds() {
  local label="$1" start end
  shift
  start="$(date +%s.%N)"
  if ! "$@" > "$work/$label.log" 2>&1; then
    echo "fixed-cost: $label failed:" >&2
    tail -20 "$work/$label.log" >&2
    exit 1
  fi
  end="$(date +%s.%N)"
  if [[ "${TIMINGS:-0}" == 1 ]]; then
    sed -n '/^timings/,$p' "$work/$label.log" | sed "s/^/[$label] /" >&2
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }'
}

median() {
  tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "n/a" } else if (NR % 2) { print a[(NR + 1) / 2] } else { printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 } }'
}

run_smoke=() train_smoke=() run_quick=() kernel_quick=() aggregate_quick=() analyze_quick=()
for r in $(seq "$rounds"); do
  run_smoke+=("$(seconds "smoke-run-$r" "$lottery" run conf/smoke.conf --out "$work/smoke-run-$r")")
  train_smoke+=("$(seconds "smoke-train-$r" "$lottery" train --conf conf/smoke.conf --out "$work/smoke-train-$r")")
  echo "round $r: run smoke ${run_smoke[-1]} s, train smoke ${train_smoke[-1]} s" >&2
done
for r in $(seq "$quick_rounds"); do
  dir="$work/quick-$r"
  run_quick+=("$(seconds "quick-run-$r" "$lottery" run conf/quick.conf --out "$dir")")
  "$lottery" sql --results "$dir" --format csv "SELECT sum(seconds) AS s FROM runs" > "$work/kernel-$r.csv" 2>/dev/null
  kernel_quick+=("$(tail -1 "$work/kernel-$r.csv" | awk -v c="$cores" '{ printf "%.1f\n", $1 / c }')")
  aggregate_quick+=("$(seconds "quick-aggregate-$r" "$lottery" aggregate --results "$dir")")
  analyze_quick+=("$(seconds "quick-analyze-$r" "$lottery" analyze --results "$dir")")
  echo "round $r: run quick ${run_quick[-1]} s (kernel ${kernel_quick[-1]} s on $cores cores)," \
    "aggregate ${aggregate_quick[-1]} s, analyze ${analyze_quick[-1]} s" >&2
done

# The same smoke commands in one `lottery shell` (one JVM, one SparkSession): the first pair is
# cold, the rest warm; each command's time is the shell's own "exit 0, X s" line.
shell_input=""
for r in $(seq 0 "$rounds"); do
  shell_input+="run conf/smoke.conf --out $work/shell-run-$r"$'\n'
  shell_input+="train --conf conf/smoke.conf --out $work/shell-train-$r"$'\n'
done
printf '%s' "$shell_input" | "$lottery" shell > "$work/shell.log" 2>&1 \
  || { echo "fixed-cost: shell failed:" >&2; tail -20 "$work/shell.log" >&2; exit 1; }
warm_run="$(grep -o 'lottery shell: run: exit 0, [0-9.]* s' "$work/shell.log" | awk 'NR > 1 { print $(NF - 1) }' | tr '\n' ' ')"
warm_train="$(grep -o 'lottery shell: train: exit 0, [0-9.]* s' "$work/shell.log" | awk 'NR > 1 { print $(NF - 1) }' | tr '\n' ' ')"
echo "shell: run smoke warm $warm_run s, train smoke warm $warm_train s" >&2

rq="$(echo "${run_quick[*]}" | median)"
kq="$(echo "${kernel_quick[*]}" | median)"
printf '%-44s %10s  %s\n' "figure (medians, $rounds smoke / $quick_rounds quick rounds)" "seconds" "target"
printf '%-44s %10s  %s\n' "run conf/smoke.conf" "$(echo "${run_smoke[*]}" | median)" "<= 15"
printf '%-44s %10s  %s\n' "train conf/smoke.conf" "$(echo "${train_smoke[*]}" | median)" "<= 6"
printf '%-44s %10s  %s\n' "  the same in a warm 'lottery shell'" "$(echo "$warm_run" | median)" ""
printf '%-44s %10s  %s\n' "  the same in a warm 'lottery shell'" "$(echo "$warm_train" | median)" ""
printf '%-44s %10s  %s\n' "run conf/quick.conf" "$rq" ""
printf '%-44s %10s  %s\n' "  its kernel time on $cores cores" "$kq" ""
printf '%-44s %10s  %s\n' "  run / kernel" "$(awk -v a="$rq" -v b="$kq" 'BEGIN { printf "%.2fx", a / b }')" "<= 1.25x"
printf '%-44s %10s  %s\n' "aggregate of the quick folder" "$(echo "${aggregate_quick[*]}" | median)" "<= 5"
printf '%-44s %10s  %s\n' "analyze of the quick folder" "$(echo "${analyze_quick[*]}" | median)" "<= 5"
echo "($(java -version 2>&1 | head -1), $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'))"
