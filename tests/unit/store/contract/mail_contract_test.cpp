// Store contract, run against every engine: mail templates, the outgoing queue and the IMAP
// messages being taken in. Focus: a mail is queued at most once per (event, kind, recipient);
// only queued mail whose next attempt has come is due, earliest first; pending UIDs are a set.
#include <gtest/gtest.h>

#include <algorithm>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class MailContract : public StoreContract {
 protected:
  // A queued mail for (event, kind, recipient) whose Message-ID names all three.
  static core::OutboundMail mail(Id event_id, const std::string& kind, const std::string& recipient,
                                 UnixTime next_attempt_at = 0) {
    core::OutboundMail m;
    m.event_id = event_id;
    m.kind = kind;
    m.recipient = recipient;
    m.subject = "Subject " + std::to_string(event_id);
    m.body = "Body";
    m.message_id = "<" + std::to_string(event_id) + "." + kind + "." + recipient + ">";
    m.next_attempt_at = next_attempt_at;
    m.created_at = next_attempt_at;
    return m;
  }
  bool queue(const core::OutboundMail& m) {
    bool queued = false;
    write([&](Tx& tx) { queued = tx.mail().insert_outbound_mail(m); });
    return queued;
  }
  std::vector<core::OutboundMail> due(UnixTime now, int limit = 100) {
    std::vector<core::OutboundMail> out;
    read([&](Tx& tx) { out = tx.mail().due_outbound_mail(now, limit); });
    return out;
  }
  static std::vector<std::string> recipients(const std::vector<core::OutboundMail>& mails) {
    std::vector<std::string> out;
    for (const auto& m : mails) out.push_back(m.recipient);
    return out;
  }
};
FRONTLINE_STORE_CONTRACT(MailContract);

TEST_P(MailContract, TemplateIsSetReplacedAndDeletedPerKind) {
  read([&](Tx& tx) { EXPECT_FALSE(tx.mail().mail_template("reply")); });
  write([&](Tx& tx) {
    tx.mail().set_mail_template("reply", {"Re: {{subject}}", "Hello", ""}, 10);
    tx.mail().set_mail_template("acknowledgement", {"Got it", "Thanks", "<p>Thanks</p>"}, 10);
  });
  write([&](Tx& tx) { tx.mail().set_mail_template("reply", {"New", "Hi", "<p>Hi</p>"}, 20); });
  read([&](Tx& tx) {
    auto reply = tx.mail().mail_template("reply");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->subject, "New");
    EXPECT_EQ(reply->body, "Hi");
    EXPECT_EQ(reply->html, "<p>Hi</p>");
    auto ack = tx.mail().mail_template("acknowledgement");
    ASSERT_TRUE(ack);
    EXPECT_EQ(ack->subject, "Got it");
    EXPECT_EQ(ack->html, "<p>Thanks</p>");
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.mail().delete_mail_template("reply"));
    EXPECT_FALSE(tx.mail().delete_mail_template("reply"));  // already gone
    EXPECT_FALSE(tx.mail().delete_mail_template("assignment"));
  });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.mail().mail_template("reply"));
    EXPECT_TRUE(tx.mail().mail_template("acknowledgement"));
  });
}

