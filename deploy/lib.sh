# Shared by deploy/backup and deploy/restore (sourced, not run).
# shellcheck shell=bash disable=SC2034  # the globals are read by the scripts that source this file

CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROW_COUNTS_HEADING="Rows in each table (counted just after the dump; a busy site may have moved on a little):"

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# The project's Python: PYTHON, else the checkout's virtual environment, else python3.
python_bin() {
  if [ -n "${PYTHON:-}" ]; then
    echo "$PYTHON"
  elif [ -x "$CHECKOUT/.venv/bin/python" ]; then
    echo "$CHECKOUT/.venv/bin/python"
  else
    echo python3
  fi
}

# Percent-decoding, as URLs spell reserved characters in a user name or password ("%40" for "@").
url_decode() {
  local value="${1//\\/\\\\}"
  printf '%b' "${value//%/\\x}"
}

# Reads DATABASE_URL and sets DB_URL (the same address without its password, for --dbname) and
# DB_LABEL (database and host, for messages); the password goes to the client tools in PGPASSWORD,
# so that it never shows in the process list.
database_from_env() {
  local url="${DATABASE_URL:-}" scheme rest authority path userinfo hostport user password name host
  [ -n "$url" ] || die "DATABASE_URL is not set (postgres://user:password@host:5432/name)."
  scheme="${url%%://*}"
  case "$scheme" in
    postgres | postgresql | pgsql | postgis) ;;
    *) die "DATABASE_URL must name a PostgreSQL database (postgres://…), not ${scheme%%:*}." ;;
  esac
  rest="${url#*://}"
  authority="${rest%%/*}"
  path=""
  [ "$authority" = "$rest" ] || path="${rest#*/}"
  hostport="$authority"
  user=""
  password=""
  if [ "${authority#*@}" != "$authority" ]; then
    userinfo="${authority%@*}"
    hostport="${authority##*@}"
    user="${userinfo%%:*}"
    [ "$user" = "$userinfo" ] || password="${userinfo#*:}"
  fi
  name="$(url_decode "${path%%\?*}")"
  [ -n "$name" ] || die "DATABASE_URL names no database (…/name at its end)."
  DB_URL="postgresql://${user:+$user@}$hostport/$path"
  host="$(url_decode "${hostport:-local socket}")"
  DB_LABEL="$name on $host"
  if [ -n "$password" ]; then
    PGPASSWORD="$(url_decode "$password")"
    export PGPASSWORD
  fi
}

psql_query() {
  psql --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 --dbname="$DB_URL" --command="$1"
}

# "table rows" for every table of the public schema, in one statement.
row_counts() {
  psql_query "
    SELECT format('  %-40s %s', table_name,
                  (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
                                                              table_schema, table_name), false, true, '')))[1])
    FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name"
}
