"""Chat hub load (run by bench/chat.sh against a running server; Debian's python3-websockets).

1. Idle: opens IDLE chat sockets (one anonymous visitor per chat, each chat started over HTTP),
   waits until every socket has its hello, then reports the server's resident memory.
2. Active: ACTIVE chats accepted by technicians, a customer socket and a technician socket on
   each; customers send RATE messages per second in all (spread evenly over the chats) for
   SECONDS; each message's delivery time is from the send to the technician's socket receiving
   its frame (matched by client_id). Prints one JSON line of results.
"""

import asyncio
import json
import os
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import websockets

PORT = int(os.environ["BENCH_PORT"])
TOKEN = os.environ["BENCH_TOKEN"]
PID = int(os.environ["BENCH_PID"])
IDLE = int(os.environ.get("BENCH_CHAT_IDLE", "10000"))
ACTIVE = int(os.environ.get("BENCH_CHAT_ACTIVE", "500"))
RATE = int(os.environ.get("BENCH_CHAT_RATE", "1000"))
SECONDS = int(os.environ.get("BENCH_CHAT_SECONDS", "10"))
BASE = "http://127.0.0.1:%d" % PORT


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def post(path, body, token=None):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def start_chats(n):
    def one(i):
        return post("/api/v1/chats", {"email": "bench-%d-%d@example.com" % (os.getpid(), i),
                                      "topic": "Bench chat %d" % i})
    with ThreadPoolExecutor(16) as pool:
        return list(pool.map(one, range(n)))


def url(chat, visitor=True):
    q = "?visitor_token=" + chat["visitor_token"] if visitor else ""
    return "ws://127.0.0.1:%d/api/v1/chats/%d/socket%s" % (PORT, chat["id"], q)


async def connect_many(urls, headers=None):
    sockets = []
    for start in range(0, len(urls), 200):  # in batches: the listen backlog is finite
        batch = await asyncio.gather(*[
            websockets.connect(u, extra_headers=headers, open_timeout=60, ping_interval=None,
                               max_queue=None) for u in urls[start:start + 200]])
        sockets.extend(batch)
    await asyncio.gather(*[ws.recv() for ws in sockets])  # each hello
    return sockets


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


async def idle_phase():
    base_rss = rss_mb(PID)
    t0 = time.monotonic()
    chats = await asyncio.get_running_loop().run_in_executor(None, start_chats, IDLE)
    started_s = time.monotonic() - t0
    t0 = time.monotonic()
    sockets = await connect_many([url(c) for c in chats])
    connect_s = time.monotonic() - t0
    await asyncio.sleep(2)
    rss = rss_mb(PID)
    await asyncio.gather(*[ws.close() for ws in sockets])
    return {"idle_sockets": len(sockets), "idle_rss_mb": round(rss, 1),
            "rss_before_mb": round(base_rss, 1), "idle_chats_started_per_s": round(IDLE / started_s),
            "idle_connect_s": round(connect_s, 1)}


async def active_phase():
    chats = await asyncio.get_running_loop().run_in_executor(None, start_chats, ACTIVE)

    def accept(c):
        post("/api/v1/chats/%d/accept" % c["id"], {}, TOKEN)
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(accept, chats))
    customers = await connect_many([url(c) for c in chats])
    agents = await connect_many([url(c, visitor=False) for c in chats],
                                headers={"Authorization": "Bearer " + TOKEN})
    sent_at = {}
    latencies = []
    done = asyncio.Event()
    expected = RATE * SECONDS

    async def read_agent(ws):
        async for raw in ws:
            frame = json.loads(raw)
            cid = frame.get("client_id")
            if frame.get("type") == "message" and cid in sent_at:
                latencies.append((time.monotonic() - sent_at.pop(cid)) * 1000.0)
                if len(latencies) >= expected:
                    done.set()

    async def drain(ws):
        async for _ in ws:
            pass

    readers = [asyncio.ensure_future(read_agent(ws)) for ws in agents]
    readers += [asyncio.ensure_future(drain(ws)) for ws in customers]
    interval = 1.0 / RATE
    t0 = time.monotonic()
    for i in range(expected):
        target = t0 + i * interval
        delay = target - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        cid = "b%d" % i
        ws = customers[i % len(customers)]
        sent_at[cid] = time.monotonic()
        await ws.send(json.dumps({"type": "message", "body": "message %d" % i, "client_id": cid}))
    send_s = time.monotonic() - t0
    try:
        await asyncio.wait_for(done.wait(), 30)
    except asyncio.TimeoutError:
        pass
    for r in readers:
        r.cancel()
    await asyncio.gather(*[ws.close() for ws in customers + agents], return_exceptions=True)
    return {"active_chats": len(chats), "messages": expected, "delivered": len(latencies),
            "offered_rate": RATE, "achieved_rate": round(expected / send_s),
            "delivery_p50_ms": round(percentile(latencies, 50), 2),
            "delivery_p99_ms": round(percentile(latencies, 99), 2),
            "delivery_max_ms": round(max(latencies) if latencies else 0, 2),
            "rss_after_active_mb": round(rss_mb(PID), 1)}


async def main():
    results = {}
    results.update(await idle_phase())
    results.update(await active_phase())
    print(json.dumps(results))


if __name__ == "__main__":
    asyncio.run(main())
