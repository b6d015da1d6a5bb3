#!/usr/bin/env bash
# Install the real clients the test suite checks output with: LibreOffice
# (opens the .docx), poppler-utils (pdftotext, pdffonts, pdftoppm) and qpdf.
# Skips anything already present; needs root (or sudo) to install.
set -euo pipefail
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v jq >/dev/null || missing+=(jq)  # the weekly-pack workflow reads pack plan --json
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${missing[*]} (apt)" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
