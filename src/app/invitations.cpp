// Invitations (see header).
#include "app/invitations.hpp"

#include "app/credentials.hpp"
#include "app/event_data.hpp"
#include "app/mail_templates.hpp"
#include "app/validation.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

namespace {

core::Error not_valid() {
  return make_error(Errc::not_found,
                    "This invitation link is not valid: it was used already, replaced by a newer "
                    "one, or mistyped. Ask whoever invited you for a new link.");
}

core::Error expired() {
  return make_error(Errc::gone,
                    "This invitation link has expired. Ask whoever invited you for a new link.");
}

// The invitation's person and its expiry, when the link may still be used at `now`.
Result<InvitationView> usable(store::Tx& tx, const std::string& hash, core::UnixTime now) {
  auto invitation = tx.accounts().invitation_by_hash(hash);
  if (!invitation || invitation->used_at) return not_valid();
  auto user = tx.accounts().user_by_id(invitation->user_id);
  if (!user || user->disabled) return not_valid();
  if (invitation->expires_at <= now) return expired();
  return InvitationView{user->id, user->email, user->name, invitation->expires_at};
}

}  // namespace

Result<Invitation> Invitations::invite(const core::Actor& actor, NewUser input) {
  if (!core::can_administer(actor)) return admins_only();
  input.password.clear();
  auto user = accounts_.create_user(actor, input);
  if (!user) return user.take_error();
  return reissue(actor, user->id);
}

Result<Invitation> Invitations::reissue(const core::Actor& actor, Id user_id) {
  if (!core::can_administer(actor)) return admins_only();
  // Made before the unit, which may run twice: the link must be the one that was stored.
  const std::string token = random_token("fli_");
  const std::string hash = token_hash(token);
  const auto now = ctx_.clock.now();
  Invitation out;
  out.expires_at = now + static_cast<core::UnixTime>(settings_.valid_days) * 86400;
  std::string base = settings_.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  out.link = base + "/welcome?token=" + token;
  auto user = in_write<core::User>(ctx_.db, [&](store::Tx& tx) -> Result<core::User> {
    auto u = tx.accounts().user_by_id(user_id);
    if (!u) return make_error(Errc::not_found, "user not found");
    if (u->disabled) {
      return make_error(Errc::conflict, u->name +
                                            "'s account is disabled: enable it first, then "
                                            "send the invitation.");
    }
    tx.accounts().replace_invitation(u->id, hash, actor.id, now, out.expires_at);
    u->invited = true;
    const Id event_id = record_event(tx, actor, std::nullopt, core::EventType::user_invited,
                                     EventData().add("user_id", u->id).str(), now);
    TemplateValues v;
    v.recipient_name = u->name;
    v.signature = settings_.outbound.from_name;
    v.link = out.link;
    auto rendered = render(text_for(tx, MailTemplate::invitation), v);
    core::OutboundMail m;
    m.event_id = event_id;
    m.kind = "invitation";
    m.recipient = u->email;
    m.subject = std::move(rendered.subject);
    m.body = std::move(rendered.body);
    m.html = std::move(rendered.html);
    m.message_id = new_message_id(0, event_id, settings_.outbound);
    m.auto_submitted = "auto-generated";
    m.created_at = now;
    m.next_attempt_at = now;
    if (tx.mail().insert_outbound_mail(m)) {
      record_event(tx, core::Actor{}, std::nullopt, core::EventType::mail_queued,
                   EventData().add("to", m.recipient).add("kind", m.kind).str(), now);
    }
    return std::move(*u);
  });
  if (!user) return user.take_error();
  out.user = std::move(*user);
  return out;
}

Result<InvitationView> Invitations::check(std::string_view token) {
  const std::string hash = token_hash(token);
  const auto now = ctx_.clock.now();
  return in_read<InvitationView>(ctx_.db, [&](store::Tx& tx) { return usable(tx, hash, now); });
}

Result<NewSession> Invitations::accept(std::string_view token, std::string_view password) {
  // The cheap check first: argon2id runs only for a link that works.
  if (auto valid = check(token); !valid) return valid.take_error();
  if (password.size() < kMinPasswordBytes) {
    return core::invalid_field("password", "must be at least 8 characters",
                               "The password is too short: use at least 8 characters.");
  }
  const std::string password_hash = hash_password(password);
  const std::string hash = token_hash(token);
  const auto now = ctx_.clock.now();
  auto actor = in_write<core::Actor>(ctx_.db, [&](store::Tx& tx) -> Result<core::Actor> {
    auto user = usable(tx, hash, now);
    if (!user) return user.take_error();
    if (!tx.accounts().use_invitation(hash, now)) return not_valid();
    tx.accounts().set_password_hash(user->user_id, password_hash);
    tx.accounts().delete_sessions_of(user->user_id);  // as after any new password
    auto who = tx.accounts().actor_by_user_id(user->user_id);
    if (!who) return not_valid();
    record_event(tx, *who, std::nullopt, core::EventType::user_invitation_accepted,
                 EventData().add("user_id", user->user_id).str(), now);
    return std::move(*who);
  });
  if (!actor) return actor.take_error();
  note_identity_change();
  return auth_.open_session(*actor);
}

}  // namespace frontline::app
