// Live chat values and their rules (see header).
#include "core/chat.hpp"

#include <algorithm>
#include <array>

#include "core/enum_names.hpp"
#include "core/text.hpp"

namespace frontline::core {
namespace {

constexpr std::array kChatStatuses{"waiting", "active", "ended"};
constexpr std::array kEntryKinds{"message", "status", "form"};
constexpr std::array kFieldTypes{"text", "multiline", "email", "phone", "yes_no", "choice"};

// Trims `value` in place and checks it holds at most max_bytes of valid UTF-8.
Done fit(std::string& value, std::string_view field, std::size_t max_bytes) {
  value = std::string(trim(value));
  if (!is_valid_utf8(value)) return invalid_field(std::string(field), "is not valid UTF-8");
  if (value.size() > max_bytes) {
    return invalid_field(std::string(field),
                         "is longer than " + std::to_string(max_bytes) + " bytes",
                         "The " + std::string(field) + " is too long: keep it under " +
                             std::to_string(max_bytes) + " characters.");
  }
  return done();
}

bool is_field_name(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::string_view to_string(ChatStatus s) { return kChatStatuses[static_cast<std::size_t>(s)]; }
std::optional<ChatStatus> parse_chat_status(std::string_view s) {
  return parse_in<ChatStatus>(kChatStatuses, s);
}
std::string_view to_string(ChatEntryKind k) { return kEntryKinds[static_cast<std::size_t>(k)]; }
std::optional<ChatEntryKind> parse_chat_entry_kind(std::string_view s) {
  return parse_in<ChatEntryKind>(kEntryKinds, s);
}
std::string_view to_string(FormFieldType t) { return kFieldTypes[static_cast<std::size_t>(t)]; }
std::optional<FormFieldType> parse_form_field_type(std::string_view s) {
  return parse_in<FormFieldType>(kFieldTypes, s);
}

const std::vector<std::string_view>& chat_steps() {
  static const std::vector<std::string_view> steps{"restarted", "reseated_cables",
                                                   "updated_drivers", "tried_another_device"};
  return steps;
}

Done validate_intake(ChatIntake& in) {
  if (auto r = fit(in.email, "email", 254); !r) return r;
  if (in.email.empty()) {
    return invalid_field("email", "is required", "Enter your email address.");
  }
  if (!looks_like_email(in.email)) {
    return invalid_field("email", "is not an email address",
                         "Enter an email address such as ann@example.com.");
  }
  if (auto r = fit(in.topic, "topic", 2000); !r) return r;
  if (in.topic.empty()) {
    return invalid_field("topic", "is required", "Say in a few words what you need help with.");
  }
  if (auto r = fit(in.name, "name", 200); !r) return r;
  if (auto r = fit(in.steps_other, "steps_other", 2000); !r) return r;
  if (auto r = fit(in.serial_number, "serial_number", 100); !r) return r;
  if (auto r = fit(in.machine_type, "machine_type", 200); !r) return r;
  if (auto r = fit(in.category, "category", 100); !r) return r;
  std::vector<std::string> steps;
  for (const auto& step : in.steps_done) {
    const auto& known = chat_steps();
    if (std::find(known.begin(), known.end(), step) == known.end()) {
      return invalid_field("steps_done", "has an unknown step: " + step,
                           "One of the steps already done is not on the list.");
    }
    if (std::find(steps.begin(), steps.end(), step) == steps.end()) steps.push_back(step);
  }
  in.steps_done = std::move(steps);
  return done();
}

Done validate_form(const ChatForm& form) {
  std::string title = form.title;
  if (auto r = fit(title, "title", 200); !r) return r;
  if (title.empty()) return invalid_field("title", "is required", "Give the form a title.");
  if (form.fields.empty() || form.fields.size() > 30) {
    return invalid_field("fields", "must hold 1 to 30 fields", "A form has 1 to 30 fields.");
  }
  std::vector<std::string_view> names;
  for (const auto& f : form.fields) {
    if (!is_field_name(f.name)) {
      return invalid_field("fields", "a field name is not [a-z0-9_]{1,40}: " + f.name,
                           "Field names use lower-case letters, digits and _ only.");
    }
    if (std::find(names.begin(), names.end(), f.name) != names.end()) {
      return invalid_field("fields", "two fields are named " + f.name);
    }
    names.push_back(f.name);
    std::string label = f.label;
    if (auto r = fit(label, "fields", 200); !r) return r;
    if (label.empty()) return invalid_field("fields", "field " + f.name + " has no label");
    if ((f.type == FormFieldType::choice) != !f.options.empty()) {
      return invalid_field(
          "fields", "field " + f.name + ": options are for (and required by) a choice field");
    }
  }
  return done();
}

Done validate_submission(const ChatForm& form,
                         std::vector<std::pair<std::string, std::string>>& values) {
  for (auto& entry : values) {
    const std::string& name = entry.first;
    auto it = std::find_if(form.fields.begin(), form.fields.end(),
                           [&](const FormField& f) { return f.name == name; });
    if (it == form.fields.end()) return invalid_field(name, "is not a field of this form");
    if (auto r = fit(entry.second, name, 4000); !r) return r;
  }
  for (const auto& f : form.fields) {
    auto it = std::find_if(values.begin(), values.end(),
                           [&](const auto& v) { return v.first == f.name; });
    const bool empty = it == values.end() || it->second.empty();
    if (empty) {
      if (f.required) return invalid_field(f.name, "is required", f.label + " is required.");
      continue;
    }
    const std::string& v = it->second;
    if (f.type == FormFieldType::yes_no && v != "yes" && v != "no") {
      return invalid_field(f.name, "is yes or no", "Answer " + f.label + " with yes or no.");
    }
    if (f.type == FormFieldType::choice &&
        std::find(f.options.begin(), f.options.end(), v) == f.options.end()) {
      return invalid_field(f.name, "is not one of the options",
                           "Pick one of the options for " + f.label + ".");
    }
    if (f.type == FormFieldType::email && !looks_like_email(v)) {
      return invalid_field(f.name, "is not an email address",
                           "Enter an email address for " + f.label + ".");
    }
  }
  return done();
}

}  // namespace frontline::core
