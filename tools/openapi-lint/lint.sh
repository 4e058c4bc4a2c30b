#!/usr/bin/env bash
# Lints OpenAPI documents with Stoplight Spectral's "spectral:oas" ruleset and fails on any warning:
#   tools/openapi-lint/lint.sh <document> ...
# The locked spectral-cli is installed once under tools/openapi-lint/target/ (npm ci without install scripts), and
# again only when the lock file changes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
install_dir="${here}/target"

if ! cmp -s "${here}/package-lock.json" "${install_dir}/package-lock.json"; then
  mkdir -p "${install_dir}"
  cp "${here}/package.json" "${here}/package-lock.json" "${install_dir}/"
  (cd "${install_dir}" && npm ci --ignore-scripts --no-audit --no-fund --silent)
fi

SCARF_ANALYTICS=false DO_NOT_TRACK=1 "${install_dir}/node_modules/.bin/spectral" lint \
  --ruleset "${here}/spectral.yaml" --fail-severity=warn "$@"
