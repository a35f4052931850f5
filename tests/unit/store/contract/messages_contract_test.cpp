// Store contract, run against every engine: messages and attachment records: listing order and
// internal notes, email Message-IDs received and sent, merging, and which bodies feed search.
#include <gtest/gtest.h>

#include <algorithm>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class MessagesContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (IsSkipped()) return;
    customer_ = user("carla@x.com");
    agent_ = user("aziz@x.com", core::Role::agent);
  }

  // A message that came (or went) by email with this Message-ID.
  core::Id email(core::Id ticket_number, const std::string& message_id, core::UnixTime at) {
    core::Id id = 0;
    write([&](Tx& tx) {
      core::Message m;
      m.ticket_number = ticket_number;
      m.author_id = customer_;
      m.body = "by mail";
      m.created_at = at;
      m.email_message_id = message_id;
      id = tx.messages().insert_message(m);
    });
    return id;
  }

  // A notification queued for sending, as the mail consumer queues it.
  void sent(std::optional<core::Id> ticket_number, const std::string& message_id,
            core::UnixTime at) {
    const core::Id event_id = ++last_event_;  // outside the unit, which may run again
    write([&](Tx& tx) {
      core::OutboundMail m;
      m.event_id = event_id;
      m.kind = "reply";
      m.ticket_number = ticket_number;
      m.recipient = "carla@x.com";
      m.subject = "Re: your ticket";
      m.body = "answered";
      m.message_id = message_id;
      m.next_attempt_at = at;
      m.created_at = at;
      ASSERT_TRUE(tx.mail().insert_outbound_mail(m));
    });
  }

  core::Id attach(core::Id ticket_number, std::optional<core::Id> message_id,
                  const std::string& filename) {
    core::Id id = 0;
    write([&](Tx& tx) {
      core::Attachment a;
      a.ticket_number = ticket_number;
      a.message_id = message_id;
      a.filename = filename;
      a.content_type = "image/png";
      a.size = 2048;
      a.sha256 = std::string(64, 'a');
      a.created_at = 77;
      id = tx.messages().insert_attachment(a);
    });
    return id;
  }

  std::vector<core::Id> ids(core::Id ticket_number, bool include_internal) {
    std::vector<core::Id> out;
    read([&](Tx& tx) {
      for (const auto& m : tx.messages().list_messages(ticket_number, include_internal)) {
        out.push_back(m.id);
      }
    });
    return out;
  }

  std::vector<core::Id> found(const TicketFilter& f) {
    std::vector<core::Id> out;
    read([&](Tx& tx) {
      for (const auto& t : tx.tickets().list_tickets(f).items) out.push_back(t.number);
    });
    std::sort(out.begin(), out.end());
    return out;
  }

  using Ids = std::vector<core::Id>;
  core::Id customer_ = 0;
  core::Id agent_ = 0;
  core::Id last_event_ = 0;
};
FRONTLINE_STORE_CONTRACT(MessagesContract);

TEST_P(MessagesContract, ListingIsOldestFirstAndShowsInternalNotesOnlyWhenAsked) {
  auto t = ticket(customer_, "Kettle", 1).number;
  auto other = ticket(customer_, "Toaster", 2).number;
  // Inserted in this order with times out of order: the listing follows insertion.
  auto reply = message(t, customer_, "it leaks", core::MessageKind::public_reply, 30);
  auto note = message(t, agent_, "warranty expired", core::MessageKind::internal_note, 10);
  auto line = message(t, agent_, "status changed", core::MessageKind::system, 20);
  message(other, customer_, "elsewhere");
  EXPECT_EQ(ids(t, false), (Ids{reply, line}));
  EXPECT_EQ(ids(t, true), (Ids{reply, note, line}));
  read([&](Tx& tx) {
    auto all = tx.messages().list_messages(t, true);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].author_name, "carla");
    EXPECT_EQ(all[1].kind, core::MessageKind::internal_note);
    EXPECT_EQ(all[1].body, "warranty expired");
    EXPECT_EQ(all[2].kind, core::MessageKind::system);
    EXPECT_TRUE(tx.messages().list_messages(999, true).empty());
  });
}

