#!/usr/bin/env bash
# Builds the zip-deployable Azure Functions package of the backend (custom handler):
#   host.json                  the host configuration (repository root)
#   <Function>/function.json   one folder per function, copied from deploy/functions (generated from the app's routes)
#   handler/                   the backend, published self-contained for linux-x64 (no .NET needed on the host image)
# and nothing else: no local.settings.json, no symbols, no sources.
#
# Usage: bash scripts/publish.sh [--out DIR] [--zip FILE] [--handler-from DIR]
#   --out DIR           the package folder (default: publish/functionapp); emptied first
#   --zip FILE          also pack the folder into FILE, ready for `az functionapp deployment source config-zip`
#   --handler-from DIR  use an already built handler instead of publishing one (the layout tests use the build output)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/publish/functionapp"
zip_file=""
handler_from=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --zip) zip_file="$2"; shift 2 ;;
    --handler-from) handler_from="$2"; shift 2 ;;
    *) echo "publish.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

fail() { echo "publish.sh: $*" >&2; exit 1; }

# The executable the host starts, as host.json names it (relative to the package root).
executable=$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$root/host.json")
[ -n "$executable" ] || fail "host.json names no customHandler.description.defaultExecutablePath"
handler_dir="${executable%/*}"
[ "$handler_dir" != "$executable" ] || fail "host.json's executable must sit in a folder of its own, not at the package root"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
find "$out" -mindepth 1 -delete

if [ -z "$handler_from" ]; then
  # Self-contained: the Functions host image has no .NET 10 runtime of its own. One RID, no symbols.
  dotnet publish "$root/functions/SakipServerless.Api/SakipServerless.Api.csproj" --nologo -c Release -r linux-x64 \
    --self-contained true -p:DebugType=none -p:DebugSymbols=false -o "$out/$handler_dir"
  grep -q '"includedFrameworks"' "$out/$handler_dir/SakipServerless.Api.runtimeconfig.json" \
    || fail "the published handler is not self-contained"
else
  [ -d "$handler_from" ] || fail "--handler-from: no folder '$handler_from'"
  mkdir -p "$out/$handler_dir"
  cp -R "$handler_from/." "$out/$handler_dir/"
fi

[ -f "$out/$executable" ] || fail "the handler has no executable at $executable"
chmod +x "$out/$executable"

cp "$root/host.json" "$out/host.json"
count=0
for folder in "$root"/deploy/functions/*/; do
  name="$(basename "$folder")"
  [ -f "$folder/function.json" ] || fail "deploy/functions/$name has no function.json"
  [ ! -e "$out/$name" ] || fail "function '$name' collides with another entry of the package"
  mkdir "$out/$name"
  cp "$folder/function.json" "$out/$name/function.json"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || fail "deploy/functions holds no function"

if [ -n "$zip_file" ]; then
  mkdir -p "$(dirname "$zip_file")"
  zip_file="$(cd "$(dirname "$zip_file")" && pwd)/$(basename "$zip_file")"
  rm -f "$zip_file"
  # Both record the Unix mode bits, so the handler stays executable once the host mounts the package.
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
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, root))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                z.writestr(info, f.read())
PY
  else
    fail "--zip needs zip or python3"
  fi
  echo "zip: $zip_file ($(du -h "$zip_file" | cut -f1))"
fi

echo "package: $out ($count functions, handler $executable)"
