// Inviting people instead of typing a password for them: an admin creates the account (no
// password yet) and a link to choose one goes out by mail (and back to the admin, to hand over
// when mail is off). The link carries a random token, stored only as its hash, that works once
// and expires; a new link for the same person replaces the old. Thread-safe.
#pragma once

#include <string>

#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "app/context.hpp"
#include "app/mail_outbox.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct InvitationSettings {
  std::string public_url = "http://127.0.0.1:8080";  // where people open the help desk
  OutboundSettings outbound;                         // the From name and Message-ID domain
  int valid_days = 7;
};

struct Invitation {
  core::User user;
  std::string link;  // {public_url}/welcome?token=…
  core::UnixTime expires_at = 0;
};

// What the welcome page shows before the password is chosen.
struct InvitationView {
  core::Id user_id = 0;
  std::string email;
  std::string name;
  core::UnixTime expires_at = 0;
};

class Invitations {
 public:
  Invitations(Context& ctx, Accounts& accounts, Auth& auth, InvitationSettings settings = {})
      : ctx_(ctx), accounts_(accounts), auth_(auth), settings_(std::move(settings)) {}

  void configure(InvitationSettings settings) { settings_ = std::move(settings); }

  // Admins: a new account without a password (input.password is ignored) and its first link.
  core::Result<Invitation> invite(const core::Actor& actor, NewUser input);
  // Admins: a new link for an existing, enabled account; earlier links stop working.
  core::Result<Invitation> reissue(const core::Actor& actor, core::Id user_id);
  // Anyone holding the link: not_found when it was used, replaced or never existed; gone when
  // it expired.
  core::Result<InvitationView> check(std::string_view token);
  // Sets the password, uses up the link and signs the person in.
  core::Result<NewSession> accept(std::string_view token, std::string_view password);

 private:
  Context& ctx_;
  Accounts& accounts_;
  Auth& auth_;
  InvitationSettings settings_;
};

}  // namespace frontline::app
