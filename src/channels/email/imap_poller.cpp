// IMAP polling with libcurl (see header).
#include "channels/email/imap_poller.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "app/accounts.hpp"
#include "channels/email/curl_support.hpp"
#include "channels/email/mime_parser.hpp"

namespace frontline::channels::email {
namespace {

// One IMAP request: a custom command on the mailbox URL, or a plain fetch of `url`.
std::optional<std::string> imap(const ImapSettings& s, const std::string& url,
                                const std::string& command, std::string& error) {
  CURL* curl = curl_easy_init();
  if (!curl) return std::nullopt;
  std::string out;
  char buffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (!command.empty()) curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, command.c_str());
  curl_easy_setopt(curl, CURLOPT_USERNAME, s.username.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
  curl_easy_setopt(curl, CURLOPT_USE_SSL, s.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to_string);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, s.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, buffer);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    error = buffer[0] ? buffer : curl_easy_strerror(rc);
    return std::nullopt;
  }
  return out;
}

// "* SEARCH 3 7 9" → {3, 7, 9}.
std::vector<std::int64_t> search_uids(const std::string& response) {
  std::vector<std::int64_t> out;
  std::istringstream lines(response);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("* SEARCH", 0) != 0) continue;
    std::istringstream words(line.substr(8));
    std::int64_t uid = 0;
    while (words >> uid) out.push_back(uid);
  }
  return out;
}

std::string mailbox_url(const ImapSettings& s) {
  std::string url = s.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

ImapPoller::ImapPoller(app::Mail& mail, store::Database& db, ImapSettings settings)
    : mail_(mail),
      db_(db),
      settings_(std::move(settings)),
      loop_([this] { db_.run_exclusively("imap poller", [this] { poll_once(); }); },
            settings_.interval,
            [](const std::exception& e) { spdlog::error("imap poller: {}", e.what()); }) {}

void ImapPoller::start() {
  init_curl();
  loop_.start();
}

int ImapPoller::poll_once() {
  const std::string box = mailbox_url(settings_);
  std::string error;
  auto found = imap(settings_, box, "UID SEARCH UNSEEN", error);
  if (!found) {
    spdlog::warn("imap {}: search failed: {}", box, error);
    return 0;
  }
  std::set<std::int64_t> uids;
  for (auto uid : search_uids(*found)) uids.insert(uid);
  if (auto pending = mail_.imap_pending(box)) uids.insert(pending->begin(), pending->end());
  int stored = 0;
  for (auto uid : uids) {
    const std::string id = std::to_string(uid);
    if (!mail_.imap_begin(box, uid)) return stored;  // the database is down: try again later
    auto raw = imap(settings_, box + "/;UID=" + id, "", error);
    if (!raw) {
      spdlog::warn("imap {}: fetching UID {} failed: {}", box, id, error);
      continue;  // stays pending; retried by UID
    }
    if (raw->empty()) {  // expunged meanwhile
      mail_.imap_done(box, uid);
      continue;
    }
    auto result = mail_.receive(app::system_actor(), parse_message(*raw, settings_.parsing));
    if (!result && result.error().code != core::Errc::too_large) {
      // Not stored: show it as unread again; the pending UID brings it back next time.
      imap(settings_, box, "UID STORE " + id + " -FLAGS (\\Seen)", error);
      spdlog::warn("imap {}: UID {} not stored yet: {}", box, id, result.error().message);
      continue;
    }
    if (!result) spdlog::error("imap {}: UID {} refused: {}", box, id, result.error().message);
    const std::string done = settings_.move_to.empty()
                                 ? "UID STORE " + id + " +FLAGS (\\Seen)"
                                 : "UID MOVE " + id + " \"" + settings_.move_to + "\"";
    if (!imap(settings_, box, done, error)) {
      spdlog::warn("imap {}: marking UID {} failed: {}", box, id, error);
      continue;  // stays pending: stored already, so the retry is a duplicate and no-op
    }
    mail_.imap_done(box, uid);
    ++stored;
  }
  return stored;
}

}  // namespace frontline::channels::email
