// Account administration: users, organisations (with their sharing flag) and teams. Changing
// anyone but yourself needs an admin; the CLI acts as the built-in system admin. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

// The identity the command line acts as (an admin that is not a row in users).
core::Actor system_actor();

struct NewUser {
  std::string email;
  std::string name;
  core::Role role = core::Role::customer;
  std::string password;                     // empty: no password login until one is set
  std::optional<std::string> organization;  // name; created when unknown
  std::string timezone = "UTC";
};

struct UserChanges {
  std::optional<std::string> name;
  std::optional<core::Role> role;
  std::optional<std::optional<core::Id>> organization_id;
  std::optional<std::string> timezone;  // an IANA name; users may change their own
  std::optional<bool> morning_report;   // staff: the morning mail; users may change their own
  std::optional<bool> ranked;           // staff: on the company-wide leaderboard (admins only)
  std::optional<bool> disabled;
  std::optional<std::string> password;  // a reset by an admin: also ends the user's sessions
};

// An organisation's fields; absent ones stay as they are (or take their defaults).
struct OrganizationChanges {
  std::optional<std::string> name;
  std::optional<bool> share_tickets;
  std::optional<std::vector<std::string>> work_week;  // ["mon", …]: its technicians' working days
};

class Accounts {
 public:
  explicit Accounts(Context& ctx) : ctx_(ctx) {}

  core::Result<core::User> create_user(const core::Actor& actor, const NewUser& input);
  // The caller's own account (their time zone and preferences).
  core::Result<core::User> profile(const core::Actor& actor);
  // The directory is for staff. `contains` (optional) matches part of a name or email.
  core::Result<std::vector<core::User>> users(const core::Actor& actor,
                                              std::optional<core::Role> role,
                                              std::string_view contains, int limit,
                                              core::Id after_id);
  core::Result<core::User> update_user(const core::Actor& actor, core::Id id,
                                       const UserChanges& changes);
  // A signed-in person's own new password, given the current one (invalid "current_password"
  // when it is not right). Ends every session of theirs, this one too; API tokens stay (they
  // are listed and revoked on their own, or with sign_out_everywhere).
  core::Result<core::Unit> change_own_password(const core::Actor& actor,
                                               std::string_view current_password,
                                               std::string_view new_password);
  // Ends the user's sessions and revokes their API tokens: the user themself, or an admin.
  core::Result<core::Unit> sign_out_everywhere(const core::Actor& actor, core::Id user_id);
  // Sets a new password, ends the user's sessions and revokes their API tokens.
  core::Result<core::Unit> set_password(const core::Actor& actor, std::string_view email,
                                        std::string_view password);

  core::Result<core::Organization> create_organization(const core::Actor& actor,
                                                       const OrganizationChanges& input);
  core::Result<core::Organization> update_organization(const core::Actor& actor, core::Id id,
                                                       const OrganizationChanges& changes);
  core::Result<std::vector<core::Organization>> organizations(const core::Actor& actor);

  core::Result<core::Team> create_team(const core::Actor& actor, std::string name,
                                       std::vector<core::Id> member_ids);
  core::Result<core::Team> set_team_members(const core::Actor& actor, core::Id team_id,
                                            std::vector<core::Id> member_ids);
  core::Result<std::vector<core::Team>> teams(const core::Actor& actor);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