TEST_P(MessagesContract, MessageByIdRoundTripsEveryField) {
  auto t = ticket(customer_, "Kettle", 1).number;
  core::Id id = 0;
  write([&](Tx& tx) {
    core::Message m;
    m.ticket_number = t;
    m.author_id = customer_;
    m.body = "sent from my phone";
    m.created_at = 1234;
    m.email_message_id = "abc@phone.example";
    m.unverified_sender = true;
    m.html = "<p>sent from my <b>phone</b></p>";
    id = tx.messages().insert_message(m);
  });
  auto plain = message(t, agent_, "on it");
  read([&](Tx& tx) {
    auto m = tx.messages().message_by_id(id);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->id, id);
    EXPECT_EQ(m->ticket_number, t);
    EXPECT_EQ(m->kind, core::MessageKind::public_reply);
    EXPECT_EQ(m->author_id, customer_);
    EXPECT_EQ(m->author_name, "carla");
    EXPECT_EQ(m->body, "sent from my phone");
    EXPECT_EQ(m->created_at, 1234);
    EXPECT_EQ(m->email_message_id, "abc@phone.example");
    EXPECT_TRUE(m->unverified_sender);
    EXPECT_EQ(m->html, "<p>sent from my <b>phone</b></p>");
    EXPECT_EQ(tx.messages().list_messages(t, false).at(0).html, m->html);
    auto p = tx.messages().message_by_id(plain);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->email_message_id, "");
    EXPECT_FALSE(p->unverified_sender);
    EXPECT_EQ(p->html, "");
    EXPECT_FALSE(tx.messages().message_by_id(999));
  });
}

TEST_P(MessagesContract, AttachmentsRoundTripAndAreListedWithTheirMessage) {
  auto t = ticket(customer_, "Kettle", 1).number;
  auto reply = message(t, customer_, "photo attached");
  auto note = message(t, agent_, "scan of receipt", core::MessageKind::internal_note);
  auto photo = attach(t, reply, "leak.png");
  auto receipt = attach(t, note, "receipt.png");
  auto loose = attach(t, std::nullopt, "draft.png");  // not on a message yet
  read([&](Tx& tx) {
    auto a = tx.messages().attachment_by_id(photo);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, photo);
    EXPECT_EQ(a->ticket_number, t);
    EXPECT_EQ(a->message_id, reply);
    EXPECT_EQ(a->filename, "leak.png");
    EXPECT_EQ(a->content_type, "image/png");
    EXPECT_EQ(a->size, 2048);
    EXPECT_EQ(a->sha256, std::string(64, 'a'));
    EXPECT_EQ(a->created_at, 77);
    auto l = tx.messages().attachment_by_id(loose);
    ASSERT_TRUE(l);
    EXPECT_FALSE(l->message_id);
    EXPECT_FALSE(tx.messages().attachment_by_id(999));

    auto customer_view = tx.messages().list_messages(t, false);
    ASSERT_EQ(customer_view.size(), 1u);
    ASSERT_EQ(customer_view[0].attachments.size(), 1u);
    EXPECT_EQ(customer_view[0].attachments[0].id, photo);
    auto staff_view = tx.messages().list_messages(t, true);
    ASSERT_EQ(staff_view.size(), 2u);
    ASSERT_EQ(staff_view[1].attachments.size(), 1u);
    EXPECT_EQ(staff_view[1].attachments[0].id, receipt);
  });
}

