# The two commands: `make run` starts Frontline on 127.0.0.1:8080; `make test` runs every test.
# Both install what they need on Debian 12 and are safe to repeat. `make test` runs the test-*
# suites below in turn; each also runs on its own.
.PHONY: run test test-unit test-integration test-faults test-e2e test-fuzz build bench format
run:
	./scripts/run.sh
test:
	./scripts/test.sh
test-unit:
	./scripts/test.sh unit
test-integration:
	./scripts/test.sh integration
test-faults:
	./scripts/test.sh faults
test-e2e:
	./scripts/test.sh e2e
test-fuzz:
	./scripts/test.sh fuzz
build:
	./scripts/setup.sh && ./scripts/build.sh release
bench:
	./bench/run.sh
format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
