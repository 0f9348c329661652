#!/usr/bin/env bash
# Back up Newsroom's PostgreSQL database and prove that the backup restores.
#
#   deploy/backup-restore-check.sh [BACKUP_DIR]      (default /var/backups/newsroom)
#
# Connects with BACKUP_DATABASE_URL, or DATABASE_URL when that is unset: point
# it at PostgreSQL itself, not at pgbouncer. The role needs CREATEDB, for the
# scratch copy. Steps:
#   1. pg_dump (custom format) of the database as it was at one instant: an
#      exported snapshot, in which the articles are counted too;
#   2. pg_restore of that file into a scratch database on the same server;
#   3. the restored database must hold exactly that many articles;
#   4. the scratch database is dropped, and dumps older than
#      BACKUP_KEEP_DAYS (default 14) are deleted.
# Exits non-zero, saying why, when any step fails. Uploaded images are not in
# the database: back up MEDIA_ROOT (or version the bucket) as well. See
# docs/deploy.md; tests/test_backup.py runs it.
set -euo pipefail

url="${BACKUP_DATABASE_URL:-${DATABASE_URL:-}}"
if [[ "$url" != postgres://* && "$url" != postgresql://* ]]; then
    echo "Set BACKUP_DATABASE_URL (or DATABASE_URL) to the postgres:// address of the database." >&2
    exit 2
fi
folder="${1:-/var/backups/newsroom}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
mkdir -p "$folder"

# The same server and options, another database: postgres://u@h:5432/name?x=y
address="${url%%\?*}"
options="${url#"$address"}"
database="${address##*/}"
scratch="${database}_restore_check_$$"
scratch_url="${address%/*}/${scratch}${options}"

# Hold a transaction open whose snapshot pg_dump then uses, so that the count
# and the dump see the same rows however busy the site is.
coproc SNAPSHOT { psql "$url" -XAtq -v ON_ERROR_STOP=1; }
snapshot_session="$SNAPSHOT_PID"
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot();
SELECT count(*) FROM articles_article;" >&"${SNAPSHOT[1]}"
read -r snapshot <&"${SNAPSHOT[0]}"
read -r expected <&"${SNAPSHOT[0]}"

dump="$folder/${database}-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --snapshot="$snapshot" --file="$dump.partial" "$url"
echo 'COMMIT;
\q' >&"${SNAPSHOT[1]}"
wait "$snapshot_session"
mv "$dump.partial" "$dump"

trap 'dropdb --if-exists --maintenance-db="$url" "$scratch"' EXIT
createdb --maintenance-db="$url" "$scratch"
pg_restore --no-owner --exit-on-error --dbname="$scratch_url" "$dump"
restored="$(psql "$scratch_url" -XAtq -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM articles_article")"

if [[ "$restored" != "$expected" ]]; then
    echo "Backup check FAILED: $dump restores $restored articles; the database held $expected." >&2
    exit 1
fi
echo "Backup $dump ($(du -h "$dump" | cut -f1)) restores all $expected articles."

find "$folder" -maxdepth 1 -name "${database}-*.dump" -mtime +"$keep_days" -delete
