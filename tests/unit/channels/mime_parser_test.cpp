// The email channel's parsing: charsets to UTF-8, text/plain preferred, HTML as text,
// attachments, threading headers, the headers the filters read, and unreadable input.
#include "channels/email/mime_parser.hpp"

#include <gtest/gtest.h>

#include "channels/email/html_sanitizer.hpp"
#include "channels/email/html_to_text.hpp"
#include "core/text.hpp"

namespace frontline::channels::email {
namespace {

TEST(MimeParser, DecodesLatin1QuotedPrintableSubjectAndBodyToUtf8) {
  auto m = parse_message(
      "From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <Juergen@Example.COM>\r\n"
      "To: help@desk.example\r\n"
      "Subject: =?iso-8859-1?q?Drucker_st=F6rt?=\r\n"
      "Message-ID: <abc@mail.example>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=iso-8859-1\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      "Gr=FC=DFe aus K=F6ln\r\n");
  EXPECT_TRUE(m.parsed_fully);
  EXPECT_EQ(m.from_email, "juergen@example.com");
  EXPECT_EQ(m.from_name, "J\xC3\xBCrgen M\xC3\xBCller");
  EXPECT_EQ(m.subject, "Drucker st\xC3\xB6rt");
  EXPECT_EQ(m.message_id, "abc@mail.example");
  EXPECT_NE(m.text.find("Gr\xC3\xBC\xC3\x9F"
                        "e aus K\xC3\xB6ln"),
            std::string::npos);
  EXPECT_TRUE(core::is_valid_utf8(m.text));
}

TEST(MimeParser, PrefersPlainTextAndKeepsAttachmentsDecoded) {
  auto m = parse_message(
      "From: a@x.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=B\r\n\r\n"
      "--B\r\nContent-Type: multipart/alternative; boundary=C\r\n\r\n"
      "--C\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain words\r\n"
      "--C\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html words</p>\r\n"
      "--C--\r\n"
      "--B\r\nContent-Type: application/pdf; name=report.pdf\r\n"
      "Content-Disposition: attachment; filename=report.pdf\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
      "--B--\r\n");
  EXPECT_EQ(core::trim(m.text), "plain words");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].filename, "report.pdf");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].bytes, "%PDF-1.4\n");
  EXPECT_EQ(core::trim(m.html), "<p>html words</p>");  // the alternative, sanitised
}

TEST(MimeParser, HtmlOnlyBecomesTextAndTheHtmlIsKept) {
  auto m = parse_message(
      "From: a@x.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/html; charset=utf-8\r\n\r\n"
      "<html><head><style>p{}</style></head><body><p>Hello&nbsp;there</p>"
      "<script>alert(1)</script><p>Line&#32;two &amp; more</p></body></html>");
  EXPECT_EQ(m.text, "Hello there\n\nLine two & more");
  EXPECT_TRUE(m.attachments.empty());
  EXPECT_NE(m.html.find("<p>Hello"), std::string::npos);  // kept, sanitised: no script
  EXPECT_EQ(m.html.find("script"), std::string::npos);
  EXPECT_EQ(m.html.find("alert"), std::string::npos);
}

TEST(MimeParser, ReadsThreadingAndFilterHeaders) {
  auto m = parse_message(
      "From: a@x.example\r\nSubject: Re: [#12] Printer\r\n"
      "In-Reply-To: <ours.2@desk.example>\r\n"
      "References: <first@x.example> <ours.1@desk.example>\r\n"
      "Auto-Submitted: Auto-Replied\r\nPrecedence: Bulk\r\nX-Autoreply: yes\r\n"
      "X-Frontline-Loop: 1\r\n\r\nbody\r\n");
  ASSERT_GE(m.references.size(), 3u);
  EXPECT_EQ(m.references[0], "ours.2@desk.example");
  EXPECT_EQ(m.references[1], "ours.1@desk.example");  // newest reference first
  EXPECT_EQ(m.auto_submitted, "auto-replied");
  EXPECT_EQ(m.precedence, "bulk");
  EXPECT_TRUE(m.x_autoreply);
  EXPECT_TRUE(m.from_frontline);
}

