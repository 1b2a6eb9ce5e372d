#!/usr/bin/env bash
# The project's test command (README.md): build with warnings as errors, run every test project, publish the native
# AOT binary (which must produce zero trim/AOT warnings) and smoke-test it, then build the packages from it (.deb,
# .NET tool, libraries) and run the package tests (Category=Packaging) against them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build Kubeadm.slnx -c Release
dotnet test Kubeadm.slnx -c Release --no-build --filter "Category!=Packaging"

bash scripts/publish.sh
bash scripts/smoke.sh artifacts/publish/kubeadm

bash scripts/build-packages.sh
dotnet test tests/Kubeadm.Cli.Tests/Kubeadm.Cli.Tests.csproj -c Release --no-build --filter "Category=Packaging"
