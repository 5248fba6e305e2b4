#!/usr/bin/env bash
# Runs every test project of the solution and ends with one aggregated line: "N passed, N failed, N skipped".
# dotnet test prints one summary per project; the TRX files it writes are summed here instead.
# Extra arguments go to dotnet test (e.g. --filter "FullyQualifiedName~Scenario").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/TestResults"
rm -rf "$results"

status=0
dotnet build "$root/SakipServerless.sln" --nologo -clp:ErrorsOnly || status=$?

# The Functions app as the host would load it (functions.metadata, extensions.json, worker.config.json,
# .azurefunctions/), published from the build above in a few seconds; the Functions tests check it.
if [ "$status" -eq 0 ]; then
  published="$root/publish/functions-ci"
  rm -rf "$published"
  # -c Debug: the build above is Debug, and publish alone would default to Release (nothing built to publish).
  dotnet publish "$root/functions/SakipServerless.Functions/SakipServerless.Functions.csproj" --no-build -c Debug --nologo -clp:ErrorsOnly -o "$published" || status=$?
  export SAKIP_FUNCTIONS_PUBLISH_DIR="$published"
fi

# One results folder per test project: TRX file names carry only a timestamp and would collide between projects.
if [ "$status" -eq 0 ]; then
  for project in "$root"/tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --nologo --logger "trx" --results-directory "$results/$name" "$@" || status=$?
  done
fi

passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$results"/*/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))
done

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
