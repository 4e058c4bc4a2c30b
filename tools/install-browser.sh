#!/usr/bin/env bash
# Installs the headless browser the system tests drive: Debian's chromium and its matching chromedriver.
# Idempotent: exits at once when both are already on PATH. Needs root or password-less sudo; the tests
# never let Selenium download a driver, so this is the only way the browser gets onto a machine.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "install-browser: $(chromium --version 2>/dev/null || echo chromium) and chromedriver already installed"
  exit 0
fi

packages=(chromium chromium-driver)
if [[ "$(id -u)" -eq 0 ]]; then
  run_as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run_as_root=(sudo -n)
else
  echo "install-browser: chromium and chromedriver are missing and this user cannot install them." >&2
  echo "install-browser: run as root (or with password-less sudo): apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${run_as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"; then
  echo "install-browser: retrying after refreshing the package lists" >&2
  "${run_as_root[@]}" apt-get update
  "${run_as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
fi
echo "install-browser: installed $(chromium --version) and $(chromedriver --version)"
