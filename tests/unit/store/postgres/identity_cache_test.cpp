// Focus of this file: the PostgreSQL identity cache's rules — nothing is answered or kept while
// no listener hears other instances' changes; an answer looked up across a change is not kept;
// a change forgets every answer; the cache stays bounded.
#include "store/postgres/identity_cache.hpp"

#include <gtest/gtest.h>

namespace frontline::store::postgres {
namespace {

core::Actor ann() {
  core::Actor a;
  a.id = 7;
  a.role = core::Role::agent;
  a.email = "ann@x.com";
  return a;
}

TEST(IdentityCache, AnswersNothingAndKeepsNothingWhileNobodyListens) {
  IdentityCache cache;
  cache.put_token("h1", ann(), cache.epoch());
  EXPECT_FALSE(cache.token("h1").has_value());
  cache.set_listening(true);
  EXPECT_FALSE(cache.token("h1").has_value());  // not kept from before
  cache.put_token("h1", ann(), cache.epoch());
  ASSERT_TRUE(cache.token("h1").has_value());
  EXPECT_EQ(cache.token("h1")->id, 7);
  cache.set_listening(false);  // the listener broke: other instances' changes go unheard
  EXPECT_FALSE(cache.token("h1").has_value());
}

TEST(IdentityCache, AnAnswerLookedUpAcrossAChangeIsNotKept) {
  IdentityCache cache;
  cache.set_listening(true);
  const auto since = cache.epoch();  // the lookup starts
  cache.forget_all();                // a revoke commits meanwhile
  cache.put_token("h1", ann(), since);
  EXPECT_FALSE(cache.token("h1").has_value());
}

TEST(IdentityCache, AChangeForgetsEveryTokenAndSession) {
  IdentityCache cache;
  cache.set_listening(true);
  cache.put_token("t", ann(), cache.epoch());
  cache.put_session("s", SessionRecord{ann(), "csrf", 100}, cache.epoch());
  ASSERT_TRUE(cache.session("s").has_value());
  EXPECT_EQ(cache.session("s")->csrf_token, "csrf");
  cache.forget_all();
  EXPECT_FALSE(cache.token("t").has_value());
  EXPECT_FALSE(cache.session("s").has_value());
}

TEST(IdentityCache, StaysBoundedUnderManyTokens) {
  IdentityCache cache;
  cache.set_listening(true);
  for (std::size_t i = 0; i < IdentityCache::kMaxEntries + 10; ++i) {
    cache.put_token("h" + std::to_string(i), ann(), cache.epoch());
  }
  // Full, it started over: the newest is there, the first ones are gone.
  EXPECT_TRUE(cache.token("h" + std::to_string(IdentityCache::kMaxEntries + 9)).has_value());
  EXPECT_FALSE(cache.token("h0").has_value());
}

}  // namespace
}  // namespace frontline::store::postgres
