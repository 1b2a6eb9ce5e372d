#!/usr/bin/env bash
# Publishes the native AOT `kubeadm` binary to artifacts/publish/kubeadm. Trim/AOT warnings fail the build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/Kubeadm.Cli/Kubeadm.Cli.csproj -c Release -r linux-x64 -o artifacts/publish \
  -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true
ls -l artifacts/publish/kubeadm
