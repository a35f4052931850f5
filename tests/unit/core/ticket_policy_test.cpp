// Focus of this file: the authorization policy as a matrix of role × resource × action,
// including organisation sharing and internal notes.
#include "core/ticket_policy.hpp"

#include <gtest/gtest.h>

namespace frontline::core {
namespace {

Actor actor(Id id, Role role, std::optional<Id> org = std::nullopt, bool shares = false) {
  Actor a;
  a.id = id;
  a.role = role;
  a.organization_id = org;
  a.organization_shares_tickets = shares;
  return a;
}

Ticket ticket_of(Id requester, std::optional<Id> org) {
  Ticket t;
  t.number = 7;
  t.requester_id = requester;
  t.organization_id = org;
  return t;
}

constexpr TicketAction kAllActions[] = {
    TicketAction::view,       TicketAction::reply,           TicketAction::add_internal_note,
    TicketAction::set_status, TicketAction::edit_properties, TicketAction::merge,
    TicketAction::link,       TicketAction::view_internal};

bool customer_action(TicketAction a) {
  return a == TicketAction::view || a == TicketAction::reply || a == TicketAction::set_status;
}

TEST(TicketPolicy, StaffMayDoEverythingOnEveryTicket) {
  for (Role role : {Role::agent, Role::admin}) {
    for (auto a : kAllActions) {
      EXPECT_TRUE(can(actor(1, role), a, ticket_of(99, 5))) << static_cast<int>(a);
    }
  }
}

TEST(TicketPolicy, RequesterMayOnlyViewReplyAndSetStatusOnOwnTicket) {
  auto me = actor(10, Role::customer);
  for (auto a : kAllActions) {
    EXPECT_EQ(can(me, a, ticket_of(10, std::nullopt)), customer_action(a)) << static_cast<int>(a);
  }
}

TEST(TicketPolicy, CustomerCannotTouchAnotherPersonsTicket) {
  auto me = actor(10, Role::customer, 5, /*shares=*/false);
  for (auto a : kAllActions) EXPECT_FALSE(can(me, a, ticket_of(11, 5))) << static_cast<int>(a);
}

TEST(TicketPolicy, SharingOrganisationLetsMembersSeeEachOthersTickets) {
  auto me = actor(10, Role::customer, 5, /*shares=*/true);
  EXPECT_TRUE(can_view_ticket(me, ticket_of(11, 5)));
  EXPECT_TRUE(can(me, TicketAction::reply, ticket_of(11, 5)));
  EXPECT_FALSE(can(me, TicketAction::view_internal, ticket_of(11, 5)));
  EXPECT_FALSE(can(me, TicketAction::add_internal_note, ticket_of(11, 5)));
}

TEST(TicketPolicy, SharingDoesNotCrossOrganisations) {
  auto me = actor(10, Role::customer, 5, /*shares=*/true);
  EXPECT_FALSE(can_view_ticket(me, ticket_of(11, 6)));
  EXPECT_FALSE(can_view_ticket(me, ticket_of(11, std::nullopt)));
}

TEST(TicketPolicy, CustomerWithoutOrganisationSeesOnlyOwn) {
  auto me = actor(10, Role::customer, std::nullopt, /*shares=*/true);
  EXPECT_FALSE(can_view_ticket(me, ticket_of(11, std::nullopt)));
}

TEST(TicketPolicy, CustomerNeverSeesInternalNotesOrInternalEvents) {
  auto me = actor(10, Role::customer);
  EXPECT_FALSE(can_see_message(me, MessageKind::internal_note));
  EXPECT_TRUE(can_see_message(me, MessageKind::public_reply));
  Event internal;
  internal.internal = true;
  EXPECT_FALSE(can_see_event(me, internal));
  EXPECT_TRUE(can_see_event(actor(1, Role::agent), internal));
}

TEST(TicketPolicy, CustomerMayResolveOrReopenButNotOtherTransitions) {
  EXPECT_TRUE(customer_may_set_status(Status::open, Status::resolved));
  EXPECT_TRUE(customer_may_set_status(Status::resolved, Status::open));
  EXPECT_FALSE(customer_may_set_status(Status::open, Status::pending));
  EXPECT_FALSE(customer_may_set_status(Status::open, Status::closed));
  EXPECT_FALSE(customer_may_set_status(Status::closed, Status::open));
}

TEST(TicketPolicy, OnlyAdminsAdministerAccounts) {
  EXPECT_TRUE(can_administer(actor(1, Role::admin)));
  EXPECT_FALSE(can_administer(actor(1, Role::agent)));
  EXPECT_FALSE(can_administer(actor(1, Role::customer)));
}

TEST(TicketPolicy, CustomerOpensTicketsOnlyForThemself) {
  EXPECT_TRUE(can_create_ticket_for(actor(10, Role::customer), 10));
  EXPECT_FALSE(can_create_ticket_for(actor(10, Role::customer), 11));
  EXPECT_TRUE(can_create_ticket_for(actor(1, Role::agent), 11));
}

}  // namespace
}  // namespace frontline::core
