#!/usr/bin/env bash
# Adds a migration NAME for every provider (each provider has its own context type and folder).
# Usage: Runtime/RulesEngine.Persistence/Infrastructure/Migrations/add-migration.sh NAME
set -euo pipefail
name="${1:?migration name}"
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
project=Runtime/RulesEngine.Persistence
dotnet build "$project" >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$project" \
    --context "${provider}RulesEngineDbContext" \
    --output-dir "Infrastructure/Migrations/$provider" \
    --namespace "RulesEngine.Persistence.Infrastructure.Migrations.$provider"
done
