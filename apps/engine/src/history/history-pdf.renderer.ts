import PDFDocument from 'pdfkit';
import { fontFile, fontRuns } from './noto-sans-fonts';
import { summarise } from './history-csv';
import type { SubjectHistory } from './history.service';

type Doc = InstanceType<typeof PDFDocument>;

const FONTS = { latin400: 'latin-400', latin700: 'latin-700', vietnamese400: 'vietnamese-400', vietnamese700: 'vietnamese-700' } as const;

/**
 * A readable PDF of a history for a hearing: title, filter, one block per event (time, what,
 * who in which role, why, the facts) and on every page a footer with the chain hash of the
 * last included event and the export time.
 */
export function renderHistoryPdf(history: SubjectHistory): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 70, left: 50, right: 50 }, bufferPages: true,
    info: { Title: `History — ${history.subjectName}`, Producer: 'Rectify' } });
  doc.registerFont(FONTS.latin400, fontFile('latin', 400));
  doc.registerFont(FONTS.latin700, fontFile('latin', 700));
  doc.registerFont(FONTS.vietnamese400, fontFile('vietnamese', 400));
  doc.registerFont(FONTS.vietnamese700, fontFile('vietnamese', 700));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const title = history.subject.type === 'official' ? 'Lịch sử công tác / Record of official' : 'Lịch sử đơn vị / Record of unit';
  write(doc, title, { size: 16, bold: true });
  write(doc, history.subjectName, { size: 14, bold: true });
  write(doc, `Mã / Id: ${history.subject.id}`, { size: 9 });
  const { from, to, kind } = history.filter;
  write(doc, `Khoảng thời gian / Period: ${from ?? '…'} – ${to ?? '…'}${kind ? ` · Loại / Kind: ${kind}` : ''} · ${history.entries.length} sự kiện / events`, { size: 9 });
  doc.moveDown();
  for (const entry of history.entries) {
    write(doc, `${vietnamTime(entry.occurredAt)} · ${entry.type} · ${entry.streamId} v${entry.version}`, { size: 10, bold: true });
    write(doc, `Người thực hiện / Actor: ${entry.actor.name ?? entry.actor.id} (${entry.actor.role}) · ghi nhận / recorded ${vietnamTime(entry.recordedAt)}`, { size: 9 });
    if (entry.reason) write(doc, `Lý do / Reason: ${entry.reason}`, { size: 9 });
    const summary = summarise(entry);
    if (summary) write(doc, summary, { size: 9 });
    doc.moveDown(0.5);
  }
  if (history.entries.length === 0) write(doc, 'Không có sự kiện / No events', { size: 10 });
  footers(doc, history);
  doc.end();
  return done;
}

function write(doc: Doc, text: string, options: { size: number; bold?: boolean; x?: number; y?: number; width?: number }): void {
  const runs = fontRuns(text);
  runs.forEach((run, index) => {
    const font = run.subset === 'latin' ? (options.bold ? FONTS.latin700 : FONTS.latin400) : options.bold ? FONTS.vietnamese700 : FONTS.vietnamese400;
    doc.font(font).fontSize(options.size);
    // No glyph composition (ccmp): fontkit would split ị into i + a combining dot with no
    // Unicode mapping, and text extraction would read "ị \u0002"; the precomposed glyph is used.
    const textOptions = { width: options.width, continued: index < runs.length - 1, features: { ccmp: false } as unknown as [] };
    if (index === 0 && options.x !== undefined && options.y !== undefined) doc.text(run.text, options.x, options.y, textOptions);
    else doc.text(run.text, textOptions);
  });
}

function footers(doc: Doc, history: SubjectHistory): void {
  const range = doc.bufferedPageRange();
  const chain = `Hash of the last included event: ${history.lastHash ?? '—'}${history.lastChainHash ? ` · global chain: ${history.lastChainHash}` : ''}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 100;
    write(doc, chain, { size: 7, x: 50, y: doc.page.height - 55, width });
    write(doc, `Xuất lúc / Exported at ${history.exportedAt.toISOString()} · trang / page ${i + 1 - range.start}/${range.count}`, { size: 7, x: 50, y: doc.page.height - 35, width });
    doc.page.margins.bottom = bottom;
  }
}

/** "dd/mm/yyyy hh:mm" in Vietnam time (UTC+7). */
function vietnamTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}
