#!/usr/bin/env bash
# Layout benchmark against Graphviz dot, in one run: median of 5 whole-process times
# for each tool, and our crossing count (dot's counts are in benches/graphs/README.md,
# measured with the same rule). Needs `dot` (Debian package graphviz) and node.
# Usage: bash benches/layout.sh [GRAPH_DIR]   (default benches/graphs)
set -euo pipefail
cd "$(dirname "$0")/.."
graphs=${1:-benches/graphs}
cargo build --quiet --profile native --bin roadmap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
echo "| N | edges | roadmap layout: ms (whole process) | layout ms (in process) | crossings | dot: ms (whole process) | time ratio |"
echo "|---|---|---|---|---|---|---|"
for f in "$graphs"/N*.json; do
  node -e 'const g=require(process.argv[1]);console.log("digraph G {");for(let i=0;i<g.n;i++)console.log(i+";");for(const [a,b] of g.edges)console.log(a+" -> "+b+";");console.log("}")' "$(realpath "$f")" > "$tmp/g.dot"
  ours=(); inner=(); theirs=()
  for _ in 1 2 3 4 5; do
    t0=$(now_ms); out=$(./target/native/roadmap layout "$f"); t1=$(now_ms)
    ours+=("$(echo "$t1 - $t0" | bc)"); inner+=("$(echo "$out" | sed -E 's/.*"ms":([0-9.]+).*/\1/')")
    t0=$(now_ms); dot -Tjson0 "$tmp/g.dot" > /dev/null; t1=$(now_ms)
    theirs+=("$(echo "$t1 - $t0" | bc)")
  done
  n=$(echo "$out" | sed -E 's/.*"nodes":([0-9]+).*/\1/'); e=$(echo "$out" | sed -E 's/.*"edges":([0-9]+).*/\1/')
  c=$(echo "$out" | sed -E 's/.*"crossings":([0-9]+).*/\1/')
  o=$(printf '%s\n' "${ours[@]}" | median); i=$(printf '%s\n' "${inner[@]}" | median); d=$(printf '%s\n' "${theirs[@]}" | median)
  echo "| $n | $e | $o | $i | $c | $d | $(echo "scale=3; $o / $d" | bc) |"
done
