#!/usr/bin/env bash
# End-to-end throughput and peak memory of `recoupe extract` on generated plain text.
#
#   scripts/throughput.sh [--bin PATH] [--sizes "100 1000"] [--runs R] [--cache DIR]
#                         [--format txt|jsonl] [--seed S]
#
# Builds nothing: it times the binary as it is (default target/release/recoupe).
# Each corpus (scripts/gen_corpus.py, seed S, SIZE megabytes of 10^6 bytes) is generated once
# into the cache dir and reused afterwards. Each size is run R times (default 3 below 1000 MB,
# 1 from 1000 MB up) as `/usr/bin/time -v recoupe extract --format jsonl CORPUS > /dev/null`,
# and the fastest run is reported. MB/s is input MB over wall seconds; CPU is user+sys seconds
# (CPU/wall shows how many cores were busy); RSS is the peak resident set in MB (2^20 bytes).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/target/release/recoupe
sizes="100 1000"
runs=""
cache=/tmp/recoupe-bench
format=txt
seed=1

die() { echo "throughput.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
        --bin) bin=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --cache) cache=$2; shift 2 ;;
        --format) format=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        -h|--help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done

[ -x "$bin" ] || die "no executable recoupe binary at $bin (build it first: cargo build --release, or pass --bin)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (GNU time, package 'time')"
case $format in txt|jsonl) ;; *) die "--format must be txt or jsonl" ;; esac
largest=0
for s in $sizes; do
    [[ $s =~ ^[0-9]+$ ]] || die "sizes must be whole megabytes, got '$s'"
    if [ "$s" -gt "$largest" ]; then largest=$s; fi
done

# Disk: refuse unless 3x the largest corpus is free where the cache lives.
mkdir -p "$cache"
free_mb=$(df -Pk "$cache" | awk 'NR == 2 { printf "%d", $4 * 1024 / 1e6 }')
need_mb=$((3 * largest))
[ "$free_mb" -ge "$need_mb" ] || die "only $free_mb MB free in $cache, need $need_mb MB (3x the largest corpus)"

echo "binary $bin ($(stat -c %y "$bin" | cut -d. -f1)), $(nproc) cores, sizes: $sizes MB, format $format" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

corpus_of() { # size -> path, generated on first use (into a temporary name, so an interrupted run is not reused)
    local size=$1 path
    if [ "$format" = txt ]; then path=$cache/txt-seed$seed-${size}mb; else path=$cache/seed$seed-${size}mb.jsonl; fi
    if [ ! -e "$path" ]; then
        echo "generating $path ..." >&2
        rm -rf "$path.partial"
        python3 "$root/scripts/gen_corpus.py" --mb "$size" --seed "$seed" --format "$format" --out "$path.partial" >&2
        mv "$path.partial" "$path"
    fi
    echo "$path"
}

# /usr/bin/time -v report -> "wall cpu rss_kb"
parse_time() {
    awk -F': ' '
        /User time \(seconds\)/ { cpu += $2 }
        /System time \(seconds\)/ { cpu += $2 }
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + t[i] }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$1"
}

printf '%-8s %9s %9s %8s %8s %9s\n' "input_MB" "articles" "wall_s" "MB/s" "cpu_s" "peak_MB" >"$tmp/table"
for size in $sizes; do
    corpus=$(corpus_of "$size")
    bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
    r=${runs:-$([ "$size" -lt 1000 ] && echo 3 || echo 1)}
    best=""
    for i in $(seq 1 "$r"); do
        status=0
        /usr/bin/time -v -o "$tmp/time" "$bin" extract --format jsonl "$corpus" >/dev/null 2>"$tmp/err" || status=$?
        summary=$(grep -E '^recoupe: [0-9]+ article\(s\) extracted' "$tmp/err" | tail -n 1 || true)
        if [ "$status" -ne 0 ] || [ -z "$summary" ]; then
            tail -n 5 "$tmp/err" >&2
            die "recoupe failed on $corpus (exit $status)"
        fi
        read -r wall cpu rss <<<"$(parse_time "$tmp/time")"
        articles=$(awk '{ print $2 }' <<<"$summary")
        failed=$(awk '{ print $5 }' <<<"$summary")
        [ "$failed" = 0 ] || echo "warning: $summary" >&2
        echo "  $size MB run $i/$r: ${wall}s wall, ${cpu}s cpu, $((rss / 1024)) MB peak ($summary)" >&2
        if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best="$wall $cpu $rss $articles"
        fi
    done
    read -r wall cpu rss articles <<<"$best"
    awk -v b="$bytes" -v a="$articles" -v w="$wall" -v c="$cpu" -v r="$rss" 'BEGIN {
        printf "%-8.1f %9d %9.2f %8.2f %8.2f %9.1f\n", b / 1e6, a, w, (w > 0 ? b / 1e6 / w : 0), c, r / 1024 }' >>"$tmp/table"
done
cat "$tmp/table"
