#!/usr/bin/env bash
# The project's test command (README.md): build with warnings as errors, publish the native AOT binary (which
# must produce zero trim/AOT warnings; the real-node test runs it), build the packages from it (.deb, .NET tool,
# libraries; the package tests install them), run every test project, then smoke-test the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build Kubeadm.slnx -c Release
# Published before the tests: the real-node test (docs/testing-real-node.md) runs this native AOT binary.
bash scripts/publish.sh
# Packaged before the tests: the Category=Packaging tests install these, and the real-node test runs the kubelet
# through the .deb's drop-in.
bash scripts/build-packages.sh
dotnet test Kubeadm.slnx -c Release --no-build

bash scripts/smoke.sh artifacts/publish/kubeadm
