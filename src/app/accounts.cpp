// Account administration (see header).
#include "app/accounts.hpp"

#include <algorithm>

#include "app/auth.hpp"
#include "app/credentials.hpp"
#include "app/event_data.hpp"
#include "app/local_time.hpp"
#include "app/validation.hpp"
#include "core/leaderboard.hpp"
#include "core/text.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

core::Result<std::optional<core::WorkWeek>> checked_work_week(const OrganizationChanges& in) {
  if (!in.work_week) return std::optional<core::WorkWeek>();
  auto week = core::parse_work_week(*in.work_week);
  if (!week) {
    return core::invalid_field("work_week",
                               "must list at least one of mon, tue, wed, thu, fri, sat, sun");
  }
  return std::optional<core::WorkWeek>(*week);
}

// Ends every way the user is signed in: browser sessions and API tokens (a password reset
// must not leave a token made with the old password working).
void end_sign_ins(store::Tx& tx, Id user_id) {
  tx.accounts().delete_sessions_of(user_id);
  for (const auto& token : tx.accounts().list_api_tokens(user_id))
    tx.accounts().delete_api_token(token.id);
}

}  // namespace

core::Actor system_actor() {
  core::Actor a;
  a.id = 0;
  a.role = core::Role::admin;
  a.name = "system";
  return a;
}

Result<core::User> Accounts::create_user(const core::Actor& actor, const NewUser& in) {
  if (!core::can_administer(actor)) return admins_only();
  std::string email = core::to_lower_ascii(core::trim(in.email));
  if (!core::looks_like_email(email))
    return core::invalid_field("email", "is not an email address");
  auto name = checked_name("name", in.name);
  if (!name) return name.take_error();
  if (!in.timezone.empty() && !is_known_time_zone(in.timezone)) {
    return core::invalid_field("timezone", "must be a time zone name like Europe/Berlin");
  }
  if (!in.password.empty() && in.password.size() < kMinPasswordBytes) {
    return core::invalid_field("password", "must be at least 8 characters",
                               "The password is too short: use at least 8 characters.");
  }
  // Hash before the transaction: it is slow and needs no database.
  std::string hash = in.password.empty() ? "" : hash_password(in.password);
  const auto now = ctx_.clock.now();
  return in_write<core::User>(ctx_.db, [&](store::Tx& tx) -> Result<core::User> {
    if (tx.accounts().user_by_email(email)) {
      return make_error(Errc::conflict, "a user with email " + email + " already exists",
                        {{"email", "already taken"}});
    }
    core::User u;
    u.email = email;
    u.name = *name;
    u.role = in.role;
    u.ranked = in.role != core::Role::admin;  // the leaderboard ranks technicians by default
    u.timezone = in.timezone.empty() ? "UTC" : in.timezone;
    u.created_at = now;
    if (in.organization && !core::trim(*in.organization).empty()) {
      std::string org_name(core::trim(*in.organization));
      if (auto org = tx.organizations().organization_by_name(org_name)) {
        u.organization_id = org->id;
      } else {
        u.organization_id = tx.organizations().insert_organization({0, org_name, false});
      }
    }
    u.id = tx.accounts().insert_user(u, hash);
    record_event(tx, actor, std::nullopt, core::EventType::user_created,
                 EventData().add("user_id", u.id).add("role", core::to_string(u.role)).str(), now);
    return u;
  });
}

Result<std::vector<core::User>> Accounts::users(const core::Actor& actor,
                                                std::optional<core::Role> role,
                                                std::string_view contains, int limit, Id after_id) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "the directory is for staff");
  return in_read<std::vector<core::User>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::User>>(
        tx.accounts().list_users(role, contains, std::clamp(limit, 1, 500), after_id));
  });
}

