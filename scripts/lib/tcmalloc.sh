# Installs tcmalloc where it is missing, for the scripts that run GeoTrans for long (quickstart,
# reproduce, section6). bin/geotrans starts the JVM with it when it is installed: 1.4-1.9x the
# training speed and about 3x the inference speed of glibc's malloc in bf16 on a 2-core Zen 5
# (README, "The memory allocator"), because glibc maps every block over 32 MB afresh and faults it
# in again. Best effort: without apt, or where the install fails, GeoTrans runs on glibc's malloc.
# The caller sets `script` (its name in messages).

install_tcmalloc() {
  command -v dpkg >/dev/null 2>&1 || return 0
  dpkg -s libtcmalloc-minimal4 >/dev/null 2>&1 && return 0
  echo "$script: installing tcmalloc (apt-get install libtcmalloc-minimal4) for faster training and scoring"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  { $sudo apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1 \
      || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1; }; } \
    || echo "$script: could not install tcmalloc; going on with glibc's malloc (slower)"
}
