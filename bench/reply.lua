-- POST /api/v1/tickets/{number}/messages {"kind":"public","body":...}: an agent's public reply to a
-- random ticket among BENCH_REPLY_TICKETS (comma-separated numbers of tickets that are not
-- closed; closed tickets refuse replies with 409), else a random number in 1..BENCH_N.
local dir = os.getenv("BENCH_LUA_DIR") or "bench"
local c = dofile(dir .. "/common.lua")
c.install()
local targets = c.env_list("BENCH_REPLY_TICKETS")
local n = c.env_number("BENCH_N", 1000)
local replies = {
  "Thanks for reporting this. I have restarted the service; please try again.",
  "Could you send the exact error message and the time it happened?",
  "The VPN profile was outdated. I pushed a new one to your laptop.",
  "I have escalated this to the network team and will update you.",
}
wrk.headers["Content-Type"] = "application/json"

request = function()
  local number
  if #targets > 0 then number = targets[math.random(1, #targets)] else number = math.random(1, n) end
  local body = '{"kind":"public","body":"' .. replies[math.random(1, #replies)] .. '"}'
  return wrk.format("POST", "/api/v1/tickets/" .. number .. "/messages", nil, body)
end
