// Focus of this file: ticket lifecycle rules — status timestamps, reply effects, auto-close.
#include "core/ticket_lifecycle.hpp"

#include <gtest/gtest.h>

namespace frontline::core {
namespace {

Ticket fresh() {
  Ticket t;
  t.number = 1;
  t.status = Status::new_;
  return t;
}

TEST(TicketLifecycle, ResolvingSetsResolvedAtAndReopeningClearsIt) {
  auto t = fresh();
  ASSERT_TRUE(change_status(t, Status::resolved, 100));
  EXPECT_EQ(t.resolved_at, 100);
  ASSERT_TRUE(change_status(t, Status::open, 200));
  EXPECT_FALSE(t.resolved_at.has_value());
}

TEST(TicketLifecycle, ClosingSetsClosedAtAndKeepsResolvedAt) {
  auto t = fresh();
  ASSERT_TRUE(change_status(t, Status::resolved, 100));
  ASSERT_TRUE(change_status(t, Status::closed, 300));
  EXPECT_EQ(t.closed_at, 300);
  EXPECT_EQ(t.resolved_at, 100);
}

TEST(TicketLifecycle, ClosedTicketCannotChangeStatus) {
  auto t = fresh();
  ASSERT_TRUE(change_status(t, Status::closed, 100));
  auto r = change_status(t, Status::open, 200);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid);
  EXPECT_EQ(t.status, Status::closed);
}

TEST(TicketLifecycle, CustomerReplyReopensResolvedTicket) {
  auto t = fresh();
  ASSERT_TRUE(change_status(t, Status::resolved, 100));
  auto r = apply_public_reply(t, /*author_is_staff=*/false, 200);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, Status::open);
  EXPECT_EQ(t.status, Status::open);
  EXPECT_FALSE(t.resolved_at.has_value());
}

TEST(TicketLifecycle, CustomerReplyToPendingTicketMakesItOpen) {
  auto t = fresh();
  t.status = Status::pending;
  ASSERT_TRUE(apply_public_reply(t, false, 200));
  EXPECT_EQ(t.status, Status::open);
}

TEST(TicketLifecycle, FirstStaffReplySetsFirstResponseOnce) {
  auto t = fresh();
  ASSERT_TRUE(apply_public_reply(t, true, 50));
  EXPECT_EQ(t.first_response_at, 50);
  EXPECT_EQ(t.status, Status::open);
  ASSERT_TRUE(apply_public_reply(t, true, 90));
  EXPECT_EQ(t.first_response_at, 50);
}

TEST(TicketLifecycle, CustomerReplyDoesNotSetFirstResponse) {
  auto t = fresh();
  ASSERT_TRUE(apply_public_reply(t, false, 50));
  EXPECT_FALSE(t.first_response_at.has_value());
  EXPECT_EQ(t.status, Status::new_);
}

TEST(TicketLifecycle, ACustomerReplyMarksTheTicketUntilStaffAnswerPublicly) {
  auto t = fresh();
  ASSERT_TRUE(apply_public_reply(t, false, 50));
  EXPECT_EQ(t.customer_replied_at, 50);
  ASSERT_TRUE(apply_public_reply(t, false, 60));
  EXPECT_EQ(t.customer_replied_at, 60);  // the latest reply
  ASSERT_TRUE(apply_public_reply(t, true, 70));
  EXPECT_FALSE(t.customer_replied_at.has_value());
}

TEST(TicketLifecycle, ReplyToClosedTicketIsAConflict) {
  auto t = fresh();
  t.status = Status::closed;
  auto r = apply_public_reply(t, false, 50);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::conflict);
}

TEST(TicketLifecycle, AutoCloseOnlyAfterTheConfiguredDays) {
  auto t = fresh();
  ASSERT_TRUE(change_status(t, Status::resolved, 1000));
  EXPECT_FALSE(due_for_auto_close(t, 1000 + 7 * 86400 - 1, 7));
  EXPECT_TRUE(due_for_auto_close(t, 1000 + 7 * 86400, 7));
  t.status = Status::open;
  EXPECT_FALSE(due_for_auto_close(t, 1000 + 30 * 86400, 7));
}

}  // namespace
}  // namespace frontline::core
