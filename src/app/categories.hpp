// Ticket categories: everyone signed in reads the list (the forms offer it); admins add and
// remove. Tickets keep a category as text, so removing one leaves existing tickets as they are.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

class Categories {
 public:
  explicit Categories(Context& ctx) : ctx_(ctx) {}

  core::Result<std::vector<core::Category>> list(const core::Actor& actor);
  core::Result<core::Category> create(const core::Actor& actor, std::string_view name);
  core::Done remove(const core::Actor& actor, core::Id id);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
