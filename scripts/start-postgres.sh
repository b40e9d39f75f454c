#!/bin/sh
# Start Debian's PostgreSQL cluster and create the role and database the tests use.
set -eu
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if [ "$(id -u)" -eq 0 ]; then AS_POSTGRES="su postgres -c"; else AS_POSTGRES="sudo -u postgres sh -c"; fi
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start
fi
$AS_POSTGRES "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='infointerview'\"" | grep -q 1 ||
  $AS_POSTGRES "psql -qc \"CREATE ROLE infointerview LOGIN CREATEDB PASSWORD 'infointerview'\""
$AS_POSTGRES "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='infointerview'\"" | grep -q 1 ||
  $AS_POSTGRES "createdb -O infointerview infointerview"
echo "PostgreSQL $version is running on 127.0.0.1:5432"
