# Throwaway PostgreSQL clusters for tests and local development.
# Source scripts/lib/common.sh first. Used by scripts/test and scripts/dev/pg.
# shellcheck shell=bash
#
# A cluster lives entirely in its own mktemp folder (data, log, unix socket),
# listens on 127.0.0.1 only, runs with fsync off (its data is disposable), and
# is stopped and deleted by the cleanup stack when the calling script exits.
#
#   hw_pg_start                    # sets HW_PG_DIR, HW_PG_PORT
#   hw_pg_create_db hw hw hw       # role, password, database (role is LOGIN CREATEDB)
#   url=$(hw_pg_url hw hw hw)      # postgres://hw:hw@127.0.0.1:PORT/hw

HW_PG_DIR=
HW_PG_PORT=
HW_PG_BIN=

# Debian's packages put server binaries outside PATH. Prefer 15 (what CI
# installs); fall back to the newest major version present.
hw_pg_find_bin() {
    local d
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        HW_PG_BIN=/usr/lib/postgresql/15/bin
        return 0
    fi
    for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [[ -x $d/initdb ]]; then HW_PG_BIN=$d; return 0; fi
    done
    hw_die "no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql)"
}

# The server refuses to run as root, so as root we run its tools as the
# `postgres` system user that the Debian package creates. A non-root developer
# simply runs them as themselves. `cd` first: postgres cannot enter /root.
hw_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$HW_PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$HW_PG_DIR" && "$@")
    fi
}

# Run SQL as the cluster superuser over the unix socket (trust auth there).
hw_pg_psql() {
    hw_pg_as_owner "$HW_PG_BIN/psql" -h "$HW_PG_DIR" -p "$HW_PG_PORT" -U postgres -d postgres \
        -X -q -v ON_ERROR_STOP=1 "$@"
}

hw_pg_start() {
    [[ -z $HW_PG_DIR ]] || hw_die "hw_pg_start: a cluster is already running in $HW_PG_DIR"
    hw_pg_find_bin
    HW_PG_DIR=$(mktemp -d -t hotlistwatch-pg.XXXXXX)
    # Register the stop first, so even a half-started cluster is cleaned up.
    hw_on_exit hw_pg_stop
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || hw_die "no 'postgres' user (is the postgresql package installed?)"
        chown postgres: "$HW_PG_DIR"
    fi
    chmod 700 "$HW_PG_DIR"

    # Local (socket) connections trust: only the admin uses them. TCP uses real
    # password auth so the app's driver exercises SCRAM as it would in production.
    if ! hw_pg_as_owner "$HW_PG_BIN/initdb" -D "$HW_PG_DIR/data" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$HW_PG_DIR/initdb.log" 2>&1; then
        cat "$HW_PG_DIR/initdb.log" >&2
        hw_die "initdb failed"
    fi
    # Settings go into the config file rather than on the command line, so paths
    # need no shell quoting. Durability is off on purpose: the data is throwaway.
    cat >>"$HW_PG_DIR/data/postgresql.conf" <<CONF

# --- throwaway cluster for Hotlist Watch (scripts/lib/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$HW_PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
# Swift tests run in parallel, each with its own schema and connection pool.
max_connections = 500
CONF

    # The port comes from the kernel, but another process could grab it before
    # the postmaster binds; a few retries make that race harmless.
    local attempt
    for attempt in 1 2 3 4 5; do
        HW_PG_PORT=$(hw_free_port)
        if hw_pg_as_owner "$HW_PG_BIN/pg_ctl" -D "$HW_PG_DIR/data" -l "$HW_PG_DIR/server.log" \
            -o "-p $HW_PG_PORT" -w -t 60 start >/dev/null; then
            hw_log "PostgreSQL $("$HW_PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$HW_PG_PORT (data in $HW_PG_DIR)"
            return 0
        fi
        hw_warn "PostgreSQL did not start on port $HW_PG_PORT (attempt $attempt)"
    done
    tail -n 30 "$HW_PG_DIR/server.log" >&2 || true
    hw_die "could not start PostgreSQL"
}

# hw_pg_create_db ROLE PASSWORD DATABASE: the role is created once (LOGIN
# CREATEDB, so tests may create scratch databases) and owns the database.
hw_pg_create_db() {
    local role=$1 password=$2 db=$3
    hw_pg_psql -v role="$role" -v password="$password" -v db="$db" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

hw_pg_url() { printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$1" "$2" "$HW_PG_PORT" "$3"; }

hw_pg_stop() {
    [[ -n $HW_PG_DIR ]] || return 0
    if [[ -f $HW_PG_DIR/data/postmaster.pid ]]; then
        if ! hw_pg_as_owner "$HW_PG_BIN/pg_ctl" -D "$HW_PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            # Never leave a postmaster behind whose folder we are about to delete.
            hw_warn "pg_ctl fast stop failed; stopping PostgreSQL immediately"
            hw_pg_as_owner "$HW_PG_BIN/pg_ctl" -D "$HW_PG_DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1 ||
                kill -KILL "$(head -n 1 "$HW_PG_DIR/data/postmaster.pid" 2>/dev/null)" 2>/dev/null || true
        fi
    fi
    rm -rf "$HW_PG_DIR"
    HW_PG_DIR=
    HW_PG_PORT=
}
