#!/usr/bin/env bash
# Installs, from Debian's archive, the programs the build needs beyond a JDK, but only those that are missing:
#   tools/install-debian-packages.sh <command>=<package> ...
# e.g. node=nodejs npm=npm (the models' data step and the reference readers) or chromium=chromium
# chromedriver=chromium-driver (the browser tests). The Maven build runs it; it does nothing when every command
# is on PATH already. Needs root or password-less sudo to install.
set -euo pipefail

missing=()
for pair in "$@"; do
  command_name="${pair%%=*}"
  package="${pair#*=}"
  if ! command -v "${command_name}" >/dev/null 2>&1; then
    missing+=("${package}")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  run_as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run_as_root=(sudo -n)
else
  echo "install-debian-packages: ${missing[*]} missing and this user cannot install them." >&2
  echo "install-debian-packages: run as root (or with password-less sudo): apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${run_as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
  echo "install-debian-packages: retrying after refreshing the package lists" >&2
  "${run_as_root[@]}" apt-get update
  "${run_as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
echo "install-debian-packages: installed ${missing[*]}"
