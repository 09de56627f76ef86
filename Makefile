# The two commands a newcomer needs are `make run` and `make test` (see README).
.PHONY: run test setup lint fmt typecheck messages ci

run:
	scripts/dev.sh run

test:
	scripts/dev.sh test

setup:
	scripts/dev.sh setup

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports --no-cache

fmt:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

typecheck:
	.venv/bin/mypy .

# Extract new source strings into the four catalogues (then translate them).
messages:
	.venv/bin/python manage.py makemessages -l nl -l fr -l de -l en --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=var --ignore=.tools
	.venv/bin/python scripts/check_translations.py --fill-english

ci:
	bash .ci/run
