#!/usr/bin/env bash
# `roadmap history` on a generated history: `roadmap generate` writes N initiatives
# (default 1,000), committed, then C more commits (default 200), each moving the end
# of a few initiatives (+1 to 4 weeks, seeded) in one stage file; then `roadmap
# history --format json` of that repository, whole processes, median of 5. Also the
# bundled data (85 initiatives) with 100 commits of the same kind. Prints a Markdown
# table.
# Usage: bash benches/history.sh [N] [C]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
c=${2:-200}
cargo build --quiet --profile native --bin roadmap
bin=$PWD/target/native/roadmap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# make_history REPO COMMITS: REPO/data committed, then COMMITS commits moving ends.
make_history() {
  python3 - "$1" "$2" <<'PY'
import glob, os, random, re, subprocess, sys
repo, commits = sys.argv[1], int(sys.argv[2])
env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.com",
           GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.com")
def git(*args, day=0):
    d = f"@{1767225600 + day * 86400} +0000"
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, check=True,
                   env=dict(env, GIT_AUTHOR_DATE=d, GIT_COMMITTER_DATE=d), stdout=subprocess.DEVNULL)
git("init", "-q")
git("add", "-A")
git("commit", "-q", "-m", "plan")
files = sorted(glob.glob(repo + "/data/**/*.yaml", recursive=True))
rng = random.Random(1)
end = re.compile(r"^(\s*end: )(\d{4})-(\d{2})-(\d{2})(.*)$", re.M)
import datetime
for k in range(1, commits + 1):
    f = rng.choice(files)
    text = open(f).read()
    ends = list(end.finditer(text))
    if not ends:
        continue
    for m in sorted(rng.sample(ends, min(3, len(ends))), key=lambda m: -m.start()):
        d = datetime.date(int(m[2]), int(m[3]), int(m[4])) + datetime.timedelta(weeks=rng.randint(1, 4))
        text = text[:m.start()] + f"{m[1]}{d.isoformat()}{m[5]}" + text[m.end():]
    open(f, "w").write(text)
    git("commit", "-q", "-am", f"move {k}", day=k)
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }
time_history() {
  local runs=()
  for _ in 1 2 3 4 5; do
    t0=$(now_ms); (cd "$1" && "$bin" history data --format json > /dev/null); t1=$(now_ms)
    runs+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${runs[@]}" | median
}

mkdir -p "$tmp/gen"
"$bin" generate --initiatives "$n" --seed 1 "$tmp/gen/data" > /dev/null
make_history "$tmp/gen" "$c"
mkdir -p "$tmp/bundled"
cp -r data "$tmp/bundled/data"
make_history "$tmp/bundled" 100

g=$(time_history "$tmp/gen"); b=$(time_history "$tmp/bundled")
events=$(cd "$tmp/gen" && "$bin" history data --format json | grep -c '"field"')
echo "| history | commits | roadmap history, ms (median of 5) | per 100 commits, ms |"
echo "|---|---|---|---|"
echo "| generated, $n initiatives ($events events) | $((c + 1)) | $g | $(echo "scale=1; $g * 100 / ($c + 1)" | bc) |"
echo "| bundled data, 85 initiatives | 101 | $b | $(echo "scale=1; $b * 100 / 101" | bc) |"
