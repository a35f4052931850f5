#include "store/postgres/pg_tx.hpp"

namespace frontline::store::postgres {

// Planner statistics after bulk loads; the GIN indexes keep themselves current.
void PgTx::optimize() { db_.exec("ANALYZE"); }

}  // namespace frontline::store::postgres