Result<core::User> Accounts::update_user(const core::Actor& actor, Id id, const UserChanges& c) {
  // People may set their own time zone and morning mail; everything else is for admins.
  const bool own_preferences = actor.id == id && !c.name && !c.role && !c.organization_id &&
                               !c.disabled && !c.password && !c.ranked;
  if (!core::can_administer(actor) && !own_preferences) return admins_only();
  if (c.timezone && !is_known_time_zone(*c.timezone)) {
    return core::invalid_field("timezone", "must be a time zone name like Europe/Berlin");
  }
  std::optional<std::string> name;
  if (c.name) {
    auto checked = checked_name("name", *c.name);
    if (!checked) return checked.take_error();
    name = std::move(*checked);
  }
  std::string password_hash;  // hashed before the write: argon2id takes a while
  if (c.password) {
    if (c.password->size() < kMinPasswordBytes)
      return core::invalid_field("password", "must be at least 8 characters",
                                 "The password is too short: use at least 8 characters.");
    password_hash = hash_password(*c.password);
  }
  const auto now = ctx_.clock.now();
  auto updated = in_write<core::User>(ctx_.db, [&](store::Tx& tx) -> Result<core::User> {
    auto u = tx.accounts().user_by_id(id);
    if (!u) return make_error(Errc::not_found, "user not found");
    if (c.organization_id && *c.organization_id &&
        !tx.organizations().organization_by_id(**c.organization_id)) {
      return core::invalid_field("organization_id", "no such organisation");
    }
    if (name) u->name = *name;
    if (c.role && *c.role != u->role) {
      // A promotion to admin leaves the board, a technician joins it, unless the admin says.
      u->ranked = *c.role != core::Role::admin;
      u->role = *c.role;
    }
    if (c.organization_id) u->organization_id = *c.organization_id;
    if (c.timezone) u->timezone = *c.timezone;
    if (c.morning_report) u->morning_report = *c.morning_report;
    if (c.ranked) u->ranked = *c.ranked;
    if (c.disabled) u->disabled = *c.disabled;
    tx.accounts().update_user(*u);
    if (!password_hash.empty()) {
      tx.accounts().set_password_hash(id, password_hash);
      record_event(tx, actor, std::nullopt, core::EventType::user_password_reset,
                   EventData().add("user_id", id).str(), now);
    }
    if (u->disabled || !password_hash.empty()) end_sign_ins(tx, id);
    record_event(tx, actor, std::nullopt, core::EventType::user_updated,
                 EventData().add("user_id", id).str(), now);
    return std::move(*u);
  });
  if (updated && (c.role || c.disabled || c.password)) note_identity_change();
  return updated;
}

Result<core::Unit> Accounts::set_password(const core::Actor& actor, std::string_view email,
                                          std::string_view password) {
  if (password.size() < kMinPasswordBytes)
    return core::invalid_field("password", "must be at least 8 characters",
                               "The password is too short: use at least 8 characters.");
  std::string hash = hash_password(password);
  const auto now = ctx_.clock.now();
  auto out = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> Result<core::Unit> {
    auto u = tx.accounts().user_by_email(email);
    if (!u) return make_error(Errc::not_found, "no user with email " + std::string(email));
    if (!core::can_administer(actor) && actor.id != u->id) return admins_only();
    tx.accounts().set_password_hash(u->id, hash);
    end_sign_ins(tx, u->id);
    record_event(tx, actor, std::nullopt, core::EventType::user_password_reset,
                 EventData().add("user_id", u->id).str(), now);
    return core::Unit{};
  });
  if (out) note_identity_change();
  return out;
}

Result<core::Unit> Accounts::change_own_password(const core::Actor& actor,
                                                 std::string_view current_password,
                                                 std::string_view new_password) {
  if (new_password.size() < kMinPasswordBytes) {
    return core::invalid_field("new_password", "must be at least 8 characters");
  }
  auto stored = in_read<std::optional<std::string>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::optional<std::string>>(tx.accounts().password_hash(actor.id));
  });
  if (!stored) return stored.take_error();
  if (!*stored || !verify_password(current_password, **stored)) {
    return core::invalid_field("current_password", "is not your current password");
  }
  std::string hash = hash_password(new_password);
  const auto now = ctx_.clock.now();
  auto out = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> Result<core::Unit> {
    tx.accounts().set_password_hash(actor.id, hash);
    tx.accounts().delete_sessions_of(actor.id);
    record_event(tx, actor, std::nullopt, core::EventType::user_password_changed,
                 EventData().add("user_id", actor.id).str(), now);
    return core::Unit{};
  });
  if (out) note_identity_change();
  return out;
}

Result<core::Unit> Accounts::sign_out_everywhere(const core::Actor& actor, Id user_id) {
  if (!core::can_administer(actor) && actor.id != user_id) return admins_only();
  const auto now = ctx_.clock.now();
  auto out = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> Result<core::Unit> {
    if (!tx.accounts().user_by_id(user_id)) return make_error(Errc::not_found, "user not found");
    end_sign_ins(tx, user_id);
    record_event(tx, actor, std::nullopt, core::EventType::user_signed_out_everywhere,
                 EventData().add("user_id", user_id).str(), now);
    return core::Unit{};
  });
  if (out) note_identity_change();
  return out;
}

