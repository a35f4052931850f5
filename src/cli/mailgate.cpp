// `frontline mailgate --url URL --token TOKEN`: reads one RFC 5322 message on stdin and hands
// it to the server (for a Postfix or Exim pipe alias). Exit status follows sysexits so the MTA
// never loses a message: 0 stored (or knowingly ignored: a duplicate, a loop), 75 EX_TEMPFAIL
// when the server cannot be reached, is overloaded or refuses the token (the MTA retries), 65
// EX_DATAERR when the server refuses the message for good (too large: the MTA bounces it).
#include <curl/curl.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>

#include "channels/email/curl_support.hpp"
#include "cli/commands.hpp"

namespace frontline::cli {
namespace {

constexpr int kExOk = 0;
constexpr int kExDataErr = 65;
constexpr int kExTempFail = 75;

struct MailgateFlags {
  std::string url;
  std::string token;
  long timeout_seconds = 60;
};

int exit_status_for(long http_status) {
  if (http_status >= 200 && http_status < 300) return kExOk;
  if (http_status == 413 || http_status == 400 || http_status == 422) return kExDataErr;
  return kExTempFail;  // 401/403 (token), 429, 5xx, anything unexpected: retry later
}

int run_mailgate(const MailgateFlags& flags) {
  std::string message((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (!std::cin.eof() && std::cin.fail()) {
    std::cerr << "mailgate: cannot read the message on stdin\n";
    return kExTempFail;
  }
  std::string token = flags.token;
  if (token.empty()) {
    if (const char* t = std::getenv("FRONTLINE_MAILGATE_TOKEN")) token = t;
  }
  if (token.empty()) {
    std::cerr << "mailgate: no token (--token or FRONTLINE_MAILGATE_TOKEN)\n";
    return kExTempFail;
  }
  std::string url = flags.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/api/v1/mail/inbound";

  channels::email::init_curl();
  CURL* curl = curl_easy_init();
  if (!curl) return kExTempFail;
  std::string auth = "Authorization: Bearer " + token;
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, auth.c_str());
  headers = curl_slist_append(headers, "Content-Type: message/rfc822");
  headers = curl_slist_append(headers, "Expect:");
  std::string response;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, message.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, channels::email::append_to_string);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, flags.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    std::cerr << "mailgate: " << curl_easy_strerror(rc) << " (" << url << "); the MTA will retry\n";
    return kExTempFail;
  }
  int code = exit_status_for(status);
  // One line for the MTA's log: the server's verdict.
  std::cerr << "mailgate: HTTP " << status << " " << response << "\n";
  return code;
}

}  // namespace

void add_mailgate_command(CLI::App& app) {
  auto flags = std::make_shared<MailgateFlags>();
  auto* cmd = app.add_subcommand(
      "mailgate", "Hand one email on stdin to the server (an MTA pipe alias); sysexits codes");
  cmd->add_option("--url", flags->url, "The server, e.g. http://127.0.0.1:8080")->required();
  cmd->add_option("--token", flags->token,
                  "A staff API token (or FRONTLINE_MAILGATE_TOKEN in the environment)");
  cmd->add_option("--timeout", flags->timeout_seconds, "Seconds to wait for the server")
      ->check(CLI::Range(1, 3600));
  cmd->callback([flags] { throw ExitStatus{run_mailgate(*flags)}; });
}

}  // namespace frontline::cli
