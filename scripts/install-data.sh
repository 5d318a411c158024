#!/usr/bin/env bash
# Installs Fashion-MNIST (Debian's official IDX files) when missing; needs root or sudo for apt.
set -euo pipefail
dir=/usr/share/datasets/fashion-mnist
if [ -f "$dir/train-images-idx3-ubyte.gz" ]; then
  exit 0
fi
echo "Installing Fashion-MNIST into $dir (apt-get install dataset-fashion-mnist) ..." >&2
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq dataset-fashion-mnist >/dev/null
