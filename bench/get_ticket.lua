-- GET /api/v1/tickets/{number} with a random number in 1..BENCH_N (the seeded tickets).
-- Also drives the nginx static-JSON baseline (nginx answers every path with one ticket's JSON).
local dir = os.getenv("BENCH_LUA_DIR") or "bench"
local c = dofile(dir .. "/common.lua")
c.install()
local n = c.env_number("BENCH_N", 1000)

request = function()
  return wrk.format("GET", "/api/v1/tickets/" .. math.random(1, n))
end
