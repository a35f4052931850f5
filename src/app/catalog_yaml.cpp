// Backstage catalog-info.yaml read into service drafts and written from services: the pure half
// of service_catalog.hpp (the mapping is documented in docs/services.md, "Backstage catalog").
// The only file that sees yaml-cpp.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <sstream>
#include <variant>

#include "app/service_catalog.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

constexpr std::size_t kMaxEntityName = 63;

constexpr std::string_view kPrefix = "frontline.io/";
constexpr std::string_view kPublic = "frontline.io/public";
constexpr std::string_view kContacts = "frontline.io/contacts";
constexpr std::string_view kKeywords = "frontline.io/keywords";
constexpr std::string_view kPhone = "frontline.io/support-phone";
constexpr std::string_view kCallTree = "frontline.io/call-tree";
constexpr std::string_view kEmail = "frontline.io/support-email";
constexpr std::string_view kWeb = "frontline.io/support-url";
constexpr std::string_view kHours = "frontline.io/hours";
constexpr std::string_view kTimeZone = "frontline.io/time-zone";
constexpr std::string_view kPagerDuty = "pagerduty.com/service-id";
constexpr std::string_view kOpsgenie = "opsgenie.com/team";
constexpr std::string_view kPagerDutyUrl = "https://app.pagerduty.com/service-directory/";

// A problem in one document that makes it skipped.
struct Skip {
  std::string reason;
};