TEST(MimeParser, DeliveryReportNamesTheBouncedMessage) {
  auto m = parse_message(
      "From: MAILER-DAEMON@x.example\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n"
      "--R\r\nContent-Type: text/plain\r\n\r\nCould not deliver.\r\n"
      "--R\r\nContent-Type: message/delivery-status\r\n\r\n"
      "Reporting-MTA: dns; x.example\r\n\r\nFinal-Recipient: rfc822; gone@y.example\r\n"
      "Action: failed\r\nStatus: 5.1.1\r\n"
      "--R\r\nContent-Type: text/rfc822-headers\r\n\r\n"
      "Message-ID: <ours.7@desk.example>\r\nSubject: [#7] Your ticket\r\n"
      "--R--\r\n");
  EXPECT_TRUE(m.is_delivery_report);
  EXPECT_EQ(m.report_status, "failed 5.1.1");
  ASSERT_FALSE(m.references.empty());
  EXPECT_EQ(m.references[0], "ours.7@desk.example");
}

TEST(MimeParser, UndeclaredEightBitTextIsReadAsLatin1) {
  auto m = parse_message("From: a@x.example\r\nSubject: caf\xE9\r\n\r\nna\xEFve\r\n");
  EXPECT_TRUE(core::is_valid_utf8(m.subject));
  EXPECT_TRUE(core::is_valid_utf8(m.text));
  EXPECT_NE(m.text.find("na\xC3\xAFve"), std::string::npos);
}

TEST(MimeParser, UnreadableInputStillYieldsAMessageWithTheOriginalAttached) {
  auto m = parse_message("");  // GMime constructs no message from nothing
  EXPECT_FALSE(m.parsed_fully);
  EXPECT_FALSE(m.text.empty());
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].filename, "original.eml");
}

TEST(MimeParser, BinaryGarbageIsReadAsSomethingValid) {
  const char raw[] = "\x00\x01\x02\xff\xfe not mail at all";
  auto m = parse_message(std::string_view(raw, sizeof raw - 1));
  EXPECT_TRUE(core::is_valid_utf8(m.text));
  EXPECT_TRUE(core::is_valid_utf8(m.subject));
  EXPECT_EQ(m.raw_size, sizeof raw - 1);
}

TEST(MimeParser, MessageOverItsCpuBudgetIsStoredRawUnderItsHeaders) {
  std::string raw =
      "From: Bob <bob@x.example>\r\nSubject: Slow\r\nMessage-ID: <slow@x.example>\r\n"
      "Cc: carol@x.example\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n";
  raw += std::string(4 << 20, '&');
  auto m = parse_message(raw, {.cpu_budget = std::chrono::milliseconds(1)});
  EXPECT_FALSE(m.parsed_fully);
  EXPECT_NE(m.text.find("could not be read in time"), std::string::npos) << m.text;
  EXPECT_EQ(m.from_email, "bob@x.example");
  EXPECT_EQ(m.subject, "Slow");
  EXPECT_EQ(m.message_id, "slow@x.example");  // a re-delivery is a duplicate, not a retry
  EXPECT_TRUE(m.cc.empty());
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].filename, "original.eml");
  EXPECT_EQ(m.attachments[0].bytes, raw);
}

TEST(MimeParser, MessageWithinItsCpuBudgetIsReadAsUsual) {
  auto m = parse_message("From: a@x.example\r\nSubject: s\r\n\r\nhello\r\n",
                         {.cpu_budget = std::chrono::seconds(10)});
  EXPECT_TRUE(m.parsed_fully);
  EXPECT_EQ(core::trim(m.text), "hello");
}

