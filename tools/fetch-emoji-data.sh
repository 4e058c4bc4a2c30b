#!/usr/bin/env bash
# Fetches the emoji image sets the DCGAN is trained on into build/emoji-data/ (never committed).
# Twemoji graphics: Copyright 2020 Twitter, Inc and other contributors, licensed CC-BY 4.0.
# Noto Emoji graphics: Google, licensed Apache-2.0.
# Idempotent: a package already unpacked is left alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${root}/build/emoji-data"
version="16.0.0"
mkdir -p "${target}"

for set in twitter google; do
  package="emoji-datasource-${set}"
  dir="${target}/${package}"
  if [[ -f "${dir}/.unpacked" ]]; then
    echo "${package}@${version}: already in ${dir}"
    continue
  fi
  rm -rf "${dir}"
  mkdir -p "${dir}"
  tarball="$(cd "${target}" && npm pack --silent "${package}@${version}" | tail -n 1)"
  tar -xzf "${target}/${tarball}" -C "${dir}" --strip-components=1
  rm -f "${target}/${tarball}"
  count="$(find "${dir}/img/${set}/64" -name '*.png' | wc -l)"
  touch "${dir}/.unpacked"
  echo "${package}@${version}: ${count} images in ${dir}/img/${set}/64"
done
