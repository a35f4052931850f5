// POST /api/v1/chats — a signed-in customer or an anonymous visitor starts a live chat (a ticket
// from its first second). Anonymous visitors get a token for that one chat.
#include "http/chat_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/hub/hub.hpp"

namespace frontline::http::handlers {

Response chats_post(Request& req, Services& s) {
  auto intake = decode_chat_intake(req.body);
  if (!intake) return problem(intake.error());
  // A signed-in customer is known; only anonymous visitors are counted.
  const auto wait = req.actor ? 0
                              : s.chat_starts.take(req.remote_address, s.ctx.clock.now(),
                                                   s.settings.chat_starts_per_address);
  if (wait > 0) {
    core::Error slow =
        core::make_error(core::Errc::throttled,
                         "Too many chats were started from your network just now. Try again in " +
                             std::to_string((wait + 59) / 60) + " minutes, or email us.");
    slow.retry_after_seconds = wait;
    return problem(slow);
  }
  const bool agents_available = s.hub && s.hub->staff_online();
  auto started = s.chats.start(req.actor, std::move(*intake), agents_available);
  return reply(started, 201, [&](const app::StartedChat& c) {
    return started_chat_json(c, agents_available, s.ctx.limits.max_attachment_bytes);
  });
}

}  // namespace frontline::http::handlers
