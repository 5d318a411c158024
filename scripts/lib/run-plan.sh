# Shared by scripts/reproduce.sh and scripts/section6.sh, which each run a plan of long, resumable
# runs: their common options, the --only filter, the build check and the options every run gets.
# The caller sets `script` (its name in messages), `help_lines` (the sed range of its usage
# comment) and `only_example`, and the defaults of `backend` and `root`, then calls
# parse_run_options "$@".

# install_tcmalloc, for the plans' runs: they take hours, and scoring on glibc's malloc a third of the speed
# shellcheck source=tcmalloc.sh
source "$(dirname "${BASH_SOURCE[0]}")/tcmalloc.sh"

dry_run=false
only=()

parse_run_options() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --backend) backend="${2:?--backend needs a name}"; shift 2 ;;
      --root) root="${2:?--root needs a folder}"; shift 2 ;;
      --only) only+=("${2:?--only needs a run, e.g. $only_example}"); shift 2 ;;
      --dry-run) dry_run=true; shift ;;
      -h|--help) sed -n "$help_lines" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) echo "$script: unknown option '$1'; see --help" >&2; exit 2 ;;
    esac
  done
}

# true when the run named $1 was asked for (every run when --only was not given)
wanted() {
  [[ ${#only[@]} -eq 0 ]] && return 0
  local name
  for name in "${only[@]}"; do [[ "$name" == "$1" ]] && return 0; done
  return 1
}

# exits with one line unless the command line jar of the repository $1 is built
require_build() {
  if [[ ! -f "$1/adapters-cli/target/geotrans-cli.jar" ]]; then
    echo "$script: GeoTrans is not built; run mvn -B -DskipTests package in $1 first" >&2
    exit 1
  fi
}

# appends --backend and the smoke-test options to the array named $1
add_run_options() {
  local -n command_ref="$1"
  if [[ -n "$backend" ]]; then
    command_ref+=(--backend "$backend")
  fi
  # word splitting of the smoke-test options is intended
  # shellcheck disable=SC2206
  command_ref+=(${GEOTRANS_EXTRA_ARGS:-})
}
