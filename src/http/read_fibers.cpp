// Fibers for reads on the network threads (see header).
#include "http/read_fibers.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif
#include <utility>
#include <vector>

#include "store/waiter.hpp"

#if defined(BOOST_USE_UCONTEXT)
// Debian's libboost-context is built for its assembly switch only; the ucontext flavour used in
// sanitized builds needs its per-thread "current fiber" record, defined here as Boost.Context's
// own sources define it: one record per thread, made on first use and freed at thread exit.
namespace boost::context::detail {
namespace {
thread_local fiber_activation_record* current_record = nullptr;
thread_local std::size_t records_made = 0;
}  // namespace
fiber_activation_record_initializer::fiber_activation_record_initializer() noexcept {
  if (records_made++ == 0) current_record = new fiber_activation_record();
}
fiber_activation_record_initializer::~fiber_activation_record_initializer() {
  if (--records_made == 0) delete current_record;
}
fiber_activation_record*& fiber_activation_record::current() noexcept {
  thread_local fiber_activation_record_initializer initializer;
  return current_record;
}
}  // namespace boost::context::detail
#endif

namespace frontline::http {
namespace {

namespace asio = boost::asio;
namespace ctx = boost::context;

// Virtual size: only the pages a handler touches are ever backed by memory. Sanitized builds
// need far more (redzones around every local).
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kStackBytes = 4 * 1024 * 1024;
#else
constexpr std::size_t kStackBytes = 512 * 1024;
#endif
constexpr std::size_t kStacksKept = 64;

// A stack a fiber ended on (or memory unmapped and mapped again) still carries that fiber's
// redzones in AddressSanitizer's shadow: cleared before a fiber runs on it.
void clean_for_sanitizer(const ctx::stack_context& sc) {
#if defined(__SANITIZE_ADDRESS__)
  __asan_unpoison_memory_region(static_cast<char*>(sc.sp) - sc.size, sc.size);
#endif
}

// Stacks kept for reuse on their thread: a new one costs an mmap and an mprotect (its guard
// page), too dear per request. Each fiber is made and ends on one thread, so no lock.
struct CachedStacks {
  ctx::stack_context allocate() {
    auto& kept = stacks();
    ctx::stack_context sc;
    if (kept.empty()) {
      sc = ctx::protected_fixedsize_stack(kStackBytes).allocate();
    } else {
      sc = kept.back();
      kept.pop_back();
    }
    clean_for_sanitizer(sc);
    return sc;
  }
  void deallocate(ctx::stack_context& sc) noexcept {
    auto& kept = stacks();
    if (kept.size() < kStacksKept) {
      kept.push_back(sc);
    } else {
      ctx::protected_fixedsize_stack(kStackBytes).deallocate(sc);
    }
  }
  static std::vector<ctx::stack_context>& stacks() {
    thread_local std::vector<ctx::stack_context> kept;
    return kept;
  }
};

// One read in its fiber. Owns itself: deleted when its work has returned.
class ReadFiber final : public store::Waiter {
 public:
  ReadFiber(asio::io_context& lane, std::function<void()> work, std::function<void()> done)
      : lane_(lane), work_(std::move(work)), done_(std::move(done)) {
    fiber_ = ctx::fiber(std::allocator_arg, CachedStacks{}, [this](ctx::fiber&& caller) {
      caller_ = std::move(caller);
      work_();
      return std::move(caller_);
    });
  }

  // Runs the fiber until it steps aside or ends (on the lane's thread).
  void resume() {
    {
      store::ScopedWaiter installed(this);
      fiber_ = std::move(fiber_).resume();
    }
    if (fiber_) return;  // stepped aside: whatever it waits for resumes it
    auto done = std::move(done_);
    delete this;
    done();
  }

  void wait_readable(int fd) override {
    // A descriptor for the wait only: released, not closed (libpq owns the socket).
    asio::posix::stream_descriptor socket(lane_, fd);
    socket.async_wait(asio::posix::stream_descriptor::wait_read,
                      [this](const boost::system::error_code&) { resume(); });
    step_aside();
    socket.release();
  }

  void wait_until_woken(const std::function<void(std::function<void()>)>& enlist) override {
    // Posted, so a wake from another thread, or from enlist itself, resumes the fiber only once
    // it has stepped aside (the lane's one thread is busy with it until then).
    enlist([this] { asio::post(lane_, [this] { resume(); }); });
    step_aside();
  }

  void sleep_for(std::chrono::microseconds duration) override {
    asio::steady_timer timer(lane_, duration);
    timer.async_wait([this](const boost::system::error_code&) { resume(); });
    step_aside();
  }

 private:
  // Inside the fiber: back to the lane's loop; returns when something resumes the fiber.
  void step_aside() { caller_ = std::move(caller_).resume(); }

  asio::io_context& lane_;
  std::function<void()> work_;
  std::function<void()> done_;
  ctx::fiber fiber_;   // the fiber, while it is not running
  ctx::fiber caller_;  // inside the fiber: the lane's loop that resumed it
};

}  // namespace

void run_in_fiber(asio::io_context& lane, std::function<void()> work, std::function<void()> done) {
  (new ReadFiber(lane, std::move(work), std::move(done)))->resume();
}

}  // namespace frontline::http