TEST_P(MailContract, OutboundMailRoundTripsEveryField) {
  auto m = mail(7, "reply", "cust@x.com", 50);
  m.ticket_number = 1042;
  m.html = "<p>Body</p>";
  m.in_reply_to = "<parent@x.com>";
  m.references = {"<root@x.com>", "<parent@x.com>"};
  m.auto_submitted = "auto-replied";
  ASSERT_TRUE(queue(m));
  auto queued = due(50);
  ASSERT_EQ(queued.size(), 1u);
  const Id id = queued[0].id;
  read([&](Tx& tx) {
    auto got = tx.mail().outbound_mail_by_id(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->event_id, 7);
    EXPECT_EQ(got->kind, "reply");
    EXPECT_EQ(got->ticket_number, 1042);
    EXPECT_EQ(got->recipient, "cust@x.com");
    EXPECT_EQ(got->subject, m.subject);
    EXPECT_EQ(got->body, "Body");
    EXPECT_EQ(got->html, "<p>Body</p>");
    EXPECT_EQ(got->message_id, m.message_id);
    EXPECT_EQ(got->in_reply_to, "<parent@x.com>");
    EXPECT_EQ(got->references, m.references);
    EXPECT_EQ(got->auto_submitted, "auto-replied");
    EXPECT_EQ(got->status, core::MailStatus::queued);
    EXPECT_EQ(got->attempts, 0);
    EXPECT_EQ(got->next_attempt_at, 50);
    EXPECT_TRUE(got->last_error.empty());
    EXPECT_EQ(got->created_at, 50);
    EXPECT_FALSE(tx.mail().outbound_mail_by_id(id + 100));
  });
}

TEST_P(MailContract, AMailWithoutTicketOrReferencesRoundTripsEmpty) {
  ASSERT_TRUE(queue(mail(20000, "morning_report", "agent@x.com")));
  auto queued = due(0);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_FALSE(queued[0].ticket_number);
  EXPECT_TRUE(queued[0].references.empty());
  EXPECT_TRUE(queued[0].html.empty());
  EXPECT_EQ(queued[0].auto_submitted, "no");
}

TEST_P(MailContract, AMailIsQueuedAtMostOncePerEventKindAndRecipient) {
  EXPECT_TRUE(queue(mail(1, "reply", "a@x.com")));
  auto again = mail(1, "reply", "a@x.com");
  again.message_id = "<another-id@x.com>";
  again.subject = "Second try";
  EXPECT_FALSE(queue(again));
  EXPECT_TRUE(queue(mail(1, "reply", "b@x.com")));            // another recipient
  EXPECT_TRUE(queue(mail(1, "acknowledgement", "a@x.com")));  // another kind
  EXPECT_TRUE(queue(mail(2, "reply", "a@x.com")));            // another event
  auto all = due(0);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].subject, "Subject 1");  // the first one queued stays as it was
}

TEST_P(MailContract, AMailWhoseMessageIdIsTakenIsNotQueued) {
  auto first = mail(1, "reply", "a@x.com");
  auto clash = mail(2, "reply", "b@x.com");
  clash.message_id = first.message_id;
  EXPECT_TRUE(queue(first));
  EXPECT_FALSE(queue(clash));
  EXPECT_EQ(recipients(due(0)), (std::vector<std::string>{"a@x.com"}));
}

TEST_P(MailContract, OnlyQueuedMailWhoseAttemptHasComeIsDueEarliestFirst) {
  queue(mail(1, "reply", "later@x.com", 300));
  queue(mail(2, "reply", "first@x.com", 100));
  queue(mail(3, "reply", "second@x.com", 200));
  queue(mail(4, "reply", "tie@x.com", 200));  // same time: the older row first
  queue(mail(5, "reply", "future@x.com", 1000));
  EXPECT_EQ(recipients(due(300)),
            (std::vector<std::string>{"first@x.com", "second@x.com", "tie@x.com", "later@x.com"}));
  EXPECT_EQ(recipients(due(200, 2)), (std::vector<std::string>{"first@x.com", "second@x.com"}));
  EXPECT_EQ(recipients(due(199)), (std::vector<std::string>{"first@x.com"}));
  EXPECT_TRUE(due(99).empty());
}

