// Store contract, run against every engine: escalations of tickets — they read back whole, stack
// (the current one is the newest not ended), end once, and a directory contact names its
// service.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

using core::Id;

class EscalationsContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (!db_) return;
    agent_ = user("ann@desk.example", core::Role::agent);
    number_ = ticket(user("cus@example.com"), "Cannot reach the records database", 100).number;
    write([&](Tx& tx) {
      core::Team t;
      t.name = "Tier 2";
      team_ = tx.organizations().insert_team(t);
    });
  }

  Id escalate(std::optional<Id> team, std::string summary, core::UnixTime at) {
    core::Escalation e;
    e.ticket_number = number_;
    e.team_id = team;
    e.summary = std::move(summary);
    e.by_id = agent_;
    e.at = at;
    Id id = 0;
    write([&](Tx& tx) { id = tx.escalations().insert_escalation(e); });
    return id;
  }

  Id agent_ = 0, team_ = 0, number_ = 0;
};
FRONTLINE_STORE_CONTRACT(EscalationsContract);

TEST_P(EscalationsContract, AnEscalationReadsBackWithWhoEscalated) {
  core::Escalation e;
  e.ticket_number = number_;
  e.team_id = team_;
  e.from_team_id = std::nullopt;
  e.from_assignee_id = agent_;
  e.summary = "DB login fails since Monday; checked VPN";
  e.by_id = agent_;
  e.at = 200;
  write([&](Tx& tx) { e.id = tx.escalations().insert_escalation(e); });
  std::optional<core::Escalation> got;
  read([&](Tx& tx) { got = tx.escalations().current_escalation(number_); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, e.id);
  EXPECT_EQ(got->team_id, team_);
  EXPECT_EQ(got->contact_id, std::nullopt);
  EXPECT_EQ(got->from_assignee_id, agent_);
  EXPECT_EQ(got->summary, e.summary);
  EXPECT_EQ(got->by_name, "ann");
  EXPECT_EQ(got->at, 200);
  EXPECT_EQ(got->ended_at, std::nullopt);
}

TEST_P(EscalationsContract, EscalationsStackAndEndOnce) {
  const Id first = escalate(team_, "to tier 2", 200);
  const Id second = escalate(std::nullopt, "to the vendor", 300);
  std::optional<core::Escalation> current;
  read([&](Tx& tx) { current = tx.escalations().current_escalation(number_); });
  ASSERT_TRUE(current);
  EXPECT_EQ(current->id, second);
  bool ended = false, again = true;
  write([&](Tx& tx) {
    ended = tx.escalations().end_escalation(second, agent_, 400);
    again = tx.escalations().end_escalation(second, agent_, 500);
  });
  EXPECT_TRUE(ended);
  EXPECT_FALSE(again);
  read([&](Tx& tx) { current = tx.escalations().current_escalation(number_); });
  ASSERT_TRUE(current);
  EXPECT_EQ(current->id, first);
  write([&](Tx& tx) { tx.escalations().end_escalation(first, std::nullopt, 600); });
  std::vector<core::Escalation> all;
  read([&](Tx& tx) {
    current = tx.escalations().current_escalation(number_);
    all = tx.escalations().ticket_escalations(number_);
  });
  EXPECT_FALSE(current);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, first);
  EXPECT_EQ(all[0].ended_at, 600);
  EXPECT_EQ(all[0].ended_by, std::nullopt);
  EXPECT_EQ(all[1].ended_at, 400);
  EXPECT_EQ(all[1].ended_by, agent_);
}

TEST_P(EscalationsContract, AContactNamesItsServiceAndAnUnknownOneNone) {
  core::Service s;
  s.name = "Federal records database";
  s.created_at = s.updated_at = 100;
  core::ServiceContact c;
  c.kind = core::ContactKind::phone;
  c.value = "+1 555 0100";
  c.created_at = 100;
  s.contacts.push_back(c);
  Id service = 0, contact = 0;
  write([&](Tx& tx) {
    service = tx.services().insert_service(s);
    contact = tx.services().service_by_id(service)->contacts.at(0).id;
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.escalations().service_of_contact(contact), service);
    EXPECT_EQ(tx.escalations().service_of_contact(contact + 1000), std::nullopt);
  });
  core::Escalation e;
  e.ticket_number = number_;
  e.contact_id = contact;
  e.service_id = service;
  e.contact_label = "phone +1 555 0100";
  e.summary = "called them";
  e.at = 300;
  write([&](Tx& tx) { tx.escalations().insert_escalation(e); });
  read([&](Tx& tx) {
    auto got = tx.escalations().current_escalation(number_);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->contact_id, contact);
    EXPECT_EQ(got->service_id, service);
    EXPECT_EQ(got->contact_label, "phone +1 555 0100");
    EXPECT_EQ(got->by_id, std::nullopt);
    EXPECT_EQ(got->by_name, "");
  });
}

TEST_P(EscalationsContract, ATicketSaysWhichOfItsOptionalPartsExist) {
  auto parts = [&] {
    std::optional<std::pair<core::Ticket, TicketRepository::TicketParts>> got;
    read([&](Tx& tx) { got = tx.tickets().ticket_with_parts(number_); });
    EXPECT_TRUE(got);
    EXPECT_EQ(got->first.number, number_);
    EXPECT_EQ(got->first.subject, "Cannot reach the records database");
    return got->second;
  };
  EXPECT_FALSE(parts().fields);
  EXPECT_FALSE(parts().escalations);
  EXPECT_FALSE(parts().promises);
  escalate(team_, "to tier 2", 200);
  EXPECT_TRUE(parts().escalations);
  EXPECT_FALSE(parts().promises);
  core::Promise p;
  p.ticket_number = number_;
  p.owner_id = agent_;
  p.text = "call back";
  p.due_at = 5000;
  p.remind_at = 4000;
  p.created_at = 300;
  write([&](Tx& tx) { tx.promises().insert_promise(p); });
  EXPECT_TRUE(parts().promises);
  EXPECT_FALSE(parts().fields);
  read([&](Tx& tx) { EXPECT_FALSE(tx.tickets().ticket_with_parts(number_ + 1000)); });
}

}  // namespace
}  // namespace frontline::store::contract