YAML::Node child(const YAML::Node& n, std::string_view key) {
  if (!n || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node& constant = n;
  YAML::Node found = constant[std::string(key)];
  // A missing key gives an invalid node that throws on every question but IsDefined.
  if (!found.IsDefined()) return YAML::Node(YAML::NodeType::Undefined);
  return found;
}

std::optional<std::string> scalar(const YAML::Node& n) {
  if (!n || !n.IsScalar()) return std::nullopt;
  return n.Scalar();
}

std::string text(const YAML::Node& n) { return scalar(n).value_or(""); }

std::optional<bool> boolean(std::string_view s) {
  const auto v = core::to_lower_ascii(core::trim(s));
  if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
  if (v == "false" || v == "no" || v == "off" || v == "0") return false;
  return std::nullopt;
}

std::optional<std::int64_t> integer(std::string_view s) {
  s = core::trim(s);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// "document 2, line 5, column 3: <what>": marks are 0-based in yaml-cpp.
std::string at(std::size_t document, const YAML::Mark& mark) {
  std::string where = "document " + std::to_string(document);
  if (!mark.is_null()) {
    where +=
        ", line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1);
  }
  return where;
}

// Listens to the parser without building anything: the first pass that counts documents.
class DocumentCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Checks the syntax document by document, so that an error names its document. yaml-cpp 0.7
// reads a stray "," at the top level as endless empty documents (YAML::LoadAll then allocates
// until the process dies): a text of n bytes holds at most n / 3 + 1 documents ("---" each), so
// more means the parser is stuck.
std::optional<core::Error> check_syntax(const std::string& yaml) {
  std::istringstream in(yaml);
  YAML::Parser parser(in);
  DocumentCounter counter;
  const std::size_t most = yaml.size() / 3 + 1;
  std::size_t document = 1;
  try {
    for (; parser.HandleNextDocument(counter); ++document) {
      if (document > most) {
        return make_error(Errc::bad_input, "malformed YAML after document " + std::to_string(most) +
                                               ": the parser makes no progress (a stray \",\"?)");
      }
    }
  } catch (const YAML::Exception& e) {
    return make_error(Errc::bad_input, "malformed YAML in " + at(document, e.mark) + ": " + e.msg);
  }
  return std::nullopt;
}

// A sequence of scalars (at most the directory's list limit), or a skip naming the field.
std::variant<std::vector<std::string>, Skip> strings(const YAML::Node& n, std::string_view field) {
  std::vector<std::string> out;
  if (!n || n.IsNull()) return out;
  if (!n.IsSequence()) return Skip{std::string(field) + " must be a list"};
  if (n.size() > kMaxServiceListItems) {
    return Skip{std::string(field) + " has more than " + std::to_string(kMaxServiceListItems) +
                " entries"};
  }
  for (const auto& item : n) {
    auto s = scalar(item);
    if (!s) return Skip{std::string(field) + " must hold text"};
    out.push_back(*s);
  }
  return out;
}

void add_keyword(std::vector<std::string>& words, std::string word) {
  const auto folded = core::to_lower_ascii(word);
  if (std::none_of(words.begin(), words.end(),
                   [&](const std::string& w) { return core::to_lower_ascii(w) == folded; })) {
    words.push_back(std::move(word));
  }
}

// The contacts annotation: a YAML list of contacts in the API's shape, kept as text because
// Backstage annotations are strings.
std::variant<std::vector<ContactDraft>, Skip> full_contacts(const std::string& annotation) {
  const std::string field(kContacts);
  YAML::Node list;
  try {
    list = YAML::Load(annotation);
  } catch (const YAML::Exception& e) {
    return Skip{field + " is not YAML: " + e.msg + " (its line " + std::to_string(e.mark.line + 1) +
                ")"};
  }
  std::vector<ContactDraft> out;
  if (!list || list.IsNull()) return out;
  if (!list.IsSequence()) return Skip{field + " must be a list of contacts"};
  if (list.size() > kMaxServiceListItems) return Skip{field + " has more than 50 contacts"};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node c = list[i];
    const std::string name = field + "[" + std::to_string(i) + "]";
    if (!c.IsMap()) return Skip{name + " must be a mapping"};
    ContactDraft d;
    d.kind = core::parse_contact_kind(text(child(c, "kind")));
    if (!d.kind) return Skip{name + ".kind must be phone, email or web"};
    d.value = text(child(c, "value"));
    const auto tree = child(c, "call_tree");
    if (tree && tree.IsSequence()) {
      if (tree.size() > kMaxServiceListItems) return Skip{name + ".call_tree has too many steps"};
      for (const auto& step : tree) {
        d.call_tree.push_back({text(child(step, "press")), text(child(step, "then"))});
      }
    } else if (auto s = scalar(tree); s && !s->empty()) {
      d.call_tree = parse_call_tree(*s);
    }
    d.hours = text(child(c, "hours"));
    d.time_zone = text(child(c, "time_zone"));
    auto flag = [&](std::string_view key, bool fallback) {
      auto s = scalar(child(c, key));
      return s ? boolean(*s).value_or(fallback) : fallback;
    };
    d.is_public = flag("public", false);
    d.escalation = flag("escalation", false);
    d.is_primary = flag("primary", false);
    d.active = flag("active", true);
    if (auto s = scalar(child(c, "escalation_order"))) {
      if (auto v = integer(*s); v && *v > 0 && *v < 1000) d.escalation_order = static_cast<int>(*v);
    }
    d.notes = text(child(c, "notes"));
    if (auto s = scalar(child(c, "review_interval_days"))) d.review_interval_days = integer(*s);
    out.push_back(std::move(d));
  }
  return out;
}

// Contacts from the hand-written annotations (support phone, email, URL; PagerDuty).
std::vector<ContactDraft> simple_contacts(const std::map<std::string, std::string>& a,
                                          bool is_public) {
  auto get = [&](std::string_view key) {
    auto it = a.find(std::string(key));
    return it == a.end() ? std::string() : std::string(core::trim(it->second));
  };
  std::vector<ContactDraft> out;
  auto add = [&](core::ContactKind kind, std::string value) {
    if (value.empty()) return;
    ContactDraft d;
    d.kind = kind;
    d.value = std::move(value);
    d.hours = get(kHours);
    d.time_zone = get(kTimeZone);
    d.is_public = is_public;
    d.is_primary = out.empty();
    out.push_back(std::move(d));
  };
  add(core::ContactKind::phone, get(kPhone));
  if (!out.empty()) out.back().call_tree = parse_call_tree(get(kCallTree));
  add(core::ContactKind::email, get(kEmail));
  add(core::ContactKind::web, get(kWeb));
  if (auto id = get(kPagerDuty); !id.empty()) {
    ContactDraft d;
    d.kind = core::ContactKind::web;
    d.value = std::string(kPagerDutyUrl) + id;
    d.escalation = true;
    d.notes = "PagerDuty service " + id;
    out.push_back(std::move(d));
  }
  return out;
}

// One document; a CatalogEntry, or why it is skipped.
std::variant<CatalogEntry, Skip> read_document(const YAML::Node& doc, std::size_t document) {
  if (!doc || doc.IsNull()) return Skip{"empty document"};
  if (!doc.IsMap()) return Skip{"not a mapping"};
  const auto kind = text(child(doc, "kind"));
  static const std::set<std::string> kServiceKinds{"component", "system", "api", "resource"};
  if (!kServiceKinds.contains(core::to_lower_ascii(kind))) {
    return Skip{kind.empty() ? std::string("no kind")
                             : "kind " + kind +
                                   " is not a service (Component, System, API or "
                                   "Resource)"};
  }
  const auto meta = child(doc, "metadata");
  if (!meta.IsMap()) return Skip{"no metadata"};
  const std::string entity(core::trim(text(child(meta, "name"))));
  std::string name(core::trim(text(child(meta, "title"))));
  if (name.empty()) name = entity;
  if (name.empty()) return Skip{"no metadata.name or metadata.title"};

  CatalogEntry e;
  e.document = document;
  auto& d = e.draft;
  d.name = name;
  d.description = text(child(meta, "description"));

  std::map<std::string, std::string> annotations;
  if (const auto a = child(meta, "annotations"); a.IsMap()) {
    for (const auto& kv : a) {
      auto k = scalar(kv.first);
      auto v = scalar(kv.second);
      if (k && v) annotations[*k] = *v;
    }
  }
  auto annotation = [&](std::string_view key) -> std::optional<std::string> {
    auto it = annotations.find(std::string(key));
    if (it == annotations.end()) return std::nullopt;
    return it->second;
  };

  std::vector<std::string> urls;
  if (const auto links = child(meta, "links"); links && !links.IsNull()) {
    if (!links.IsSequence()) return Skip{"metadata.links must be a list"};
    if (links.size() > kMaxServiceListItems) return Skip{"metadata.links has more than 50 links"};
    for (const auto& link : links) {
      if (auto url = scalar(child(link, "url")); url && !url->empty()) urls.push_back(*url);
    }
  }
  d.urls = std::move(urls);

  std::vector<std::string> keywords;
  auto tags = strings(child(meta, "tags"), "metadata.tags");
  if (auto* skip = std::get_if<Skip>(&tags)) return *skip;
  // frontline.io/keywords, when present, is the whole list; else the tags and the entity's name
  // (so that a directory searched by the catalog's names finds the service).
  if (auto listed = annotation(kKeywords)) {
    YAML::Node n;
    try {
      n = YAML::Load(*listed);
    } catch (const YAML::Exception& ex) {
      return Skip{std::string(kKeywords) + " is not YAML: " + ex.msg};
    }
    auto words = strings(n, kKeywords);
    if (auto* skip = std::get_if<Skip>(&words)) return *skip;
    for (auto& w : std::get<std::vector<std::string>>(words)) add_keyword(keywords, std::move(w));
  } else {
    for (auto& w : std::get<std::vector<std::string>>(tags)) add_keyword(keywords, std::move(w));
    if (!entity.empty()) add_keyword(keywords, entity);
  }
  d.keywords = std::move(keywords);

  bool is_public = false;
  if (auto p = annotation(kPublic)) {
    auto b = boolean(*p);
    if (!b) e.warnings.push_back(std::string(kPublic) + " is neither true nor false");
    is_public = b.value_or(false);
  }
  d.is_public = is_public;

  if (auto listed = annotation(kContacts)) {
    auto contacts = full_contacts(*listed);
    if (auto* skip = std::get_if<Skip>(&contacts)) return *skip;
    d.contacts = std::move(std::get<std::vector<ContactDraft>>(contacts));
    e.contacts_listed = true;
    for (auto key : {kPhone, kCallTree, kEmail, kWeb, kHours, kTimeZone, kPagerDuty}) {
      if (annotation(key)) {
        e.warnings.push_back(std::string(key) + " is ignored: " + std::string(kContacts) +
                             " lists every contact");
      }
    }
  } else {
    d.contacts = simple_contacts(annotations, is_public);
  }
  if (auto team = annotation(kOpsgenie); team && !core::trim(*team).empty()) {
    const std::string note = "On call: Opsgenie team " + std::string(core::trim(*team)) + ".";
    if (d.description->find(note) == std::string::npos) {
      *d.description += d.description->empty() ? note : "\n\n" + note;
    }
  }
  for (const auto& [key, value] : annotations) {
    static const std::set<std::string_view> kKnown{
        kPublic, kContacts, kKeywords, kPhone, kCallTree, kEmail, kWeb, kHours, kTimeZone};
    if (std::string_view(key).starts_with(kPrefix) && !kKnown.contains(key)) {
      e.warnings.push_back("unknown annotation " + key + " is ignored");
    }
  }

  std::string owner(core::trim(text(child(child(doc, "spec"), "owner"))));
  // An entity reference: [kind:][namespace/]name; only groups own services here.
  if (auto colon = owner.find(':'); colon != std::string::npos) {
    const auto kind_of_owner = core::to_lower_ascii(owner.substr(0, colon));
    if (kind_of_owner != "group") {
      e.warnings.push_back("owner " + owner + " is not a group: the service gets no team");
      owner.clear();
    } else {
      owner = owner.substr(colon + 1);
    }
  }
  if (auto slash = owner.find('/'); slash != std::string::npos) owner = owner.substr(slash + 1);
  e.owner = owner;
  return e;
}

// Whether Backstage accepts `word` as a tag: [a-z0-9:+#] in runs joined by single dashes.
bool valid_tag(std::string_view word) {
  if (word.empty() || word.size() > kMaxEntityName) return false;
  bool after_dash = true;
  for (char c : word) {
    if (c == '-') {
      if (after_dash) return false;
      after_dash = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '+' ||
               c == '#') {
      after_dash = false;
    } else {
      return false;
    }
  }
  return !after_dash;
}

// Whether Backstage accepts `name` as metadata.name: [a-zA-Z0-9] runs joined by single '-', '_'
// or '.', at most 63 characters.
bool valid_entity_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxEntityName) return false;
  bool after_separator = true;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (after_separator) return false;
      after_separator = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      after_separator = false;
    } else {
      return false;
    }
  }
  return !after_separator;
}

