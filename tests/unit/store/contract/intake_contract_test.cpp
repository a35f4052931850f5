// Store contract, run against every engine: intake questions and ticket fields. Focus: a form is
// the category's questions (any case) then the service's, each by position; inactive questions
// only on request; choices and fields read back in order; set_fields replaces an answer in place;
// a deleted question leaves its answers; field filters find tickets by key and value (any case);
// the answer report counts tickets per answer in a creation range, open ones apart.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

using core::Id;
using core::IntakeKind;
using core::IntakeQuestion;

class IntakeContract : public StoreContract {
 protected:
  Id question(const std::string& category, std::optional<Id> service, std::int64_t position,
              const std::string& key, IntakeKind kind = IntakeKind::text, bool active = true,
              std::vector<std::string> choices = {}) {
    IntakeQuestion q;
    q.category = category;
    q.service_id = service;
    q.position = position;
    q.key = key;
    q.kind = kind;
    q.label = "Question " + key;
    q.help = "help for " + key;
    q.choices = std::move(choices);
    q.required = position % 2 == 1;
    q.active = active;
    q.created_at = q.updated_at = 100;
    Id id = 0;
    write([&](Tx& tx) { id = tx.intake().insert_question(q); });
    return id;
  }

  Id service(const std::string& name) {
    core::Service s;
    s.name = name;
    s.created_at = s.updated_at = 100;
    Id id = 0;
    write([&](Tx& tx) { id = tx.services().insert_service(s); });
    return id;
  }

  std::vector<std::string> form_keys(const std::string& category, std::optional<Id> service,
                                     bool inactive = false) {
    std::vector<std::string> keys;
    read([&](Tx& tx) {
      for (const auto& q : tx.intake().form_questions(category, service, inactive)) {
        keys.push_back(q.key);
      }
    });
    return keys;
  }
};
FRONTLINE_STORE_CONTRACT(IntakeContract);

TEST_P(IntakeContract, AFormIsTheCategorysQuestionsThenTheServicesInPositionOrder) {
  const Id vpn = service("VPN");
  question("Hardware", std::nullopt, 2, "serial", IntakeKind::serial);
  question("Hardware", std::nullopt, 1, "error", IntakeKind::error_message);
  question("Network", std::nullopt, 1, "other_category");
  question("", vpn, 5, "client", IntakeKind::choice, true, {"Windows", "macOS", "Linux"});
  question("", vpn, 3, "others", IntakeKind::yes_no);
  question("Hardware", std::nullopt, 3, "retired", IntakeKind::text, false);

  EXPECT_EQ(form_keys("hardware", vpn),
            (std::vector<std::string>{"error", "serial", "others", "client"}));
  EXPECT_EQ(form_keys("HARDWARE", std::nullopt, true),
            (std::vector<std::string>{"error", "serial", "retired"}));
  EXPECT_EQ(form_keys("", vpn), (std::vector<std::string>{"others", "client"}));
  EXPECT_TRUE(form_keys("Software", std::nullopt).empty());
  EXPECT_TRUE(form_keys("", std::nullopt).empty());

  read([&](Tx& tx) {
    auto all = tx.intake().list_questions();
    ASSERT_EQ(all.size(), 6u);
    EXPECT_EQ(all[0].key, "error");  // Hardware, then Network, then the service's
    EXPECT_EQ(all[3].key, "other_category");
    EXPECT_EQ(all[4].key, "others");
    EXPECT_EQ(all[5].choices, (std::vector<std::string>{"Windows", "macOS", "Linux"}));
    EXPECT_EQ(all[5].service_id, vpn);
    EXPECT_TRUE(all[5].category.empty());
  });
}

