#!/usr/bin/env bash
# Rewrites deploy/functions (one folder per Azure Functions function) from the app's endpoints. Run it after adding,
# removing or changing a route; the test that checks the folders then passes, and the diff shows what changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAKIP_WRITE_FUNCTIONS=1 dotnet test "$root/tests/SakipServerless.Api.Tests/SakipServerless.Api.Tests.csproj" --nologo \
  --filter "FullyQualifiedName~FunctionFoldersTests.CommittedFunctionFolders_AreExactlyTheOnesTheAppsEndpointsDefine"
git -C "$root" status --short -- deploy/functions
