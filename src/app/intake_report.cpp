// The report of tickets by an intake answer (issue 15): "how many tickets this fortnight said
// machine_type = Laptop, and how many of them are still open". Inputs: a question key and a
// range of UTC days on the tickets' creation; result: one line per answer given under that key,
// most tickets first (app::AnswerReport). Read from the tickets' fields, not from rollups: the
// (question_key, value) index finds a key's answers, and a report is one bounded query.
#include "app/intake.hpp"
#include "app/report_days.hpp"
#include "core/text.hpp"

namespace frontline::app {

core::Result<AnswerReport> Intake::answers_report(const core::Actor& actor, std::string key,
                                                  const std::optional<std::string>& from,
                                                  const std::optional<std::string>& to) {
  if (!actor.is_staff()) {
    return core::make_error(core::Errc::forbidden, "reports are for the support team");
  }
  key = core::to_lower_ascii(core::trim(key));
  if (key.empty()) {
    return core::invalid_field("key", "is required",
                               "Choose the question key to count the answers of.");
  }
  if (!core::is_intake_key(key)) {
    return core::invalid_field("key", "is not a question key: 1 to 40 of a-z, 0-9 and _");
  }
  const auto now = ctx_.clock.now();
  auto days = report_days(from, to, static_cast<core::Day>(now / 86400));
  if (!days) return days.take_error();
  return in_read<AnswerReport>(ctx_.db, [&](store::Tx& tx) -> core::Result<AnswerReport> {
    AnswerReport r;
    r.key = key;
    r.from = days->from;
    r.to = days->to;
    r.items = tx.intake().answer_counts(key, days->starts_at(), days->ends_before(),
                                        kMaxAnswerReportLines);
    return r;
  });
}

}  // namespace frontline::app