TEST_P(MailContract, SentAndFailedMailIsNeverDueAndAnUpdateWritesOnlyDeliveryFields) {
  queue(mail(1, "reply", "sent@x.com", 10));
  queue(mail(2, "reply", "failed@x.com", 10));
  queue(mail(3, "reply", "retry@x.com", 10));
  auto queued = due(10);
  ASSERT_EQ(queued.size(), 3u);
  write([&](Tx& tx) {
    auto sent = queued[0];
    sent.status = core::MailStatus::sent;
    sent.attempts = 1;
    sent.subject = "not written";
    tx.mail().update_outbound_mail(sent, 11);
    auto failed = queued[1];
    failed.status = core::MailStatus::failed;
    failed.attempts = 5;
    failed.last_error = "550 no such user";
    tx.mail().update_outbound_mail(failed, 11);
    auto retry = queued[2];
    retry.attempts = 1;
    retry.next_attempt_at = 70;
    retry.last_error = "421 try later";
    tx.mail().update_outbound_mail(retry, 11);
  });
  EXPECT_TRUE(due(69).empty());
  EXPECT_EQ(recipients(due(1000)), (std::vector<std::string>{"retry@x.com"}));
  read([&](Tx& tx) {
    auto sent = tx.mail().outbound_mail_by_id(queued[0].id);
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, core::MailStatus::sent);
    EXPECT_EQ(sent->attempts, 1);
    EXPECT_EQ(sent->subject, "Subject 1");
    auto failed = tx.mail().outbound_mail_by_id(queued[1].id);
    EXPECT_EQ(failed->status, core::MailStatus::failed);
    EXPECT_EQ(failed->attempts, 5);
    EXPECT_EQ(failed->last_error, "550 no such user");
    auto retry = tx.mail().outbound_mail_by_id(queued[2].id);
    EXPECT_EQ(retry->status, core::MailStatus::queued);
    EXPECT_EQ(retry->attempts, 1);
    EXPECT_EQ(retry->next_attempt_at, 70);
    EXPECT_EQ(retry->last_error, "421 try later");
  });
}

TEST_P(MailContract, MailRecipientsAreThoseQueuedForTheEventAndKindWhateverTheirStatus) {
  queue(mail(20000, "morning_report", "ana@x.com"));
  queue(mail(20000, "morning_report", "bo@x.com"));
  queue(mail(20001, "morning_report", "ana@x.com"));
  queue(mail(20000, "reply", "cy@x.com"));
  write([&](Tx& tx) {
    auto m = tx.mail().due_outbound_mail(0, 1)[0];
    m.status = core::MailStatus::sent;
    tx.mail().update_outbound_mail(m, 1);
  });
  read([&](Tx& tx) {
    auto sent = tx.mail().mail_recipients(20000, "morning_report");
    std::sort(sent.begin(), sent.end());
    EXPECT_EQ(sent, (std::vector<std::string>{"ana@x.com", "bo@x.com"}));
    EXPECT_EQ(tx.mail().mail_recipients(20001, "morning_report"),
              (std::vector<std::string>{"ana@x.com"}));
    EXPECT_TRUE(tx.mail().mail_recipients(20002, "morning_report").empty());
    EXPECT_TRUE(tx.mail().mail_recipients(20001, "reply").empty());
  });
}

TEST_P(MailContract, ImapPendingUidsAreASetPerMailboxInAscendingOrder) {
  write([&](Tx& tx) {
    tx.mail().add_imap_pending("INBOX", 42);
    tx.mail().add_imap_pending("INBOX", 7);
    tx.mail().add_imap_pending("INBOX", 42);  // once only
    tx.mail().add_imap_pending("Support", 7);
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.mail().imap_pending("INBOX"), (std::vector<std::int64_t>{7, 42}));
    EXPECT_EQ(tx.mail().imap_pending("Support"), (std::vector<std::int64_t>{7}));
    EXPECT_TRUE(tx.mail().imap_pending("Archive").empty());
  });
  write([&](Tx& tx) {
    tx.mail().remove_imap_pending("INBOX", 7);
    tx.mail().remove_imap_pending("INBOX", 7);     // already gone: nothing changes
    tx.mail().remove_imap_pending("Archive", 42);  // another mailbox's UID stays
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.mail().imap_pending("INBOX"), (std::vector<std::int64_t>{42}));
    EXPECT_EQ(tx.mail().imap_pending("Support"), (std::vector<std::int64_t>{7}));
  });
}

}  // namespace
}  // namespace frontline::store::contract
