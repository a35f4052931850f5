# The two commands: `make run` starts Frontline on 127.0.0.1:8080; `make test` runs every test.
# Both install what they need on Debian 12 and are safe to repeat.
.PHONY: run test build bench format
run:
	./scripts/run.sh
test:
	./scripts/test.sh
build:
	./scripts/setup.sh && ./scripts/build.sh release
bench:
	./bench/run.sh
format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
