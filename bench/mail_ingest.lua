-- POST /api/v1/mail/inbound: a realistic 20 KB email (text, an HTML alternative and one 12 KB
-- PDF attachment) from one of 500 senders, each with a unique Message-ID so none is a
-- duplicate; a third are replies naming an earlier ticket with [#N] (N ≤ BENCH_MAIL_TICKETS).
package.path = (os.getenv("BENCH_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
common.install()

local tickets = common.env_number("BENCH_MAIL_TICKETS", 100)
local attachment = string.rep("JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n", 190)
local text = string.rep("The printer on the third floor shows error 50.4 after every job. ", 45)
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "message/rfc822"

request = function()
  counter = counter + 1
  local id = string.format("%d.%d.%d@bench.example", thread_id or 0, counter, math.random(1e9))
  local sender = "user" .. math.random(500) .. "@customer.example"
  local subject = "Printer error 50.4 on floor 3"
  if counter % 3 == 0 then subject = "Re: [#" .. math.random(tickets) .. "] " .. subject end
  local body = table.concat({
    "From: Bench User <" .. sender .. ">",
    "To: help@desk.example",
    "Subject: " .. subject,
    "Message-ID: <" .. id .. ">",
    "Date: Tue, 24 Nov 2026 09:00:00 +0000",
    "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=OUTER",
    "",
    "--OUTER",
    "Content-Type: multipart/alternative; boundary=ALT",
    "",
    "--ALT",
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    "--ALT",
    "Content-Type: text/html; charset=utf-8",
    "",
    "<html><body><p>" .. text .. "</p></body></html>",
    "--ALT--",
    "--OUTER",
    "Content-Type: application/pdf; name=error.pdf",
    "Content-Disposition: attachment; filename=error.pdf",
    "Content-Transfer-Encoding: base64",
    "",
    attachment,
    "--OUTER--",
    ""}, "\r\n")
  return wrk.format(nil, "/api/v1/mail/inbound", nil, body)
end
