/** RFC 4180 CSV as a spreadsheet reads it: quoted fields with doubled quotes and line breaks, CRLF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A CSV answer's bytes: checks the UTF-8 byte-order mark and returns header and rows. */
export async function readCsv(res: Response): Promise<{ header: string[]; rows: string[][] }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error(`no UTF-8 byte-order mark: ${[...bytes.slice(0, 3)]}`);
  const [header, ...rows] = parseCsv(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes.slice(3)));
  return { header: header ?? [], rows };
}
