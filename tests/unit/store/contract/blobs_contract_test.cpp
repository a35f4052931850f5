// Store contract, run against every engine: attachment bytes where a deployment on that engine
// keeps them (files beside SQLite, the blobs table on PostgreSQL).
#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class BlobsContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (db_) blobs_ = GetParam().blobs(*db_, dir_.path());
  }
  std::unique_ptr<BlobStore> blobs_;
};
FRONTLINE_STORE_CONTRACT(BlobsContract);

TEST_P(BlobsContract, EveryByteValueRoundTripsUnderItsSha256) {
  std::string bytes;
  for (int round = 0; round < 3; ++round) {
    for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
  }
  const auto name = blobs_->put(bytes);
  EXPECT_EQ(name, sha256_hex(bytes));
  EXPECT_EQ(blobs_->get(name), bytes);
  // The well-known digest of "abc": names are the content's SHA-256, in lower-case hex.
  EXPECT_EQ(blobs_->put("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(blobs_->get("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "abc");
}

TEST_P(BlobsContract, ALargeFileRoundTripsIntact) {
  std::mt19937 random(7);
  std::string bytes(3 * 1024 * 1024 + 17, '\0');
  for (auto& c : bytes) c = static_cast<char>(random());
  EXPECT_EQ(blobs_->get(blobs_->put(bytes)), bytes);
}

TEST_P(BlobsContract, TheSameBytesPutTwiceOrAtOnceAreStoredOnce) {
  const std::string bytes = "the same screenshot, attached twice";
  const auto first = blobs_->put(bytes);
  EXPECT_EQ(blobs_->put(bytes), first);
  // Two instances storing the same upload at the same moment both succeed.
  std::vector<std::thread> threads;
  std::vector<std::string> names(4);
  const std::string shared = "uploaded by four people at once";
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { names[i] = blobs_->put(shared); });
  for (auto& t : threads) t.join();
  for (const auto& n : names) EXPECT_EQ(n, sha256_hex(shared));
  EXPECT_EQ(blobs_->get(sha256_hex(shared)), shared);
}

TEST_P(BlobsContract, UnknownOrMalformedNamesFindNothing) {
  EXPECT_EQ(blobs_->get(sha256_hex("never stored")), std::nullopt);
  EXPECT_EQ(blobs_->get("../frontline.db"), std::nullopt);
  EXPECT_EQ(blobs_->get("ABC"), std::nullopt);
  EXPECT_EQ(blobs_->get(""), std::nullopt);
}

TEST_P(BlobsContract, StoredBytesSurviveReopening) {
  const auto name = blobs_->put("kept across a restart");
  blobs_.reset();
  db_.reset();
  db_ = GetParam().open(dir_.path());
  blobs_ = GetParam().blobs(*db_, dir_.path());
  EXPECT_EQ(blobs_->get(name), "kept across a restart");
}

}  // namespace
}  // namespace frontline::store::contract
