#!/usr/bin/env bash
# The whole system in local durable mode: every SOP run an orchestration on the API's own Durable Task sidecar, with
# the task hub in Azurite (Blob, Queue, Table) and the projection in SQLite; then the dashboard, as in the Quick start.
# Its data lives apart from the embedded mode's (functions/SakipServerless.Api/data/durable/): a database whose runs
# orchestrations own must not be driven by the embedded sweep meanwhile. Delete that folder to start again.
# Azurite comes from the npm package the tests use (tests/emulators), installed on first use. Ctrl+C stops everything.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/functions/SakipServerless.Api/data/durable"
mkdir -p "$data/azurite"

azurite="$root/tests/emulators/node_modules/.bin/azurite"
if [ ! -x "$azurite" ]; then
  npm ci --prefix "$root/tests/emulators" --no-audit --no-fund
fi

# Azurite's development account on its usual ports, loopback only; in a session of its own, so Ctrl+C reaches the
# dashboard and the API first and Azurite is stopped after them (the API releases its task hub leases on the way out).
setsid "$azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --location "$data/azurite" \
  --skipApiVersionCheck --disableTelemetry --silent &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then break; fi
  if ! kill -0 "$azurite_pid" 2>/dev/null; then echo "Azurite tidak dapat dimulai (port 10000-10002 terpakai?)" >&2; exit 1; fi
  sleep 0.2
done

account=devstoreaccount1
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export Sakip__Engine__Mode=durable
export Sakip__Engine__Sidecar__StorageConnectionString="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:10000/$account;QueueEndpoint=http://127.0.0.1:10001/$account;TableEndpoint=http://127.0.0.1:10002/$account"
export Sakip__Storage__SqlitePath="$data/sakip.db"

dotnet run --project "$root/dashboard/SakipServerless.Dashboard" "$@"
