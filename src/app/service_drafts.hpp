// Checking what a request asks of a service and writing it onto the stored entry: the rules a
// create, a PATCH and a restore share. Internal to app (directory.cpp). Pure but for the team
// lookup in the caller's transaction.
#pragma once

#include "app/directory.hpp"
#include "store/tx.hpp"

namespace frontline::app {

// Applies draft onto service: checks every given part (sizes, URLs with a host, a known team and
// time zone, at most one primary contact, known contact ids) and returns invalid naming the field.
// restoring: contact ids no longer on the service come back as new contacts instead of failing.
core::Result<core::Unit> apply_draft(store::Tx& tx, core::Service& service,
                                     const ServiceDraft& draft, bool restoring, core::UnixTime now);

}  // namespace frontline::app
