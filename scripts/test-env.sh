# Sourced by scripts/test-all.sh and .ci/run: makes a fresh Debian machine ready for the whole
# test suite. Installs what is missing (Chromium and Firefox ESR for the extension's end-to-end
# tests, PostgreSQL for the feed server's), starts PostgreSQL on 127.0.0.1 and exports DATABASE_URL.
# Returns non-zero (without exiting the caller) when something could not be set up.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

ironstride_apt_install() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core fonts-liberation)
  # Debian's ESR (no geckodriver needed: the tests speak WebDriver BiDi to it).
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr fonts-dejavu-core)
  if [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ] || ! command -v pg_ctlcluster >/dev/null; then missing+=(postgresql); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ironstride_start_postgres() {
  local version port
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main" || as_root pg_createcluster "$version" main >/dev/null || return 1
  pg_ctlcluster "$version" main status >/dev/null 2>&1 || as_root pg_ctlcluster "$version" main start || return 1
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ironstride') THEN
        CREATE ROLE ironstride LOGIN PASSWORD 'ironstride';
      END IF; END \$\$;" || return 1
  as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'ironstride_test'" | grep -q 1 ||
    as_postgres createdb -p "$port" -O ironstride ironstride_test || return 1
  export DATABASE_URL="postgres://ironstride:ironstride@127.0.0.1:$port/ironstride_test"
  psql "$DATABASE_URL" -qtAc 'SELECT 1' >/dev/null
}

ironstride_test_env() {
  ironstride_apt_install || { echo "could not install Chromium/Firefox/PostgreSQL with apt-get (run as root or with sudo)"; return 1; }
  if [ -n "${DATABASE_URL:-}" ]; then
    echo "using the DATABASE_URL already set"
  elif ironstride_start_postgres; then
    echo "DATABASE_URL points at PostgreSQL $(psql "$DATABASE_URL" -tAc 'SHOW server_version') on 127.0.0.1"
  else
    echo "could not start PostgreSQL; the feed server's PostgreSQL tests will fail"
    return 1
  fi
}
