#!/usr/bin/env bash
# Creates a scratch org with the zuora-salesforce-sync package: compiles the TypeScript LWCs, deploys force-app,
# assigns the permission sets to you, loads sample data, and optionally runs the Apex tests.
#
# Needs: Node 20 and `npm ci` done in this repository (the sf CLI is a devDependency), and a Dev Hub you are
# logged in to:   npx sf org login web --set-default-dev-hub --alias devhub
#
# Usage:   scripts/scratch-org-setup.sh [--alias NAME] [--days N] [--dev-hub ALIAS] [--run-tests] [--no-sample-data]
# Example: scripts/scratch-org-setup.sh --alias zsync --days 7 --run-tests
#
# Afterwards, point the package at your sync service (nothing secret is deployed):
#   Setup > Named Credentials > ZuoraSyncService: set the URL of your service
#   Setup > Named Credentials > External Credentials > ZuoraSyncService > Principals: set the ApiToken parameter
set -euo pipefail
cd "$(dirname "$0")/.."

export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true
SF="node_modules/.bin/sf"

alias_name="zuora-sync"
days=7
dev_hub=""
run_tests=false
sample_data=true
while [ $# -gt 0 ]; do
  case "$1" in
    --alias) alias_name="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --dev-hub) dev_hub="$2"; shift 2 ;;
    --run-tests) run_tests=true; shift ;;
    --no-sample-data) sample_data=false; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "scratch-org-setup: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -x "$SF" ]; then
  echo "scratch-org-setup: $SF not found: run 'npm ci' in $(pwd) first." >&2
  exit 1
fi
hub_args=()
if [ -n "$dev_hub" ]; then
  hub_args=(--target-dev-hub "$dev_hub")
elif ! "$SF" config get target-dev-hub --json | grep -q '"value": *"[^"]'; then
  echo "scratch-org-setup: no default Dev Hub. Log in with: npx sf org login web --set-default-dev-hub --alias devhub" >&2
  echo "                   or pass --dev-hub <alias>." >&2
  exit 1
fi

echo "1/5 Compiling the TypeScript LWCs (the org deploys the emitted .js)"
npm run --silent build:lwc

echo "2/5 Creating scratch org '$alias_name' for $days day(s)"
"$SF" org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name" \
  --duration-days "$days" --set-default --wait 20 "${hub_args[@]}"

echo "3/5 Deploying force-app"
"$SF" project deploy start --source-dir force-app --target-org "$alias_name" --wait 30

echo "4/5 Assigning Zuora_Sync_Admin and Zuora_Sync_User to you"
"$SF" org assign permset --name Zuora_Sync_Admin --name Zuora_Sync_User --target-org "$alias_name"

if [ "$sample_data" = true ]; then
  echo "5/5 Loading sample data (scripts/apex/sample-data.apex)"
  "$SF" apex run --file scripts/apex/sample-data.apex --target-org "$alias_name"
else
  echo "5/5 Sample data skipped"
fi

if [ "$run_tests" = true ]; then
  echo "Running the Apex tests"
  "$SF" apex run test --test-level RunLocalTests --code-coverage --result-format human --wait 30 \
    --target-org "$alias_name"
fi

echo
echo "Done. Open the org with: npx sf org open --target-org $alias_name"
echo "Then set the ZuoraSyncService named credential URL and the ApiToken of its external credential principal."
