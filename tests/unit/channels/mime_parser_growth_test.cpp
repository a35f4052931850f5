// Focus of this file: parsing one message stays linear in its size whatever the sender repeats
// — Cc lists, undeclared 8-bit text, MIME parts, delivery-status lines and bounced messages
// (GMime's own parsing included, since a slow step there costs the same). Threading headers are
// message_ids_test.cpp's: under ASan, GMime's header buffer grows by copying (glibc's realloc
// grows it in place), so a single endless header is quadratic here and linear in production.
#include <gtest/gtest.h>

#include "../time_growth.hpp"
#include "channels/email/mime_parser.hpp"

namespace frontline::channels::email {
namespace {

using testing::measure_growth;
using testing::repeat;

void expect_linear(std::string_view what, std::string_view head, std::string_view unit,
                   std::string_view tail = "") {
  auto g = measure_growth(
      [&](std::size_t n) { return std::string(head) + repeat(unit, n) + std::string(tail); },
      [](const std::string& raw) { (void)parse_message(raw); });
  testing::expect_linear_growth(g, what);
}

constexpr std::string_view kReport =
    "From: MAILER-DAEMON@x.example\r\nSubject: Undelivered\r\nMIME-Version: 1.0\r\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n";

TEST(MimeParserGrowth, TimeGrowsLinearlyWithLongAddressLists) {
  expect_linear("Cc", "From: a@x.example\r\nCc: ", "c@x.example, ", "d@x\r\n\r\nbody\r\n");
}

TEST(MimeParserGrowth, TimeGrowsLinearlyWithUndeclaredEightBitText) {
  expect_linear("8-bit subject", "From: a@x.example\r\nSubject: ", "caf\xE9 ", "\r\n\r\nx\r\n");
  expect_linear("8-bit body", "From: a@x.example\r\nSubject: s\r\n\r\n", "na\xEFve\r\n");
}

TEST(MimeParserGrowth, TimeGrowsLinearlyWithManyParts) {
  expect_linear("text parts",
                "From: a@x.example\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/mixed; boundary=B\r\n\r\n",
                "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n", "--B--\r\n");
}

TEST(MimeParserGrowth, TimeGrowsLinearlyWithLongDeliveryReports) {
  expect_linear("delivery-status lines",
                std::string(kReport) + "--R\r\nContent-Type: message/delivery-status\r\n\r\n",
                "Reporting-MTA: dns; x.example\r\n",
                "Action: failed\r\nStatus: 5.1.1\r\n--R--\r\n");
  expect_linear("bounced messages", kReport,
                "--R\r\nContent-Type: message/rfc822\r\n\r\nMessage-ID: <m@x>\r\n\r\nx\r\n",
                "--R--\r\n");
}

}  // namespace
}  // namespace frontline::channels::email
