# Sourced by ./preview and ./inkwell: when to run Maven before starting.
#
# needs_build STAMP CLASSPATH_FILE [OUTPUT...]
# True when the last build is missing (no stamp, no class path file, an output gone) or older than
# anything it was built from: the pom, a source, template or resource under src/main (folders too,
# so that a deleted file counts), or a jar on the class path it no longer finds. Expects $here, the
# project folder. Take the stamp before the build starts: a file saved while it runs is then newer,
# and the next start builds again.
needs_build() {
  local stamp="$1" classpath_file="$2" output jar jars
  shift 2
  [ -f "$stamp" ] && [ -f "$classpath_file" ] || return 0
  for output in "$@"; do
    [ -e "$output" ] || return 0
  done
  [ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$stamp" -print -quit)" ] && return 0
  IFS=: read -r -a jars <"$classpath_file"
  for jar in "${jars[@]}"; do
    [ -e "$jar" ] || return 0
  done
  return 1
}
