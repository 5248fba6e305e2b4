#!/usr/bin/env bash
# Builds the zip-deployable Azure Functions package of the backend: the .NET isolated worker app
# (functions/SakipServerless.Functions) published for the Functions host, with what the host loads at its root:
#   host.json            the host configuration (repository root): route prefix, the Durable task hub
#   functions.metadata   the functions the host indexes (Api, DeadlineSweep, SopRunOrchestrator, WriteRunProjection)
#   worker.config.json   how the host starts the worker (SakipServerless.Functions.dll)
#   extensions.json, .azurefunctions/   the host-side extensions (Durable Task) the worker brings
# and no local.settings.json, no symbols.
#
# Usage: bash scripts/publish.sh [--out DIR] [--zip FILE]
#   --out DIR   the package folder (default: publish/functionapp); emptied first
#   --zip FILE  also pack the folder into FILE, ready for `az functionapp deployment source config-zip`
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/publish/functionapp"
zip_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --zip) zip_file="$2"; shift 2 ;;
    *) echo "publish.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

fail() { echo "publish.sh: $*" >&2; exit 1; }

mkdir -p "$out"
out="$(cd "$out" && pwd)"
find "$out" -mindepth 1 -delete

# Framework-dependent: the host's DOTNET-ISOLATED|10.0 stack brings the runtime. No symbols.
dotnet publish "$root/functions/SakipServerless.Functions/SakipServerless.Functions.csproj" --nologo -c Release \
  -p:DebugType=none -p:DebugSymbols=false -o "$out"

for required in host.json functions.metadata worker.config.json extensions.json SakipServerless.Functions.dll; do
  [ -f "$out/$required" ] || fail "the published app has no $required"
done
[ -d "$out/.azurefunctions" ] || fail "the published app has no .azurefunctions/ (host extensions)"
rm -f "$out/local.settings.json"

if [ -n "$zip_file" ]; then
  mkdir -p "$(dirname "$zip_file")"
  zip_file="$(cd "$(dirname "$zip_file")" && pwd)/$(basename "$zip_file")"
  rm -f "$zip_file"
  if command -v zip > /dev/null; then
    (cd "$out" && zip -q -r -X "$zip_file" .)
  elif command -v python3 > /dev/null; then
    python3 - "$out" "$zip_file" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, root))
PY
  else
    fail "--zip needs zip or python3"
  fi
  echo "zip: $zip_file ($(du -h "$zip_file" | cut -f1))"
fi

echo "package: $out ($(grep -c '"entryPoint"' "$out/functions.metadata") functions)"
