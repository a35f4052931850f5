// CSV (RFC 4180) cells for spreadsheet downloads. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace frontline::http {

// One cell: quoted when it holds a comma, quote or line break; a value a spreadsheet would run
// as a formula (a leading = + - @, or a TAB or CR before one) is prefixed with ' (OWASP's CSV
// injection advice), since cells such as a category come from customers.
std::string csv_field(std::string_view value);

}  // namespace frontline::http
