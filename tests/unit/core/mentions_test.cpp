// Focus of this file: who "@…" in a note names — full names and email local parts, ASCII
// case-insensitive, only at a word boundary on both sides.
#include "core/mentions.hpp"

#include <gtest/gtest.h>

namespace frontline::core {
namespace {

std::vector<User> people() {
  User ann;
  ann.id = 1;
  ann.name = "Ann Lee";
  ann.email = "ann.lee@desk.example";
  User anna;
  anna.id = 2;
  anna.name = "Anna";
  anna.email = "anna@desk.example";
  User bo;
  bo.id = 3;
  bo.name = "Bo";
  bo.email = "b.o@desk.example";
  return {ann, anna, bo};
}

TEST(Mentions, AFullNameOrTheEmailLocalPartNamesAPersonIgnoringCase) {
  EXPECT_EQ(mentioned_people("@ann lee please look", people()), std::vector<Id>{1});
  EXPECT_EQ(mentioned_people("ping @ANN.LEE", people()), std::vector<Id>{1});
  EXPECT_EQ(mentioned_people("@b.o and @Anna!", people()), (std::vector<Id>{2, 3}));
}

TEST(Mentions, ANameMustEndAtAWordBoundary) {
  EXPECT_TRUE(mentioned_people("@annabel said so", people()).empty());
  EXPECT_TRUE(mentioned_people("@ann.leek", people()).empty());
  EXPECT_EQ(mentioned_people("thanks @anna.", people()), std::vector<Id>{2});  // end of sentence
}

TEST(Mentions, AnEmailAddressInTheTextMentionsNobody) {
  EXPECT_TRUE(mentioned_people("write to x@anna.example or bo@bo", people()).empty());
  EXPECT_TRUE(mentioned_people("no at sign here", people()).empty());
}

TEST(Mentions, EachPersonOnceInTheOrderGiven) {
  EXPECT_EQ(mentioned_people("@bo @Bo @b.o @ann lee", people()), (std::vector<Id>{1, 3}));
}

}  // namespace
}  // namespace frontline::core
