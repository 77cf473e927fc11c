#!/usr/bin/env bash
# Side by side: `lottery bench` (this project's kernel) against the PyTorch peer (torch_peer.py), same
# settings, at width 50 and width 2, and the ratio. Installs Debian's python3-torch if it is missing.
#
#   bench/compare.sh                      # silu, 1000 points, 2000 steps, 5 repeats, CPU-time clock
#   CLOCK=wall REPEATS=7 bench/compare.sh
#
# CLOCK=cpu (default) times each run by its own thread's CPU time, so that other work on a shared
# machine does not count against either side; CLOCK=wall uses elapsed time. Both sides run one
# thread, float64, one network at a time, and report the median of REPEATS runs after a warm-up.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3   # Debian's python, where python3-torch installs (not a pyenv python3 on PATH)
activation="${ACTIVATION:-silu}"
points="${POINTS:-1000}"
steps="${STEPS:-2000}"
repeats="${REPEATS:-5}"
clock="${CLOCK:-cpu}"

if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "compare: installing python3-torch (apt-get) ..." >&2
  apt-get update -q >&2 && apt-get install -y -q python3-torch >&2
fi

rate() { grep 'neuron-steps/s$' | tail -1 | awk '{print $(NF-1)}'; }

printf '%-7s %-18s %-18s %s\n' width "ours (n-s/s)" "pytorch (n-s/s)" ratio
for width in 50 2; do
  ours=$("$here/submit/lottery" bench --activation "$activation" --width "$width" --points "$points" \
    --steps "$steps" --repeats "$repeats" --clock "$clock" 2>/dev/null | rate)
  torch=$("$python" "$here/bench/torch_peer.py" --activation "$activation" --width "$width" \
    --points "$points" --steps "$steps" --repeats "$repeats" --clock "$clock" | rate)
  ratio=$(awk -v a="$ours" -v b="$torch" 'BEGIN { printf "%.1f", a / b }')
  printf '%-7s %-18s %-18s %sx\n' "$width" "$ours" "$torch" "$ratio"
done
echo "($activation, d=1, M=$points, S=$steps, median of $repeats runs by $clock clock, one thread each, $(date -u +%FT%TZ))"
