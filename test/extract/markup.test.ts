/** Markup left in a plain-text article: taken out, lines kept, offsets still into the text as posted. */
import { describe, expect, it } from "vitest";
import { stripMarkup } from "../../src/extract/markup";
import { normalise, origStart } from "../../src/extract/normalise";
import { extract } from "../../src/extract/index";

describe("markup taken out", () => {
  const STRIPPED: [string, string][] = [
    ['<p cms-style="font-L">　　光明区GDP为614.71亿元。</p>', "　　光明区GDP为614.71亿元。"],
    ["<p>第一段。</p><p>第二段。</p>", "第一段。\n第二段。"],
    ["一行<br>两行<br/>三行", "一行\n两行\n三行"],
    ['<font cms-style="font-L strong-Bold">一个新的“指挥棒”</font>', "一个新的“指挥棒”"],
    ["<!-- 开户二维码 start -->正文<!-- end -->", "正文"],
    ["<style>p{margin:0}</style><script>var a = 1 < 2;</script>正文", "正文"],
    ["<!DOCTYPE html><html><head><title>标题_某某网</title></head><body>正文</body></html>", "正文"],
    ["&ldquo;六新&rdquo;建设&nbsp;增长&#53;%&amp;", "“六新”建设\u00a0增长5%&"],
    ['<a href="/x?a=1&b=2" title="a>b">链接</a>', "链接"],
    ["<table><tr><th>指标</th><th>增速</th></tr><tr><td>地区生产总值</td><td>6.3%</td></tr></table>", "指标 增速\n地区生产总值 6.3%"],
    // A paragraph already on its own line gets no second line break.
    ["<p>第一段。</p>\n<p>第二段。</p>", "第一段。\n第二段。"],
  ];
  for (const [raw, text] of STRIPPED) {
    it(`${JSON.stringify(raw)} -> ${JSON.stringify(text)}`, () => expect(stripMarkup(raw).text).toBe(text));
  }
  const KEPT = [
    "PM2.5<35微克/立方米",
    "a<b且c>d",
    "<未知标签>不是标签</未知标签>",
    "增长<5%",
    "&未知;与&foo;和R&D",
    "<p 未闭合的标签",
  ];
  for (const raw of KEPT) {
    it(`keeps ${JSON.stringify(raw)}`, () => {
      const r = stripMarkup(raw);
      expect(r.text).toBe(raw);
      expect(r.map).toBeNull();
    });
  }
  it("an unclosed raw-text element loses only its tag", () => {
    expect(stripMarkup("<script>正文一。<script>正文二。").text).toBe("正文一。正文二。");
  });
  it("maps every kept character back to where it was posted", () => {
    const raw = '<div><p class="t">&ldquo;新增&rdquo;企业<b>12家</b></p></div>';
    const { text, map } = stripMarkup(raw);
    expect(text).toBe("“新增”企业12家");
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch !== "“" && ch !== "”") expect(raw[map![i]!]).toBe(ch);
    }
  });
});

describe("an article posted with its markup", () => {
  const plain = "关于推进工作的通知\n2023年01月12日 来源：某某日报\n今年全区新增企业12家，增长5.5%。";
  const html = `<html><head><title>通知</title></head><body><h1>关于推进工作的通知</h1><div class="info">2023年01月12日 来源：某某日报</div><p style="text-indent:2em">今年全区新增企业12家，增长5.5%。</p></body></html>`;
  it("gives the plain text's facts, with offsets into the markup", () => {
    const a = extract(plain);
    const b = extract(html);
    expect(b.title).toBe(a.title);
    expect(b.published).toBe(a.published);
    expect(b.source).toBe(a.source);
    expect(b.figures.map((f) => [f.text, f.value, f.unit, f.metric])).toEqual(a.figures.map((f) => [f.text, f.value, f.unit, f.metric]));
    for (const f of b.figures) expect(html.slice(f.start, f.end)).toBe(f.text);
  });
  it("composes with pinyin stripping", () => {
    const n = normalise("<p>區(qū)委強調(diào)抓項(xiàng)目</p>");
    expect(n.clean).toBe("區委強調抓項目");
    expect(n.original[origStart(n, n.clean.indexOf("項"))]).toBe("項");
  });
});
