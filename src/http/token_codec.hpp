// API tokens as JSON: the secret once, at creation, and the list without secrets. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "store/account_repository.hpp"

namespace frontline::http {

std::string token_json(const std::string& token);
std::string tokens_json(const std::vector<store::ApiTokenRecord>& tokens);

}  // namespace frontline::http
