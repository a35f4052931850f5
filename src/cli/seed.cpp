// frontline seed: realistic IT-support data for demos and benchmarks — subjects and bodies from
// a vocabulary, agents in teams with skewed assignment, customers in organisations, and tickets
// spread over D days that resolve and close as they age. Deterministic for a given size.
#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <iostream>
#include <random>

#include "app/accounts.hpp"
#include "app/credentials.hpp"
#include "cli/commands.hpp"
#include "cli/runtime.hpp"

namespace frontline::cli {
namespace {

struct SeedFlags {
  StoreLocation where;
  long tickets = 1000;
  int agents = 20;
  int customers = 2000;
  int days = 365;
};

constexpr std::array<const char*, 24> kThings{"printer",
                                              "VPN",
                                              "Outlook",
                                              "laptop",
                                              "monitor",
                                              "Wi-Fi",
                                              "password",
                                              "Teams",
                                              "SharePoint",
                                              "docking station",
                                              "keyboard",
                                              "phone",
                                              "CRM",
                                              "invoice portal",
                                              "backup",
                                              "firewall",
                                              "DNS",
                                              "email",
                                              "calendar",
                                              "scanner",
                                              "database",
                                              "website",
                                              "SSL certificate",
                                              "file share"};
constexpr std::array<const char*, 16> kProblems{
    "not working",   "keeps disconnecting", "very slow",        "shows an error",
    "cannot log in", "stopped syncing",     "crashes on start", "not printing",
    "locked out",    "needs an upgrade",    "access request",   "intermittent failures",
    "out of space",  "certificate expired", "not reachable",    "requests a password reset"};
constexpr std::array<const char*, 8> kPlaces{"on the 3rd floor",     "in the London office",
                                             "for the finance team", "since this morning",
                                             "after the update",     "at home",
                                             "in meeting room B",    "for a new starter"};
constexpr std::array<const char*, 20> kSentences{
    "Since this morning it has stopped working for everyone in our team.",
    "I already restarted the machine twice and it did not help.",
    "The error message says the connection was reset by the server.",
    "This is blocking our month-end close, so please treat it as urgent.",
    "It worked fine yesterday before the Windows update was installed.",
    "Could you please check whether the licence has expired?",
    "Attached is a screenshot of the dialog that appears.",
    "The issue happens intermittently, roughly every ten minutes.",
    "Other colleagues on the same floor report the same problem.",
    "We need access for a new starter who begins on Monday.",
    "The toner light is blinking and pages come out blank.",
    "When I connect through the VPN, the shared drive is not reachable.",
    "Thanks, that fixed it. You can close this ticket.",
    "I have cleared the cache and signed in again without success.",
    "Please reset my password, I am locked out after too many attempts.",
    "The laptop fan is very loud and the battery drains within an hour.",
    "Our website shows a certificate warning in every browser.",
    "The calendar invitations are not arriving for external guests.",
    "Could you escalate this to the network team?",
    "I ran the diagnostics you suggested; the log is below."};
constexpr std::array<const char*, 8> kReplies{
    "Thanks for reporting this. I have restarted the service; please try again.",
    "Could you send the exact error message and the time it happened?",
    "I have reset your password; you will get a link by email.",
    "We replaced the toner cartridge; printing works again.",
    "The VPN profile was outdated. I pushed a new one to your laptop.",
    "I have escalated this to the network team and will update you.",
    "The licence was renewed; please sign out and in again.",
    "This was caused by last night's update; we rolled it back."};
constexpr std::array<const char*, 6> kCategories{"hardware", "software", "network",
                                                 "access",   "email",    "other"};

std::string sentences(std::mt19937_64& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += kSentences[rng() % kSentences.size()];
  }
  return out;
}

void seed(const SeedFlags& f) {
  auto started = std::chrono::steady_clock::now();
  Runtime rt(f.where);
  std::mt19937_64 rng(42);
  const core::UnixTime now = rt.clock.now();
  // One shared password hash: hashing thousands of argon2id passwords would dominate the run.
  const std::string hash = app::hash_password("seed-password");

  std::vector<core::Id> agents, customers;
  std::vector<std::optional<core::Id>> customer_org;
  std::vector<core::Id> agent_team;
  rt.db->write([&](store::Tx& tx) {
    std::vector<core::Id> teams;
    for (const char* name : {"Help Desk", "Field Technicians", "Network", "Applications"}) {
      auto existing = tx.organizations().team_by_name(name);
      teams.push_back(existing ? existing->id : tx.organizations().insert_team({0, name, {}}));
    }
    std::vector<core::Id> orgs;
    for (int i = 0; i < std::max(1, f.customers / 50); ++i) {
      std::string name = "Customer Org " + std::to_string(i + 1);
      auto existing = tx.organizations().organization_by_name(name);
      orgs.push_back(existing ? existing->id
                              : tx.organizations().insert_organization({0, name, i % 3 == 0}));
    }
    std::vector<std::vector<core::Id>> members(teams.size());
    for (int i = 0; i < f.agents; ++i) {
      core::User u;
      u.email = "agent" + std::to_string(i + 1) + "@example.com";
      u.name = "Agent " + std::to_string(i + 1);
      u.role = core::Role::agent;
      u.created_at = now - f.days * 86400LL;
      auto existing = tx.accounts().user_by_email(u.email);
      core::Id id = existing ? existing->id : tx.accounts().insert_user(u, hash);
      agents.push_back(id);
      agent_team.push_back(teams[i % teams.size()]);
      members[i % teams.size()].push_back(id);
    }
    for (std::size_t t = 0; t < teams.size(); ++t)
      tx.organizations().set_team_members(teams[t], members[t]);
    for (int i = 0; i < f.customers; ++i) {
      core::User u;
      u.email = "customer" + std::to_string(i + 1) + "@example.org";
      u.name = "Customer " + std::to_string(i + 1);
      u.role = core::Role::customer;
      u.organization_id = orgs[static_cast<std::size_t>(i) % orgs.size()];
      u.created_at = now - f.days * 86400LL;
      auto existing = tx.accounts().user_by_email(u.email);
      customers.push_back(existing ? existing->id : tx.accounts().insert_user(u, hash));
      customer_org.push_back(existing ? existing->organization_id : u.organization_id);
    }
    return true;
  });

  // Skewed assignment: agent i is picked with weight 1/(i+1) (a few do most of the work).
  std::vector<double> weights;
  for (std::size_t i = 0; i < agents.size(); ++i)
    weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<std::size_t> pick_agent(weights.begin(), weights.end());
  const long batch = 20000;
  for (long done = 0; done < f.tickets; done += batch) {
    const long n = std::min(batch, f.tickets - done);
    rt.db->write([&](store::Tx& tx) {
      for (long i = 0; i < n; ++i) {
        // Tickets arrive evenly over the window, the newest last.
        const core::UnixTime created =
            now - f.days * 86400LL + (done + i) * (f.days * 86400LL) / std::max(1L, f.tickets);
        const double age_days = static_cast<double>(now - created) / 86400.0;
        std::size_t c = rng() % customers.size();
        core::Ticket t;
        t.subject = std::string(kThings[rng() % kThings.size()]) + " " +
                    kProblems[rng() % kProblems.size()] + " " + kPlaces[rng() % kPlaces.size()];
        t.requester_id = customers[c];
        t.requester_email = "customer" + std::to_string(c + 1) + "@example.org";
        t.requester_name = "Customer " + std::to_string(c + 1);
        t.organization_id = customer_org[c];
        t.category = kCategories[rng() % kCategories.size()];
        t.channel = static_cast<core::Channel>(rng() % 5);
        t.priority = static_cast<core::Priority>(rng() % 10 < 6 ? 1 : rng() % 4);
        t.created_at = created;
        std::size_t a = pick_agent(rng);
        // Older tickets are more likely finished: most of last year's are closed.
        const double p_done = std::min(0.97, age_days / 14.0);
        const double roll = static_cast<double>(rng() % 1000) / 1000.0;
        const bool unassigned = age_days < 2 && rng() % 3 == 0;
        if (!unassigned) {
          t.assignee_id = agents[a];
          t.team_id = agent_team[a];
        }
        core::UnixTime last = created;
        const core::UnixTime replied = created + 600 + static_cast<core::UnixTime>(rng() % 14400);
        if (!unassigned && replied < now) t.first_response_at = last = replied;
        if (roll < p_done && !unassigned) {
          const core::UnixTime resolved =
              created + 3600 + static_cast<core::UnixTime>(rng() % (5 * 86400));
          if (resolved < now) {
            last = resolved;
            t.resolved_at = resolved;
            t.status = core::Status::resolved;
            if (resolved + 7 * 86400 < now) {
              t.status = core::Status::closed;
              t.closed_at = last = resolved + 7 * 86400;
            }
          }
        }
        if (t.status == core::Status::new_ && t.first_response_at) {
          t.status = rng() % 4 == 0 ? core::Status::pending : core::Status::open;
        }
        t.updated_at = t.public_updated_at = last;
        if (rng() % 5 == 0) t.tags.push_back(rng() % 2 ? "vip" : "hardware-swap");

        const std::string question = sentences(rng, 2 + static_cast<int>(rng() % 3));
        const std::string answer = t.first_response_at ? kReplies[rng() % kReplies.size()] : "";
        const bool note = t.first_response_at && rng() % 3 == 0;
        const std::string note_text = note ? sentences(rng, 1) : "";
        tx.tickets().insert_ticket(t, question + "\n" + answer, note_text);
        if (t.resolved_at) {  // the leaderboard's credit, as a resolve through the app gives it
          // Seeded agents keep the UTC default, so their local day is the UTC day.
          tx.credits().add_credit(
              {t.number, *t.assignee_id, static_cast<std::int32_t>(*t.resolved_at / 86400),
               t.team_id.value_or(0), t.category, std::string(core::to_string(t.channel))});
        }
        core::Message m;
        m.ticket_number = t.number;
        m.author_id = t.requester_id;
        m.body = question;
        m.created_at = created;
        tx.messages().insert_message_unindexed(m);
        if (t.first_response_at) {
          m.author_id = *t.assignee_id;
          m.body = answer;
          m.created_at = *t.first_response_at;
          tx.messages().insert_message_unindexed(m);
        }
        if (note) {
          m.kind = core::MessageKind::internal_note;
          m.body = note_text;
          tx.messages().insert_message_unindexed(m);
        }
        core::Event e;
        e.ticket_number = t.number;
        e.actor_id = t.requester_id;
        e.type = core::to_string(core::EventType::ticket_created);
        e.data = "{\"seeded\":true}";
        e.created_at = created;
        tx.events().append_event(e);
        if (t.resolved_at) {
          e.actor_id = t.assignee_id;
          e.type = core::to_string(core::EventType::ticket_status_changed);
          e.data = "{\"from\":\"open\",\"to\":\"resolved\"}";
          e.created_at = *t.resolved_at;
          tx.events().append_event(e);
        }
      }
      return true;
    });
  }
  rt.db->write([](store::Tx& tx) {
    tx.optimize();
    return true;
  });
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "seeded " << f.tickets << " tickets, " << f.agents << " agents, " << f.customers
            << " customers in " << seconds << " s\n";
}

}  // namespace

void add_seed_command(CLI::App& app) {
  auto f = std::make_shared<SeedFlags>();
  auto* cmd = app.add_subcommand("seed", "Fill the database with realistic IT-support tickets");
  add_store_options(cmd, f->where);
  cmd->add_option("--tickets", f->tickets, "How many tickets")->required();
  cmd->add_option("--agents", f->agents, "How many agents");
  cmd->add_option("--customers", f->customers, "How many customers");
  cmd->add_option("--days", f->days, "Spread tickets over this many days");
  cmd->callback([f] { seed(*f); });
}

}  // namespace frontline::cli
