#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if needed, starts its cluster listening on 127.0.0.1 only, sets the
# postgres user's password, creates an empty database `quartermaster`, and prints the URL to reach it. Needs root
# (CI runs as root); the server runs as the postgres user, as Debian sets it up.
#
#   export QM_TEST_POSTGRES_URL=$(scripts/start-postgres.sh)
set -euo pipefail
password=${QM_POSTGRES_PASSWORD:-quartermaster}

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
read -r version cluster port _ < <(pg_lsclusters --no-header | head -n 1)
# Loopback only, and room for the test suite's many small connection pools.
printf "listen_addresses = '127.0.0.1'\nmax_connections = 300\n" >"/etc/postgresql/$version/$cluster/conf.d/quartermaster.conf"
pg_ctlcluster "$version" "$cluster" restart >&2
for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "start-postgres: the server did not come up" >&2; exit 1; }
su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD '$password'\"" >&2
su postgres -c "psql -q -p $port -tc \"SELECT 1 FROM pg_database WHERE datname = 'quartermaster'\" | grep -q 1 || createdb -p $port quartermaster" >&2
echo "postgres://postgres:$password@127.0.0.1:$port/quartermaster"
