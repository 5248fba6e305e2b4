#!/usr/bin/env bash
# Issue 14's measurement: evidence upload and download through the API on Azurite, an earlier build ("before", default
# 2079b96: the hand-written Blob REST client) beside this checkout ("after"), alternating in one run (bench item 6).
# The earlier build is exported with git archive into a temporary folder (no worktree), built in Release there, and
# deleted afterwards. Usage: scripts/bench-blob.sh [commit]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="${1:-2079b96}"
baseline="$(mktemp -d)"
trap 'rm -rf "$baseline"' EXIT
[ -x "$root/tests/emulators/node_modules/.bin/azurite-blob" ] || npm ci --prefix "$root/tests/emulators" --no-audit --no-fund
git -C "$root" archive "$commit" | tar -x -C "$baseline"
dotnet build -c Release "$baseline/functions/SakipServerless.Api" -nologo -v q
dotnet build -c Release "$root/bench/SakipServerless.Bench" -nologo -v q
dotnet run -c Release --no-build --project "$root/bench/SakipServerless.Bench" -- --only 6 --no-write \
  --baseline-api "$baseline/functions/SakipServerless.Api/bin/Release/net10.0"
