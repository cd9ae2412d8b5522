// parking_lot.cpp — see parking_lot.hpp for the design and invariants.
#include <gillab/locks/futex.hpp>
#include <gillab/locks/futex_mutex.hpp>
#include <gillab/locks/parking_lot.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <array>
#include <atomic>
#include <mutex>

namespace gillab::locks::parking_lot {
namespace {

struct thread_record {
  // 1 while parked and not yet handed a wake-up; the unparker stores 0 last.
  std::atomic<std::uint32_t> parked{0};
  std::intptr_t token = 0;
  // Protected by the bucket lock:
  const void* address = nullptr;
  thread_record* next = nullptr;
  bool queued = false;
};

thread_record& this_thread_record() {
  thread_local thread_record record;
  return record;
}

struct alignas(cache_line_size) bucket {
  futex_mutex lock;  // not parking_mutex: the parking lot cannot park on itself
  thread_record* head = nullptr;
  thread_record* tail = nullptr;
  clock::time_point next_fair_time{};

  void enqueue(thread_record* r) {
    r->next = nullptr;
    r->queued = true;
    if (tail) {
      tail->next = r;
    } else {
      head = r;
    }
    tail = r;
  }
  // Removes `r` given its predecessor `prev` (null when r is the head).
  void remove(thread_record* prev, thread_record* r) {
    (prev ? prev->next : head) = r->next;
    if (tail == r) tail = prev;
    r->next = nullptr;
    r->queued = false;
  }
};

std::array<bucket, bucket_count> table;

bucket& bucket_for(const void* address) {
  // Fibonacci hashing of the address; the low bits of object addresses are
  // mostly zero, the multiplication spreads the high ones.
  const auto a = reinterpret_cast<std::uintptr_t>(address);
  constexpr int shift = 64 - 10;
  static_assert(bucket_count == std::size_t{1} << 10);
  return table[(a * 0x9E3779B97F4A7C15ULL) >> shift];
}

void wake(thread_record* r, std::intptr_t token) {
  r->token = token;
  r->parked.store(0, std::memory_order_release);
  futex_wake(r->parked, 1);  // r may be gone by now: see futex_wake's note
}

}  // namespace

park_result park(const void* address, function_ref<bool()> validate,
                 function_ref<void()> before_sleep, std::optional<clock::time_point> deadline) {
  thread_record& me = this_thread_record();
  bucket& b = bucket_for(address);
  {
    std::lock_guard guard(b.lock);
    if (!validate()) return {};
    me.address = address;
    me.parked.store(1, std::memory_order_relaxed);
    b.enqueue(&me);
  }
  before_sleep();

  while (me.parked.load(std::memory_order_acquire) != 0) {
    if (!deadline) {
      futex_wait(me.parked, 1);
      continue;
    }
    const auto now = clock::now();
    if (now < *deadline) {
      futex_wait(me.parked, 1, *deadline - now);
      continue;
    }
    // Timed out: leave the queue unless an unparker already took us out.
    std::unique_lock guard(b.lock);
    if (me.queued) {
      thread_record* prev = nullptr;
      for (thread_record* r = b.head; r != &me; r = r->next) prev = r;
      b.remove(prev, &me);
      me.parked.store(0, std::memory_order_relaxed);
      return {};
    }
    guard.unlock();
    while (me.parked.load(std::memory_order_acquire) != 0) futex_wait(me.parked, 1);
  }
  return {true, me.token};
}

void unpark_one(const void* address, function_ref<std::intptr_t(unpark_result)> callback) {
  bucket& b = bucket_for(address);
  thread_record* woken = nullptr;
  std::intptr_t token = 0;
  {
    std::lock_guard guard(b.lock);
    unpark_result result;
    thread_record* prev = nullptr;
    for (thread_record* r = b.head; r; prev = r, r = r->next) {
      if (r->address != address) continue;
      woken = r;
      const thread_record* next = r->next;
      b.remove(prev, r);
      result.did_unpark_thread = true;
      for (const thread_record* s = next; s && !result.may_have_more_threads; s = s->next)
        result.may_have_more_threads = s->address == address;
      break;
    }
    if (woken) {
      const auto now = clock::now();
      if (now >= b.next_fair_time) {
        result.time_to_be_fair = true;
        // Next fair hand-off in a random 0..1 ms, as WebKit does.
        b.next_fair_time = now + std::chrono::nanoseconds(detail::thread_random() % 1'000'000);
      }
    }
    token = callback(result);
  }
  if (woken) wake(woken, token);
}

std::size_t unpark_all(const void* address, std::intptr_t token) {
  bucket& b = bucket_for(address);
  thread_record* woken = nullptr;  // chained through `next` once out of the queue
  std::size_t n = 0;
  {
    std::lock_guard guard(b.lock);
    thread_record* prev = nullptr;
    thread_record* r = b.head;
    thread_record** woken_tail = &woken;
    while (r) {
      thread_record* next = r->next;
      if (r->address == address) {
        b.remove(prev, r);
        *woken_tail = r;
        woken_tail = &r->next;
        ++n;
      } else {
        prev = r;
      }
      r = next;
    }
  }
  while (woken) {
    thread_record* next = woken->next;  // read before the wake: the record may go
    wake(woken, token);
    woken = next;
  }
  return n;
}

std::size_t parked_count(const void* address) {
  bucket& b = bucket_for(address);
  std::lock_guard guard(b.lock);
  std::size_t n = 0;
  for (const thread_record* r = b.head; r; r = r->next) n += r->address == address;
  return n;
}

}  // namespace gillab::locks::parking_lot
