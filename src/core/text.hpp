// Text helpers shared by the core rules: UTF-8 validation, trimming, ASCII case folding and a
// plausibility check for email addresses. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace frontline::core {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);
std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
// A positive decimal integer (a ticket number, an id), or nullopt.
std::optional<std::int64_t> parse_positive_id(std::string_view s);
// One '@' with text on both sides, no spaces or angle brackets, at most 254 bytes.
bool looks_like_email(std::string_view s);
// The first position at or after `from` where `needle` occurs ignoring ASCII case, or npos.
std::size_t find_ignoring_case(std::string_view haystack, std::string_view needle,
                               std::size_t from = 0);
// Appends s with & < > " ' escaped for HTML text and attribute values.
void append_html_escaped(std::string& out, std::string_view s);
// A size as people say it: "900 bytes", "512 KB", "25 MB", "31.2 MB" (1 KB = 1024 bytes).
std::string human_size(std::uint64_t bytes);
// At most max_bytes of valid UTF-8 s, cut before a character that would not fit whole.
std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes);

}  // namespace frontline::core
