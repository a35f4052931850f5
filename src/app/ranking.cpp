// Boards and away days (see header).
#include "app/ranking.hpp"

#include "app/event_data.hpp"
#include "app/validation.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

namespace {

// Members must be active or disabled staff accounts; customers are never ranked.
core::Done check_members(store::Tx& tx, const std::vector<Id>& ids) {
  for (Id id : ids) {
    auto u = tx.accounts().user_by_id(id);
    if (!u || u->role == core::Role::customer) {
      return core::invalid_field("member_ids", "user " + std::to_string(id) + " is not staff");
    }
  }
  return core::done();
}

// A technician's own away days, or anyone's for an admin.
bool may_manage_away_days(const core::Actor& actor, Id user_id) {
  return core::can_administer(actor) || (actor.is_staff() && actor.id == user_id);
}

}  // namespace

Result<std::vector<core::Board>> Ranking::boards(const core::Actor& actor) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "boards are for staff");
  return in_read<std::vector<core::Board>>(ctx_.db, [](store::Tx& tx) {
    return Result<std::vector<core::Board>>(tx.organizations().list_boards());
  });
}

Result<core::Board> Ranking::create_board(const core::Actor& actor, const BoardChanges& in) {
  if (!core::can_administer(actor)) return admins_only();
  auto name = checked_name("name", in.name.value_or(""), 100);
  if (!name) return name.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Board>(ctx_.db, [&](store::Tx& tx) -> Result<core::Board> {
    if (tx.organizations().board_by_name(*name)) {
      return make_error(Errc::conflict, "board " + *name + " already exists",
                        {{"name", "already taken"}});
    }
    core::Board b{0, *name, in.member_ids.value_or(std::vector<Id>{})};
    if (auto r = check_members(tx, b.member_ids); !r) return r.take_error();
    b.id = tx.organizations().insert_board(b, now);
    record_event(tx, actor, std::nullopt, core::EventType::board_created,
                 EventData().add("board_id", b.id).str(), now);
    return tx.organizations().board_by_id(b.id).value_or(b);
  });
}

Result<core::Board> Ranking::update_board(const core::Actor& actor, Id id, const BoardChanges& c) {
  if (!core::can_administer(actor)) return admins_only();
  std::optional<std::string> name;
  if (c.name) {
    auto checked = checked_name("name", *c.name, 100);
    if (!checked) return checked.take_error();
    name = std::move(*checked);
  }
  const auto now = ctx_.clock.now();
  return in_write<core::Board>(ctx_.db, [&](store::Tx& tx) -> Result<core::Board> {
    auto b = tx.organizations().board_by_id(id);
    if (!b) return make_error(Errc::not_found, "board not found");
    if (name && *name != b->name) {
      if (auto other = tx.organizations().board_by_name(*name); other && other->id != id) {
        return make_error(Errc::conflict, "board " + *name + " already exists",
                          {{"name", "already taken"}});
      }
      b->name = *name;
    }
    if (c.member_ids) {
      if (auto r = check_members(tx, *c.member_ids); !r) return r.take_error();
      b->member_ids = *c.member_ids;
    }
    tx.organizations().update_board(*b);
    record_event(tx, actor, std::nullopt, core::EventType::board_updated,
                 EventData().add("board_id", id).str(), now);
    return tx.organizations().board_by_id(id).value_or(*b);
  });
}

core::Done Ranking::delete_board(const core::Actor& actor, Id id) {
  if (!core::can_administer(actor)) return admins_only();
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    if (!tx.organizations().delete_board(id)) return make_error(Errc::not_found, "board not found");
    record_event(tx, actor, std::nullopt, core::EventType::board_deleted,
                 EventData().add("board_id", id).str(), now);
    return core::done();
  });
}

Result<std::vector<core::Day>> Ranking::away_days(const core::Actor& actor, Id user_id) {
  if (!may_manage_away_days(actor, user_id)) return admins_only();
  return in_read<std::vector<core::Day>>(ctx_.db,
                                         [&](store::Tx& tx) -> Result<std::vector<core::Day>> {
                                           if (!tx.accounts().user_by_id(user_id))
                                             return make_error(Errc::not_found, "user not found");
                                           return tx.credits().away_days_of(user_id);
                                         });
}

core::Done Ranking::set_away(const core::Actor& actor, Id user_id, std::string_view date,
                             bool away) {
  if (!may_manage_away_days(actor, user_id)) return admins_only();
  auto day = core::parse_day(date);
  if (!day) return core::invalid_field("date", "must be a date like 2026-11-24");
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    auto u = tx.accounts().user_by_id(user_id);
    if (!u || u->role == core::Role::customer) return make_error(Errc::not_found, "user not found");
    tx.credits().set_away_day(user_id, *day, away);
    record_event(tx, actor, std::nullopt,
                 away ? core::EventType::user_away_added : core::EventType::user_away_removed,
                 EventData().add("user_id", user_id).add("date", core::format_day(*day)).str(),
                 now);
    return core::done();
  });
}

}  // namespace frontline::app
