/**
 * The clock a test sets (test/helpers/clock.ts) is the one the Worker reads: the webhook's
 * timestamp window, received_at and extracted_at, and through them the Asia/Shanghai digest days
 * and the feeds' Last-Modified. If the test runner ever ran the Worker apart from the tests (its
 * own isolate, its own Date), this file fails instead of every clock-driven test silently reading
 * the wall clock.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { get } from "../feed/helpers";
import { advanceClock, BEFORE_MIDNIGHT, setClock } from "../helpers/clock";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

const DAY = 24 * 3600 * 1000;

async function stored(id: number) {
  return env.DB.prepare("SELECT status, received_at, extracted_at FROM articles WHERE id = ?").bind(id).first<{ status: string; received_at: number; extracted_at: number | null }>();
}

async function postExtracted(text: string): Promise<number> {
  const res = await postJson({ text });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: number };
  await eventually(async () => expect((await stored(id))!.status).toBe("extracted"));
  return id;
}

describe("the test clock is the Worker's clock", () => {
  it("the webhook judges timestamps by it, not by the wall clock", async () => {
    const wall = Math.floor(Date.now() / 1000);
    setClock(Date.now() + DAY);
    // No figures, so the next test's digest does not see it.
    const offClock = await postJson({ text: "会议召开。" }, { timestamp: wall });
    expect(offClock.status).toBe(401);
    expect(await offClock.json()).toMatchObject({ code: "stale_timestamp" });
    const onClock = await postJson({ text: "会议召开。" }, { timestamp: wall + DAY / 1000 });
    expect(onClock.status).toBe(201);
    const { id } = (await onClock.json()) as { id: number };
    await eventually(async () => expect((await stored(id))!.status).toBe("extracted"));
  });

  it("stores received_at and extracted_at from it, and dates digest days at Beijing midnight by it", async () => {
    setClock(BEFORE_MIDNIGHT); // 2026-11-20 23:59:59.999 in Beijing
    const late = await postExtracted("杜集区财政收入12亿元，增长5%。");
    expect(await stored(late)).toEqual({ status: "extracted", received_at: BEFORE_MIDNIGHT, extracted_at: BEFORE_MIDNIGHT });
    const midnight = advanceClock(1); // 2026-11-21 00:00:00.000 in Beijing
    const early = await postExtracted("杜集区新增企业20家。");
    expect(await stored(early)).toEqual({ status: "extracted", received_at: midnight, extracted_at: midnight });
    const api = (await (await exports.default.fetch(`http://jiyao.test/v1/articles/${late}`)).json()) as { received_at: string };
    expect(api.received_at).toBe("2026-11-20T15:59:59.999Z");

    const first = await get("/digest.json");
    const digest = (await first.json()) as { items: { id: string; content_html: string }[] };
    expect(digest.items.map((i) => i.id)).toEqual(["tag:jiyao,2026:digest:2026-11-21", "tag:jiyao,2026:digest:2026-11-20"]);
    expect(digest.items[0]!.content_html).toContain(`/articles/${early}#`);
    expect(digest.items[0]!.content_html).not.toContain(`/articles/${late}#`);
    expect(digest.items[1]!.content_html).toContain(`/articles/${late}#`);
    // Last-Modified is the newest extraction, to the second.
    expect(first.headers.get("last-modified")).toBe("Fri, 20 Nov 2026 16:00:00 GMT");

    // Time passing changes no feed: a day and a second later, the same bytes and validators.
    advanceClock(DAY + 1000);
    const later = await get("/digest.json");
    expect(later.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(later.headers.get("last-modified")).toBe(first.headers.get("last-modified"));
    expect((await get("/digest.json", { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
  });
});
