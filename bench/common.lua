-- Shared by the wrk scripts in bench/: the bearer token, per-thread random seeds, and a count of
-- responses that are not 2xx (printed by done() as "BENCH_NON2XX <n> <code:count,...>", which
-- bench/run.sh reads: a scenario that got errors is not a valid number).
-- Environment: BENCH_TOKEN (bearer token), plus what each script documents.
local M = {}

local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

function M.env_number(name, default)
  local v = tonumber(os.getenv(name) or "")
  if v == nil then return default end
  return v
end

function M.env_list(name)
  local out = {}
  for item in string.gmatch(os.getenv(name) or "", "[^,%s]+") do out[#out + 1] = item end
  return out
end

-- Installs setup/init/response/done as globals; the script then defines request().
function M.install()
  local threads = {}
  setup = function(thread)
    thread:set("thread_id", #threads + 1)
    threads[#threads + 1] = thread
  end
  init = function(args)
    non2xx = 0
    codes = {}
    local id = thread_id or 0
    math.randomseed(os.time() * 1000 + id * 7919 + math.floor(os.clock() * 1e6))
    for _ = 1, 10 do math.random() end
  end
  response = function(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
      codes[status] = (codes[status] or 0) + 1
    end
  end
  done = function(summary, latency, requests)
    local total, merged = 0, {}
    for _, t in ipairs(threads) do
      total = total + (t:get("non2xx") or 0)
      local c = t:get("codes")
      if type(c) == "table" then
        for k, v in pairs(c) do merged[k] = (merged[k] or 0) + v end
      end
    end
    local parts = {}
    for k, v in pairs(merged) do parts[#parts + 1] = tostring(k) .. ":" .. tostring(v) end
    table.sort(parts)
    io.write(string.format("BENCH_NON2XX %d %s\n", total, table.concat(parts, ",")))
  end
end

return M
