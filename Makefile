# Renewa backend — developer entry points. `make` (or `make help`) lists the targets.
#
# .env: loaded when present and exported to every command, so `node dist/src/cli.js …` sees
# DATABASE_URL, DATABASE_URL_MIGRATION, DATABASE_URL_ADMIN, …  Variables already set in the
# shell environment win over .env, and `make VAR=value` wins over both. .env is read as make
# syntax: write values unquoted (quotes are kept literally) and a literal `$` as `$$`.
#
# Extra arguments for a CLI command: ARGS, e.g. make db-seed ARGS=--demo
# Extra arguments for the benches:    BENCH_ARGS, e.g. make bench-boot BENCH_ARGS="--runs 10"

SELF := $(lastword $(MAKEFILE_LIST))
SHELL := /bin/sh
.DEFAULT_GOAL := help

ENV_FILE ?= .env
ENV_VARS := $(shell [ -f '$(ENV_FILE)' ] && sed -n -E 's/^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=.*/\2/p' '$(ENV_FILE)')
# Remember what the shell environment already sets, load .env, then put the shell's values back.
$(foreach v,$(ENV_VARS),$(if $(filter environment,$(origin $(v))),$(eval _shell_env_$(v) := $$(value $(v)))))
-include $(ENV_FILE)
$(foreach v,$(ENV_VARS),$(if $(filter simple,$(flavor _shell_env_$(v))),$(eval $(v) := $$(_shell_env_$(v)))))
export $(ENV_VARS)

NODE ?= node
NPM ?= npm
# `docker compose` (v2 plugin) when available, else the standalone docker-compose.
COMPOSE ?= $(shell docker compose version >/dev/null 2>&1 && echo 'docker compose' || echo docker-compose)
# compose-up starts the databases by default; SERVICES=app adds the app container (built from
# the Dockerfile; it migrates, then serves on :3000).
SERVICES ?= postgres pgbouncer
ARGS ?=
BENCH_ARGS ?=

# The build output the CLI targets need; rebuilt only when a source or build setting is newer.
CLI := dist/src/cli.js
BUILD_INPUTS := $(shell find src libs -type f -name '*.ts' ! -name '*.spec.ts' ! -name '*-spec.ts' 2>/dev/null) \
	package.json package-lock.json tsconfig.json tsconfig.build.json nest-cli.json esbuild.config.js

ifneq ($(filter db-generate,$(MAKECMDGOALS)),)
ifeq ($(strip $(NAME)),)
$(error NAME is missing: make db-generate NAME=<description>, e.g. make db-generate NAME=add_leads)
endif
endif

.PHONY: help install build start dev test test-unit typecheck compose-up compose-down \
	db-bootstrap db-migrate db-status db-generate db-hash db-seed openapi bench-boot bench

help: ## List the targets (default)
	@echo 'Usage: make <target> [NAME=…] [ARGS=…] [BENCH_ARGS=…]'
	@echo
	@awk 'BEGIN { FS = ":[^#]*## " } /^[a-zA-Z0-9_-]+:[^#]*## / { printf "  %-14s %s\n", $$1, $$2 }' $(SELF)

install: ## Install dependencies exactly as locked (npm ci)
	$(NPM) ci

build: ## Compile to dist/ (nest build, then esbuild: dist/server.js server, dist/src/cli.js CLI)
	$(NPM) run build

$(CLI): $(BUILD_INPUTS)
	$(NPM) run build
	@touch $@

start: ## Build and start the server (embedded PostgreSQL in .data/ when DATABASE_URL is unset)
	$(NPM) start

dev: ## Start in watch mode (nest start --watch)
	$(NPM) run start:dev

test: ## Build, then run the whole test suite (npm test)
	$(NPM) test

test-unit: ## Run only the unit tests
	$(NPM) run test:unit

typecheck: ## Type-check everything, tests and benches included (tsc --noEmit)
	$(NPM) run typecheck

compose-up: ## Start PostgreSQL 15 + PgBouncer from docker-compose.yml; SERVICES=app for the whole stack
	$(COMPOSE) up -d --build $(SERVICES)

compose-down: ## Stop every compose service (keeps the database volume)
	$(COMPOSE) down

db-bootstrap: $(CLI) ## Run atlas/roles.sql as DATABASE_URL_ADMIN (+ APP_USER_PASSWORD, MIGRATION_USER_PASSWORD if set)
	$(NODE) $(CLI) bootstrap-roles $(ARGS)

db-migrate: $(CLI) ## Apply pending migrations as DATABASE_URL_MIGRATION (embedded database without it)
	$(NODE) $(CLI) migrate $(ARGS)

db-status: $(CLI) ## Show the current version and pending migrations (DATABASE_URL_MIGRATION)
	$(NODE) $(CLI) migrate-status $(ARGS)

db-generate: $(CLI) ## New migration from the Drizzle schema: NAME=<description> (needs the compose PostgreSQL)
	$(NODE) $(CLI) generate '$(NAME)' $(ARGS)

db-hash: $(CLI) ## Rewrite atlas/migrations/atlas.sum
	$(NODE) $(CLI) hash $(ARGS)

db-seed: $(CLI) ## Run pending seeds on DATABASE_URL (embedded without it); ARGS=--demo adds demo data
	$(NODE) $(CLI) seed $(ARGS)

# Always rebuilds: the document must come from a build in which the Swagger CLI plugin ran.
# openapi-typescript validates with libs/api-client/redocly.yaml (structure only: lint is the tests' job).
openapi: ## Build, write openapi/openapi.json and regenerate libs/api-client/schema.ts (commit both)
	$(NPM) run build
	$(NODE) $(CLI) openapi --out openapi/openapi.json
	$(NODE) node_modules/openapi-typescript/bin/cli.js openapi/openapi.json --output libs/api-client/schema.ts --redocly libs/api-client/redocly.yaml

bench-boot: $(CLI) ## Boot benchmark: time to /health/ready and RSS (bench/boot/run.js)
	$(NODE) bench/boot/run.js $(BENCH_ARGS)

bench: $(CLI) ## Run every bench script (bench/*/run.js), one after another
	@set -e; for script in bench/*/run.js; do \
		echo "== $$script"; \
		$(NODE) "$$script" $(BENCH_ARGS); \
	done
