#!/usr/bin/env bash
# `roadmap check` of a generated 10,000-initiative roadmap against PyYAML's C loader
# parsing the same files (whole processes, median of 5 each, in one run).
# Needs python3 with PyYAML built on libyaml (Debian: apt-get install python3-yaml).
# Usage: bash benches/check.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
if ! python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
  echo "PyYAML with the C loader is missing: apt-get install python3-yaml" >&2
  exit 2
fi
cargo build --quiet --profile native --bin roadmap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./target/native/roadmap generate --initiatives "$n" --seed 1 "$tmp/data" > /dev/null
cat > "$tmp/parse.py" <<'PY'
import glob, sys, yaml
for f in sorted(glob.glob(sys.argv[1] + "/**/*.yaml", recursive=True)):
    with open(f) as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
PY
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
ours=(); theirs=()
for _ in 1 2 3 4 5; do
  t0=$(now_ms); ./target/native/roadmap check "$tmp/data" --deny-warnings > /dev/null; t1=$(now_ms)
  ours+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now_ms); python3 "$tmp/parse.py" "$tmp/data"; t1=$(now_ms)
  theirs+=("$(echo "$t1 - $t0" | bc)")
done
o=$(printf '%s\n' "${ours[@]}" | median); p=$(printf '%s\n' "${theirs[@]}" | median)
echo "| initiatives | roadmap check, ms | PyYAML CSafeLoader parse, ms | ratio (target ≤ 0.5) |"
echo "|---|---|---|---|"
echo "| $n | $o | $p | $(echo "scale=2; $o / $p" | bc) |"