Result<core::Organization> Accounts::create_organization(const core::Actor& actor,
                                                         const OrganizationChanges& in) {
  if (!core::can_administer(actor)) return admins_only();
  auto name = checked_name("name", in.name.value_or(""));
  if (!name) return name.take_error();
  auto week = checked_work_week(in);
  if (!week) return week.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Organization>(ctx_.db, [&](store::Tx& tx) -> Result<core::Organization> {
    if (tx.organizations().organization_by_name(*name)) {
      return make_error(Errc::conflict, "organisation " + *name + " already exists",
                        {{"name", "already taken"}});
    }
    core::Organization org{0, *name, in.share_tickets.value_or(false)};
    if (*week) org.work_week = (*week)->days;
    org.id = tx.organizations().insert_organization(org);
    record_event(tx, actor, std::nullopt, core::EventType::organization_created,
                 EventData().add("organization_id", org.id).str(), now);
    return org;
  });
}

Result<core::User> Accounts::profile(const core::Actor& actor) {
  return in_read<core::User>(ctx_.db, [&](store::Tx& tx) -> Result<core::User> {
    auto u = tx.accounts().user_by_id(actor.id);
    if (!u) return make_error(Errc::not_found, "user not found");
    return std::move(*u);
  });
}

Result<core::Organization> Accounts::update_organization(const core::Actor& actor, Id id,
                                                         const OrganizationChanges& c) {
  if (!core::can_administer(actor)) return admins_only();
  std::optional<std::string> name;
  if (c.name) {
    auto checked = checked_name("name", *c.name);
    if (!checked) return checked.take_error();
    name = std::move(*checked);
  }
  auto week = checked_work_week(c);
  if (!week) return week.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Organization>(ctx_.db, [&](store::Tx& tx) -> Result<core::Organization> {
    auto org = tx.organizations().organization_by_id(id);
    if (!org) return make_error(Errc::not_found, "organisation not found");
    if (name) org->name = *name;
    if (c.share_tickets) org->share_tickets = *c.share_tickets;
    if (*week) org->work_week = (*week)->days;
    tx.organizations().update_organization(*org);
    record_event(tx, actor, std::nullopt, core::EventType::organization_updated,
                 EventData().add("organization_id", id).str(), now);
    return std::move(*org);
  });
}

Result<std::vector<core::Organization>> Accounts::organizations(const core::Actor& actor) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "organisations are for staff");
  return in_read<std::vector<core::Organization>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::Organization>>(tx.organizations().list_organizations());
  });
}

Result<core::Team> Accounts::create_team(const core::Actor& actor, std::string raw_name,
                                         std::vector<Id> members) {
  if (!core::can_administer(actor)) return admins_only();
  auto name = checked_name("name", raw_name);
  if (!name) return name.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Team>(ctx_.db, [&](store::Tx& tx) -> Result<core::Team> {
    if (tx.organizations().team_by_name(*name)) {
      return make_error(Errc::conflict, "team " + *name + " already exists",
                        {{"name", "already taken"}});
    }
    for (Id m : members) {
      auto u = tx.accounts().user_by_id(m);
      if (!u || u->role == core::Role::customer)
        return core::invalid_field("member_ids", "members are agents");
    }
    core::Team team{0, *name, members};
    team.id = tx.organizations().insert_team(team);
    record_event(tx, actor, std::nullopt, core::EventType::team_created,
                 EventData().add("team_id", team.id).str(), now);
    return *tx.organizations().team_by_id(team.id);
  });
}

Result<core::Team> Accounts::set_team_members(const core::Actor& actor, Id team_id,
                                              std::vector<Id> members) {
  if (!core::can_administer(actor)) return admins_only();
  const auto now = ctx_.clock.now();
  return in_write<core::Team>(ctx_.db, [&](store::Tx& tx) -> Result<core::Team> {
    if (!tx.organizations().team_by_id(team_id))
      return make_error(Errc::not_found, "team not found");
    for (Id m : members) {
      auto u = tx.accounts().user_by_id(m);
      if (!u || u->role == core::Role::customer)
        return core::invalid_field("member_ids", "members are agents");
    }
    tx.organizations().set_team_members(team_id, members);
    record_event(tx, actor, std::nullopt, core::EventType::team_members_changed,
                 EventData().add("team_id", team_id).str(), now);
    return *tx.organizations().team_by_id(team_id);
  });
}

Result<std::vector<core::Team>> Accounts::teams(const core::Actor& actor) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "teams are for staff");
  return in_read<std::vector<core::Team>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::Team>>(tx.organizations().list_teams());
  });
}

}  // namespace frontline::app