TEST_P(IntakeContract, AQuestionReadsBackAsWrittenAndUpdatesAndDeletesOnce) {
  const Id id = question("Hardware", std::nullopt, 1, "model", IntakeKind::choice, true,
                         {"Laptop", "Desktop"});
  std::optional<IntakeQuestion> q;
  read([&](Tx& tx) { q = tx.intake().question_by_id(id); });
  ASSERT_TRUE(q);
  EXPECT_EQ(q->category, "Hardware");
  EXPECT_FALSE(q->service_id);
  EXPECT_EQ(q->label, "Question model");
  EXPECT_EQ(q->help, "help for model");
  EXPECT_EQ(q->kind, IntakeKind::choice);
  EXPECT_TRUE(q->required);
  EXPECT_TRUE(q->active);
  EXPECT_EQ(q->created_at, 100);

  q->label = "Machine type";
  q->choices = {"Laptop", "Desktop", "Tablet"};
  q->required = false;
  q->active = false;
  q->updated_at = 200;
  write([&](Tx& tx) { EXPECT_TRUE(tx.intake().update_question(*q)); });
  read([&](Tx& tx) {
    auto again = tx.intake().question_by_id(id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->label, "Machine type");
    EXPECT_EQ(again->choices.size(), 3u);
    EXPECT_FALSE(again->required);
    EXPECT_FALSE(again->active);
    EXPECT_EQ(again->updated_at, 200);
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.intake().delete_question(id));
    EXPECT_FALSE(tx.intake().delete_question(id));
    IntakeQuestion gone = *q;
    EXPECT_FALSE(tx.intake().update_question(gone));
  });
  read([&](Tx& tx) { EXPECT_FALSE(tx.intake().question_by_id(id)); });
}

TEST_P(IntakeContract, FieldsReadBackInOrderReplaceInPlaceAndOutliveTheirQuestion) {
  const Id ann = user("ann@example.com");
  const auto t = ticket(ann, "Laptop will not boot", 1000);
  const Id serial = question("Hardware", std::nullopt, 1, "serial", IntakeKind::serial);
  const Id error = question("Hardware", std::nullopt, 2, "error", IntakeKind::error_message);
  // The ticket says it has answers once it has some (its page reads them only then).
  const auto has_fields = [&] {
    bool has = false;
    read([&](Tx& tx) { has = tx.tickets().ticket_with_parts(t.number)->second.fields; });
    return has;
  };
  EXPECT_FALSE(has_fields());
  write([&](Tx& tx) {
    tx.intake().set_fields(
        t.number, {{serial, "serial", "Serial number", IntakeKind::serial, "ABC123"},
                   {error, "error", "Error", IntakeKind::error_message, "line 1\n  line 2"}});
  });
  write([&](Tx& tx) {
    tx.intake().set_fields(t.number,
                           {{serial, "serial", "Serial number", IntakeKind::serial, "XYZ9"},
                            {77, "others", "Others too?", IntakeKind::yes_no, "yes"}});
    tx.intake().delete_question(serial);
  });
  read([&](Tx& tx) {
    auto fields = tx.intake().ticket_fields(t.number);
    ASSERT_EQ(fields.size(), 3u);
    EXPECT_EQ(fields[0].question_id, serial);
    EXPECT_EQ(fields[0].value, "XYZ9");
    EXPECT_EQ(fields[1].value, "line 1\n  line 2");
    EXPECT_EQ(fields[1].kind, IntakeKind::error_message);
    EXPECT_EQ(fields[2].key, "others");
    EXPECT_EQ(fields[2].label, "Others too?");
    EXPECT_TRUE(tx.intake().ticket_fields(t.number + 1).empty());
  });
  EXPECT_TRUE(has_fields());
}

