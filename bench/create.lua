-- POST /api/v1/tickets {"subject","body"}: a new ticket per request (201 once durable; the
-- server group-commits concurrent writes). Subjects and bodies come from the seed vocabulary.
local dir = os.getenv("BENCH_LUA_DIR") or "bench"
local c = dofile(dir .. "/common.lua")
c.install()

local things = { "printer", "VPN", "Outlook", "laptop", "monitor", "Wi-Fi", "password", "Teams",
                 "SharePoint", "docking station", "scanner", "file share" }
local problems = { "not working", "keeps disconnecting", "very slow", "shows an error",
                   "cannot log in", "stopped syncing", "locked out", "out of space" }
local sentences = {
  "Since this morning it has stopped working for everyone in our team.",
  "I already restarted the machine twice and it did not help.",
  "The error message says the connection was reset by the server.",
  "It worked fine yesterday before the Windows update was installed.",
  "Other colleagues on the same floor report the same problem.",
  "I have cleared the cache and signed in again without success.",
}
local seq = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  seq = seq + 1
  local subject = things[math.random(1, #things)] .. " " .. problems[math.random(1, #problems)] ..
                  " (bench " .. (thread_id or 0) .. "-" .. seq .. ")"
  local body = sentences[math.random(1, #sentences)] .. " " .. sentences[math.random(1, #sentences)]
  return wrk.format("POST", "/api/v1/tickets",
                    nil, '{"subject":"' .. subject .. '","body":"' .. body .. '"}')
end
