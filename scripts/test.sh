#!/usr/bin/env bash
# The project's test command (README.md): build with warnings as errors, run every test project, then publish the
# native AOT binary (which must produce zero trim/AOT warnings) and smoke-test it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build Kubeadm.slnx -c Release
dotnet test Kubeadm.slnx -c Release --no-build

bash scripts/publish.sh
bash scripts/smoke.sh artifacts/publish/kubeadm
