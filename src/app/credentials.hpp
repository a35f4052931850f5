// Secrets: argon2id password hashes and random bearer/session tokens, which are stored only as
// hashes. Thread-safe. Hashing a password takes tens of milliseconds and a lot of memory: call it
// off the network threads.
#pragma once

#include <string>
#include <string_view>

namespace frontline::app {

// Initialises libsodium; call once at start-up (idempotent).
void init_crypto();

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, std::string_view hash);

// A fresh URL-safe random token with the given prefix ("flt_" for API tokens).
std::string random_token(std::string_view prefix);
// The stored form of a token: hex BLAKE2b-256. Tokens are 256-bit random, so a fast hash is
// enough; what is stolen from the database cannot be replayed.
std::string token_hash(std::string_view token);

}  // namespace frontline::app
