# Sourced before the README's shell examples by readme-examples.db.test.ts. `curl` becomes a
# function that runs the real curl with the HTTP status appended, and records each call as
# "arguments US response RS" for the test to check. The README's outcome example names the
# attemptId "the reservation returned"; the function puts the one it last saw in that path.
attempt=''
curl() {
  local args=() arg out
  for arg in "$@"; do
    if [[ -n $attempt && $arg =~ ^(.*/contact-attempts/)[0-9]+(/.*)$ ]]; then
      arg="${BASH_REMATCH[1]}${attempt}${BASH_REMATCH[2]}"
    fi
    args+=("$arg")
  done
  out=$(command curl -sS --max-time 60 -w '\n%{http_code}' "${args[@]}")
  if [[ $out =~ \"attemptId\":\"([0-9]+)\" ]]; then attempt=${BASH_REMATCH[1]}; fi
  printf '%s\x1f%s\x1e' "${args[*]}" "$out"
}
