# The two commands: `make run` starts Frontline on 127.0.0.1:8080; `make test` runs every test.
# Both install what they need on Debian 12 and are safe to repeat.
.PHONY: run test build bench format fuzz
run:
	./scripts/run.sh
test:
	./scripts/test.sh
build:
	./scripts/setup.sh && ./scripts/build.sh release
# Every libFuzzer target for 1,000,000 executions with ASan/UBSan (make test runs each briefly).
fuzz:
	./scripts/setup.sh --test && tests/fuzz/run.sh --runs 1000000
bench:
	./bench/run.sh
format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
