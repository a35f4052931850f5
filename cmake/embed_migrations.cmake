# Generates migrations.cpp from the numbered .sql files (NNN_name.sql), so the schema ships
# inside the binary. Run at build time by each engine's target, with ENGINE naming the engine's
# folder and namespace (sqlite, postgres).
file(GLOB sql_files "${MIGRATIONS_DIR}/*.sql")
list(SORT sql_files)
set(body "")
foreach(f IN LISTS sql_files)
  get_filename_component(name "${f}" NAME_WE)
  string(REGEX MATCH "^[0-9]+" version "${name}")
  math(EXPR version "${version} + 0")
  file(READ "${f}" sql)
  string(APPEND body "      {${version}, \"${name}\", R\"frontline_sql(${sql})frontline_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from src/store/${ENGINE}/migrations/*.sql; do not edit.
#include \"store/${ENGINE}/migrations.hpp\"

namespace frontline::store::${ENGINE} {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
${body}  };
  return all;
}

}  // namespace frontline::store::${ENGINE}
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
