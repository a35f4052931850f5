-- Search box: GET /api/v1/tickets?q=WORD1%20WORD2%20status:open&limit=25, with word pairs that
-- occur in the seeded vocabulary (src/cli/seed.cpp), so the full-text index does real work.
local dir = os.getenv("BENCH_LUA_DIR") or "bench"
local c = dofile(dir .. "/common.lua")
c.install()

local pairs_ = {
  "printer toner", "vpn disconnecting", "password reset", "outlook syncing",
  "laptop battery", "certificate expired", "calendar invitations", "shared drive",
  "teams slow", "wi-fi office",
}
local status = { "open", "open", "open", "pending", "new" }

local function encode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(ch) return string.format("%%%02X", string.byte(ch)) end))
end

request = function()
  local words = pairs_[math.random(1, #pairs_)]
  local q = words .. " status:" .. status[math.random(1, #status)]
  return wrk.format("GET", "/api/v1/tickets?q=" .. encode(q) .. "&limit=25")
end
