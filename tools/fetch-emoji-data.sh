#!/usr/bin/env bash
# Fetches the emoji image sets the generators are trained on, and the emoji keywords prompt models learn,
# into build/emoji-data/ (never committed).
# Twemoji graphics: Copyright 2020 Twitter, Inc and other contributors, licensed CC-BY 4.0.
# Noto Emoji graphics: Google, licensed Apache-2.0.
# emojilib keywords: Copyright (c) 2014 Mu-An Chiou, licensed MIT.
# Idempotent: a package already unpacked is left alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${root}/build/emoji-data"
mkdir -p "${target}"

# unpack PACKAGE VERSION: the npm package's contents into build/emoji-data/PACKAGE, once.
unpack() {
  local package="$1" version="$2" dir="${target}/$1" tarball
  if [[ -f "${dir}/.unpacked" ]]; then
    echo "${package}@${version}: already in ${dir}"
    return
  fi
  rm -rf "${dir}"
  mkdir -p "${dir}"
  tarball="$(cd "${target}" && npm pack --silent "${package}@${version}" | tail -n 1)"
  tar -xzf "${target}/${tarball}" -C "${dir}" --strip-components=1
  rm -f "${target}/${tarball}"
  touch "${dir}/.unpacked"
  echo "${package}@${version}: unpacked into ${dir}"
}

for set in twitter google; do
  unpack "emoji-datasource-${set}" 16.0.0
  echo "  $(find "${target}/emoji-datasource-${set}/img/${set}/64" -name '*.png' | wc -l) images in img/${set}/64"
done
# Keywords for every emoji, the words prompt models learn beside each emoji's name.
unpack emojilib 4.0.3