std::string flow_list(const std::vector<std::string>& items) {
  YAML::Emitter out;
  out << YAML::Flow << YAML::BeginSeq;
  for (const auto& s : items) out << YAML::DoubleQuoted << s;
  out << YAML::EndSeq;
  return out.c_str();
}

std::string contacts_yaml(const std::vector<core::ServiceContact>& contacts) {
  YAML::Emitter out;
  out << YAML::BeginSeq;
  for (const auto& c : contacts) {
    out << YAML::BeginMap;
    out << YAML::Key << "kind" << YAML::Value << std::string(core::to_string(c.kind));
    out << YAML::Key << "value" << YAML::Value << YAML::DoubleQuoted << c.value;
    if (!c.call_tree.empty()) {
      out << YAML::Key << "call_tree" << YAML::Value << YAML::BeginSeq;
      for (const auto& step : c.call_tree) {
        out << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "press" << YAML::Value << YAML::DoubleQuoted << step.press;
        out << YAML::Key << "then" << YAML::Value << YAML::DoubleQuoted << step.then;
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    }
    auto text_field = [&](const char* key, const std::string& value) {
      if (!value.empty()) out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
    };
    text_field("hours", c.hours);
    text_field("time_zone", c.time_zone);
    out << YAML::Key << "public" << YAML::Value << c.is_public;
    out << YAML::Key << "primary" << YAML::Value << c.is_primary;
    out << YAML::Key << "escalation" << YAML::Value << c.escalation;
    if (c.escalation) out << YAML::Key << "escalation_order" << YAML::Value << c.escalation_order;
    out << YAML::Key << "active" << YAML::Value << c.active;
    text_field("notes", c.notes);
    out << YAML::Key << "review_interval_days" << YAML::Value << c.review_interval_days;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  return out.c_str();
}

}  // namespace

std::vector<core::CallTreeStep> parse_call_tree(std::string_view tree) {
  std::vector<core::CallTreeStep> steps;
  std::size_t start = 0;
  while (start <= tree.size()) {
    auto end = tree.find('>', start);
    if (end == std::string_view::npos) end = tree.size();
    const auto part = core::trim(tree.substr(start, end - start));
    start = end + 1;
    if (part.empty()) continue;
    const auto lower = core::to_lower_ascii(part);
    if (lower.starts_with("press ") && core::trim(part.substr(6)).find(' ') == std::string::npos) {
      steps.push_back({std::string(core::trim(part.substr(6))), ""});
    } else if (!steps.empty() && !steps.back().press.empty() && steps.back().then.empty()) {
      steps.back().then = std::string(part);
    } else {
      steps.push_back({"", std::string(part)});
    }
  }
  return steps;
}

std::string catalog_entity_name(std::string_view service_name) {
  std::string out;
  for (char c : service_name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= kMaxEntityName) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Result<ParsedCatalog> parse_catalog(std::string_view yaml) {
  const std::string text(yaml);
  if (auto malformed = check_syntax(text)) return std::move(*malformed);
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {  // not expected after check_syntax
    return make_error(Errc::bad_input, "malformed YAML: " + e.msg);
  }
  ParsedCatalog out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::size_t document = i + 1;
    try {
      auto r = read_document(documents[i], document);
      if (auto* skip = std::get_if<Skip>(&r)) {
        out.skipped.push_back({document, std::move(skip->reason)});
      } else {
        out.entries.push_back(std::move(std::get<CatalogEntry>(r)));
      }
    } catch (const YAML::Exception& e) {
      out.skipped.push_back({document, e.msg});
    }
  }
  return out;
}

std::string write_catalog(const std::vector<core::Service>& services,
                          const std::map<Id, std::string>& team_names) {
  std::string out;
  std::set<std::string> entity_names;
  for (const auto& s : services) {
    // The last keyword names the entity when it may (an imported service's metadata.name is
    // its last keyword), else a name made from the service's.
    std::vector<std::string> tags(s.keywords.begin(), s.keywords.end());
    std::string entity;
    if (!tags.empty() && valid_entity_name(tags.back()) && !entity_names.contains(tags.back())) {
      entity = tags.back();
      tags.pop_back();
    } else {
      entity = catalog_entity_name(s.name);
      if (entity.empty() || entity_names.contains(entity)) {
        entity = (entity.empty() ? "service" : entity.substr(0, 40)) + "-" + std::to_string(s.id);
      }
    }
    entity_names.insert(entity);
    std::erase_if(tags, [](const std::string& t) { return !valid_tag(t); });
    // What an import would make of tags and name; when that is not the service's keywords,
    // frontline.io/keywords lists them all.
    std::vector<std::string> read_back;
    for (const auto& t : tags) add_keyword(read_back, t);
    add_keyword(read_back, entity);
    const bool keywords_listed = read_back != s.keywords;

    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "apiVersion" << YAML::Value << "backstage.io/v1alpha1";
    e << YAML::Key << "kind" << YAML::Value << "Component";
    e << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "name" << YAML::Value << entity;
    e << YAML::Key << "title" << YAML::Value << YAML::DoubleQuoted << s.name;
    if (!s.description.empty()) {
      e << YAML::Key << "description" << YAML::Value << YAML::DoubleQuoted << s.description;
    }
    if (!tags.empty()) {
      e << YAML::Key << "tags" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const auto& t : tags) e << t;
      e << YAML::EndSeq;
    }
    if (!s.urls.empty()) {
      e << YAML::Key << "links" << YAML::Value << YAML::BeginSeq;
      for (const auto& url : s.urls) {
        e << YAML::BeginMap << YAML::Key << "url" << YAML::Value << YAML::DoubleQuoted << url
          << YAML::EndMap;
      }
      e << YAML::EndSeq;
    }
    e << YAML::Key << "annotations" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << std::string(kPublic) << YAML::Value << YAML::DoubleQuoted
      << (s.is_public ? "true" : "false");
    if (keywords_listed) {
      e << YAML::Key << std::string(kKeywords) << YAML::Value << YAML::DoubleQuoted
        << flow_list(s.keywords);
    }
    e << YAML::Key << std::string(kContacts) << YAML::Value << YAML::Literal
      << contacts_yaml(s.contacts);
    e << YAML::EndMap;
    e << YAML::EndMap;  // metadata
    e << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "type" << YAML::Value << "service";
    e << YAML::Key << "lifecycle" << YAML::Value << "production";
    if (s.team_id) {
      auto team = team_names.find(*s.team_id);
      if (team != team_names.end()) {
        e << YAML::Key << "owner" << YAML::Value << YAML::DoubleQuoted
          << "group:default/" + (catalog_entity_name(team->second).empty()
                                     ? team->second
                                     : catalog_entity_name(team->second));
      }
    }
    e << YAML::EndMap;
    e << YAML::EndMap;
    out += "---\n";
    out += e.c_str();
    out += "\n";
  }
  return out;
}

}  // namespace frontline::app