TEST_P(IntakeContract, FieldFiltersFindTicketsByKeyAndValueIgnoringCase) {
  const Id ann = user("ann@example.com");
  const auto a = ticket(ann, "first", 1000);
  const auto b = ticket(ann, "second", 2000);
  write([&](Tx& tx) {
    tx.intake().set_fields(a.number, {{1, "serial", "Serial", IntakeKind::serial, "ABC123"},
                                      {2, "others", "Others?", IntakeKind::yes_no, "yes"}});
    tx.intake().set_fields(b.number, {{1, "serial", "Serial", IntakeKind::serial, "ABC124"},
                                      {2, "others", "Others?", IntakeKind::yes_no, "yes"}});
  });
  auto numbers = [&](std::vector<std::pair<std::string, std::string>> fields) {
    TicketFilter f;
    f.fields = std::move(fields);
    std::vector<Id> out;
    read([&](Tx& tx) {
      for (const auto& t : tx.tickets().list_tickets(f).items) out.push_back(t.number);
      EXPECT_EQ(tx.tickets().count_tickets(f, 100), static_cast<std::int64_t>(out.size()));
    });
    return out;
  };
  EXPECT_EQ(numbers({{"serial", "abc123"}}), std::vector<Id>{a.number});
  EXPECT_EQ(numbers({{"others", "YES"}}), (std::vector<Id>{b.number, a.number}));
  EXPECT_EQ(numbers({{"others", "yes"}, {"serial", "ABC124"}}), std::vector<Id>{b.number});
  EXPECT_TRUE(numbers({{"serial", "ABC12"}}).empty());
  EXPECT_TRUE(numbers({{"model", "ABC123"}}).empty());
}

TEST_P(IntakeContract, AnswerCountsGroupTicketsByAnswerIgnoringCaseMostFirstInTheirRange) {
  const Id ann = user("ann@example.com");
  auto a = ticket(ann, "a", 1000);
  auto b = ticket(ann, "b", 1500);
  auto c = ticket(ann, "c", 1999);
  auto early = ticket(ann, "too early", 999);
  auto late = ticket(ann, "too late", 2000);
  auto merged = ticket(ann, "merged away", 1200);
  auto field = [](std::string key, std::string value, Id id = 1) {
    return core::TicketField{id, std::move(key), "Label", IntakeKind::text, std::move(value)};
  };
  write([&](Tx& tx) {
    tx.intake().set_fields(a.number, {field("os", "windows"), field("model", "X1", 3)});
    tx.intake().set_fields(b.number, {field("os", "Windows"), field("os", "Linux", 2)});
    tx.intake().set_fields(c.number, {field("os", "Linux")});
    tx.intake().set_fields(early.number, {field("os", "Linux")});
    tx.intake().set_fields(late.number, {field("os", "Linux")});
    tx.intake().set_fields(merged.number, {field("os", "Linux")});
    a.status = core::Status::resolved;
    c.status = core::Status::closed;
    merged.status = core::Status::closed;
    merged.merged_into = c.number;
    for (auto* t : {&a, &c, &merged}) ++t->version;
    tx.tickets().update_ticket(a);
    tx.tickets().update_ticket(c);
    tx.tickets().update_ticket(merged);
  });
  read([&](Tx& tx) {
    auto counts = tx.intake().answer_counts("os", 1000, 2000, 10);
    ASSERT_EQ(counts.size(), 2u);
    // Ties by answer: "Linux" before "Windows"; the spelling shown is the byte-wise smallest.
    EXPECT_EQ(counts[0].value, "Linux");
    EXPECT_EQ(counts[0].tickets, 2);
    EXPECT_EQ(counts[0].open, 1);  // b; c is closed
    EXPECT_EQ(counts[1].value, "Windows");
    EXPECT_EQ(counts[1].tickets, 2);
    EXPECT_EQ(counts[1].open, 1);  // b; a is resolved
    auto one = tx.intake().answer_counts("os", 1000, 2000, 1);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].value, "Linux");
    auto wide = tx.intake().answer_counts("os", 0, 10000, 10);
    ASSERT_EQ(wide.size(), 2u);
    EXPECT_EQ(wide[0].value, "Linux");
    EXPECT_EQ(wide[0].tickets, 4);  // early and late too; never the merged one
    EXPECT_TRUE(tx.intake().answer_counts("OS", 1000, 2000, 10).empty());
    EXPECT_TRUE(tx.intake().answer_counts("serial", 0, 10000, 10).empty());
  });
}

}  // namespace
}  // namespace frontline::store::contract