TEST_P(MessagesContract, EmailMessageIdFindsItsTicketWhetherReceivedOrSent) {
  auto t = ticket(customer_, "Kettle", 1).number;
  auto other = ticket(customer_, "Toaster", 2).number;
  email(t, "in-1@mail.example", 10);
  sent(other, "out-1@frontline.example", 20);
  sent(std::nullopt, "report-1@frontline.example", 30);  // a mail about no ticket
  read([&](Tx& tx) {
    EXPECT_EQ(tx.messages().ticket_by_email_message_id("in-1@mail.example"), t);
    EXPECT_EQ(tx.messages().ticket_by_email_message_id("out-1@frontline.example"), other);
    EXPECT_FALSE(tx.messages().ticket_by_email_message_id("report-1@frontline.example"));
    EXPECT_FALSE(tx.messages().ticket_by_email_message_id("unknown@mail.example"));
  });
}

TEST_P(MessagesContract, TicketEmailMessageIdsAreOldestFirstReceivedAndSent) {
  auto t = ticket(customer_, "Kettle", 1).number;
  auto other = ticket(customer_, "Toaster", 2).number;
  sent(t, "b-sent@frontline.example", 150);
  email(t, "c-received@mail.example", 200);
  email(t, "a-received@mail.example", 100);
  sent(t, "d-sent@frontline.example", 200);    // same second as c: received first
  message(t, agent_, "typed in the web app");  // no Message-ID
  email(other, "elsewhere@mail.example", 50);
  read([&](Tx& tx) {
    EXPECT_EQ(tx.messages().ticket_email_message_ids(t),
              (std::vector<std::string>{"a-received@mail.example", "b-sent@frontline.example",
                                        "c-received@mail.example", "d-sent@frontline.example"}));
  });
}

TEST_P(MessagesContract, MergeMovesMessagesAttachmentsAndWordsKeepingIdsAndOrder) {
  auto target = ticket(customer_, "Toaster sparks", 1).number;
  auto source = ticket(customer_, "Kettle broken", 2).number;
  auto first = message(target, customer_, "smoke everywhere");
  auto reply = message(source, customer_, "limescale inside");
  auto note = message(source, agent_, "refund approved", core::MessageKind::internal_note);
  auto photo = attach(source, reply, "kettle.png");
  write([&](Tx& tx) { tx.messages().move_messages(source, target); });

  EXPECT_EQ(ids(target, true), (Ids{first, reply, note}));
  EXPECT_EQ(ids(source, true), Ids{});
  read([&](Tx& tx) {
    EXPECT_EQ(tx.messages().message_by_id(reply)->ticket_number, target);
    EXPECT_EQ(tx.messages().attachment_by_id(photo)->ticket_number, target);
    auto moved = tx.messages().list_messages(target, false);
    ASSERT_EQ(moved.size(), 2u);
    ASSERT_EQ(moved[1].attachments.size(), 1u);
    EXPECT_EQ(moved[1].attachments[0].id, photo);
  });

  // The target is found by the merged ticket's words; its internal words stay internal.
  auto has_target = [&](const TicketFilter& f) {
    auto numbers = found(f);
    return std::find(numbers.begin(), numbers.end(), target) != numbers.end();
  };
  EXPECT_TRUE(has_target(search("kettle")));
  EXPECT_TRUE(has_target(search("limescale")));
  EXPECT_FALSE(has_target(search("refund")));
  auto staff = search("refund");
  staff.text_includes_internal = true;
  EXPECT_TRUE(has_target(staff));
}

TEST_P(MessagesContract, UnindexedMessageIsListedButNotSearched) {
  auto quiet = ticket(customer_, "Fan noise", 1).number;
  auto loud = ticket(customer_, "Fan noise", 2).number;
  core::Id unindexed = 0;
  write([&](Tx& tx) {
    core::Message m;
    m.ticket_number = quiet;
    m.author_id = customer_;
    m.body = "a gargoyle hums";
    unindexed = tx.messages().insert_message_unindexed(m);
  });
  message(loud, customer_, "a gargoyle hums");
  EXPECT_EQ(ids(quiet, false), Ids{unindexed});
  EXPECT_EQ(found(search("gargoyle")), Ids{loud});
}

}  // namespace
}  // namespace frontline::store::contract