TEST(MimeParser, OnlyTheTopmostResultsOfTheTrustedMtaDecideTheSender) {
  const std::string body = "From: a@example.com\r\nSubject: s\r\n\r\nhello\r\n";
  const ParseOptions trusted{.trusted_authserv_id = "mx.desk.example"};
  EXPECT_EQ(parse_message(body).sender_check, app::SenderCheck::not_checked);
  EXPECT_EQ(parse_message(body, trusted).sender_check, app::SenderCheck::unauthenticated);
  EXPECT_EQ(parse_message("Authentication-Results: MX.desk.example; dmarc=pass\r\n" + body, trusted)
                .sender_check,
            app::SenderCheck::authenticated);
  // The sender's own claim under another id, or below the MTA's, counts for nothing.
  EXPECT_EQ(parse_message("Authentication-Results: evil.example; dmarc=pass\r\n" + body, trusted)
                .sender_check,
            app::SenderCheck::unauthenticated);
  EXPECT_EQ(parse_message("Authentication-Results: mx.desk.example; dmarc=fail\r\n"
                          "Authentication-Results: mx.desk.example; dmarc=pass\r\n" +
                              body,
                          trusted)
                .sender_check,
            app::SenderCheck::unauthenticated);
}

TEST(MimeParser, KeepsTheNewestReferencesOfAnEndlessThread) {
  std::string refs;
  for (int i = 0; i < 5000; ++i) refs += " <r" + std::to_string(i) + "@x.example>";
  auto m = parse_message("From: a@x.example\r\nReferences:" + refs + "\r\n\r\nbody\r\n");
  ASSERT_EQ(m.references.size(), 50u);
  EXPECT_EQ(m.references[0], "r4999@x.example");
}

TEST(HtmlSanitizer, KeepsFormattingAndDropsEverythingActive) {
  EXPECT_EQ(sanitize_html("<p class=x onclick=\"steal()\">Hi <b>there</b></p>"),
            "<p>Hi <b>there</b></p>");
  EXPECT_EQ(sanitize_html("a<script>alert(1)</script>b<style>p{}</style>c"), "abc");
  EXPECT_EQ(sanitize_html("<img src=x onerror=alert(1)><img src=\"cid:logo\" alt=Logo>"),
            "<img><img src=\"cid:logo\" alt=\"Logo\">");
  EXPECT_EQ(sanitize_html("<a href=\"java\tscript:alert(1)\">x</a>"),
            "<a rel=\"noopener noreferrer nofollow\">x</a>");
  EXPECT_EQ(sanitize_html("<a href='https://ok.example/?a=1&b=\"2\"'>ok</a>"),
            "<a href=\"https://ok.example/?a=1&amp;b=&quot;2&quot;\" "
            "rel=\"noopener noreferrer nofollow\">ok</a>");
  EXPECT_EQ(sanitize_html("<iframe src=evil></iframe><form><input value=1></form>"), "");
  EXPECT_EQ(sanitize_html("1 < 2 &amp; 3 > 2 & more"), "1 &lt; 2 &amp; 3 &gt; 2 &amp; more");
  EXPECT_EQ(sanitize_html("<SCRIPT>x</SCRIPT>ok<td colspan=2 rowspan=\"x\">"),
            "ok<td colspan=\"2\">");
}

TEST(HtmlToText, DropsTagsScriptsAndCommentsAndDecodesEntities) {
  EXPECT_EQ(html_to_text("<b>bold</b> &lt;tag&gt; <!-- secret --> &#x41;&#66;"), "bold <tag> AB");
  EXPECT_EQ(html_to_text("a<br>b<div>c</div>"), "a\nb\nc");
  EXPECT_EQ(html_to_text("<script>steal()</script>safe"), "safe");
  EXPECT_EQ(html_to_text("&bogus; &#99999999;"), "&bogus; &#99999999;");
  EXPECT_EQ(html_to_text("unterminated <b"), "unterminated");
}

}  // namespace
}  // namespace frontline::channels::email
