-- An agent's queue: GET /api/v1/tickets?status=open&assignee=ID&limit=50 (newest first), with
-- ID picked at random among the agents' user ids (BENCH_AGENT_IDS, comma-separated).
local dir = os.getenv("BENCH_LUA_DIR") or "bench"
local c = dofile(dir .. "/common.lua")
c.install()
local agents = c.env_list("BENCH_AGENT_IDS")
if #agents == 0 then agents = {"1"} end

request = function()
  local id = agents[math.random(1, #agents)]
  return wrk.format("GET", "/api/v1/tickets?status=open&assignee=" .. id .. "&limit=50")
end
