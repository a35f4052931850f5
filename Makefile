# The two commands: `make run` starts Frontline on 127.0.0.1:8080; `make test` runs every test.
# Both install what they need on Debian 12 and are safe to repeat. `make test` runs the test-*
# suites below in turn; each also runs on its own.
.PHONY: run test test-unit test-integration test-postgres test-faults test-e2e test-fuzz build bench format fuzz store-coverage
run:
	./scripts/run.sh
test:
	./scripts/test.sh
test-unit:
	./scripts/test.sh unit
test-integration:
	./scripts/test.sh integration
test-postgres:
	./scripts/test.sh postgres
test-faults:
	./scripts/test.sh faults
test-e2e:
	./scripts/test.sh e2e
test-fuzz:
	./scripts/test.sh fuzz
build:
	./scripts/setup.sh && ./scripts/build.sh release
# Every libFuzzer target for 1,000,000 executions with ASan/UBSan (make test runs each briefly).
fuzz:
	./scripts/setup.sh --test && tests/fuzz/run.sh --runs 1000000
bench:
	./bench/run.sh
format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
store-coverage:
	./scripts/store_coverage.sh
