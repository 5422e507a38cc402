import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { AttendanceOption, attendanceProof, proofEntry } from '../../../contracts/meetings.ts';

type Proof = z.infer<typeof attendanceProof>;
type Entry = z.infer<typeof proofEntry>;

/** The PDF's words. Only what the member chose to include is printed; nothing here is logged. */
const TEXT = {
  en: {
    title: 'Proof of meeting attendance',
    name: 'Name',
    period: 'Period',
    issued: 'Issued',
    total: 'Meetings recorded',
    code: 'Verification code',
    verifyAt: 'Anyone can confirm this record, and see exactly what it contains, at:',
    scan: 'Or scan the code.',
    none: 'No meetings recorded in this period.',
    columns: { date: 'Date', time: 'Time', meeting: 'Meeting', location: 'Location', attendance: 'Attendance', method: 'Recorded' },
    attendance: { in_person: 'In person', online: 'Online', hybrid: 'Hybrid', inactive: 'Inactive' },
    method: { roster: 'Confirmed by facilitator', self: 'Self check-in' },
    online: 'Online',
    note:
      '"Confirmed by facilitator": a facilitator of the meeting marked the holder present. "Self check-in": the holder checked in ' +
      'with their own account while the meeting was on. The holder chose which details this record shows.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
  es: {
    title: 'Constancia de asistencia a reuniones',
    name: 'Nombre',
    period: 'Periodo',
    issued: 'Emitida',
    total: 'Reuniones registradas',
    code: 'Código de verificación',
    verifyAt: 'Cualquier persona puede confirmar esta constancia, y ver exactamente lo que contiene, en:',
    scan: 'O escanea el código.',
    none: 'No hay reuniones registradas en este periodo.',
    columns: { date: 'Fecha', time: 'Hora', meeting: 'Reunión', location: 'Lugar', attendance: 'Modalidad', method: 'Registro' },
    attendance: { in_person: 'Presencial', online: 'En línea', hybrid: 'Híbrida', inactive: 'Inactiva' },
    method: { roster: 'Confirmada por quien facilita', self: 'Registro propio' },
    online: 'En línea',
    note:
      '"Confirmada por quien facilita": una persona que facilita la reunión marcó la asistencia. "Registro propio": la persona ' +
      'registró su asistencia con su propia cuenta durante la reunión. La persona eligió qué datos muestra esta constancia.',
    page: (n: number, of: number) => `Página ${n} de ${of}`,
  },
} satisfies Record<Locale, unknown>;

// The standard PDF fonts speak WinAnsi: Latin-1 and a few typographic marks. Enough for English and Spanish.
const WIN_ANSI_EXTRA = new Set([0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122]);
const printable = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);

/** Text the fonts can draw: odd spaces become spaces, accents outside WinAnsi are dropped, anything else is "?"; line breaks stay. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/[\u2000-\u200a\u202f\u205f\u3000]/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    if (printable(cp) || ch === '\n') out += ch;
    else if (cp < 0x20) out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length === 1 && printable(base.codePointAt(0)!) ? base : '?';
    }
  }
  return out;
}

const atNoonUtc = (date: string) => new Date(`${date}T12:00:00Z`);
const tag = (locale: Locale) => (locale === 'es' ? 'es' : 'en-US');
const dateText = (date: string, locale: Locale, weekday = false) =>
  new Intl.DateTimeFormat(tag(locale), { ...(weekday ? { weekday: 'short' as const } : {}), year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(atNoonUtc(date));
const timeText = (e: Entry, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { hour: 'numeric', minute: '2-digit', timeZone: e.timeZone, timeZoneName: 'short' }).format(new Date(e.start));

interface Column {
  title: string;
  width: number;
  cell: (e: Entry) => string;
}

function columnsFor(proof: Proof, locale: Locale, width: number): Column[] {
  const t = TEXT[locale];
  const fixed: Column[] = [
    { title: t.columns.date, width: 86, cell: (e) => dateText(e.date, locale, true) },
    { title: t.columns.time, width: 66, cell: (e) => timeText(e, locale) },
  ];
  const flexible: Omit<Column, 'width'>[] = [];
  if (proof.includeMeetingNames) flexible.push({ title: t.columns.meeting, cell: (e) => [e.meetingName, e.groupName].filter(Boolean).join('\n') });
  if (proof.includeLocations) flexible.push({ title: t.columns.location, cell: (e) => (e.attendance === 'online' && e.location ? t.online : (e.location ?? '')) });
  const tail: Column[] = [
    { title: t.columns.attendance, width: 62, cell: (e) => t.attendance[e.attendance as AttendanceOption] },
    { title: t.columns.method, width: 82, cell: (e) => t.method[e.method] },
  ];
  const used = [...fixed, ...tail].reduce((sum, c) => sum + c.width, 0);
  if (flexible.length === 0) return [...fixed, ...tail].map((c) => ({ ...c, width: (c.width * width) / used }));
  return [...fixed, ...flexible.map((c) => ({ ...c, width: (width - used) / flexible.length })), ...tail];
}

/** Draws a QR code as squares: sharp at any zoom, and no image to embed. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  doc.fillColor('#000').fill();
}

/**
 * The printable record: who (only if named), the period, each meeting attended, the total, and the code with the
 * address where anyone can confirm it. US Letter, with margins that also fit A4 paper.
 */
export function renderProofPdf(opts: { proof: Proof; organization: string; locale: Locale; compress?: boolean }): Promise<Buffer> {
  const { proof, organization, locale } = opts;
  const t = TEXT[locale];
  const margin = 54;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: margin, bottom: margin + 18, left: margin, right: margin },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: locale,
    // The code in the document's properties: a clerk's viewer shows it, and it is readable in a compressed file.
    info: { Title: `${t.title} ${proof.code}`, Subject: proof.code, Author: winAnsi(organization), Creator: 'Kindred', Producer: 'Kindred' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margin;
  const width = doc.page.width - 2 * margin;
  const write = (text: string, o: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(text), o);

  // ── Heading, facts and code ──
  doc.font('Helvetica').fontSize(10).fillColor('#555');
  write(organization);
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#000');
  write(t.title);
  doc.moveDown(0.6);

  const qrSize = 96;
  const factsWidth = width - qrSize - 18;
  const top = doc.y;
  const fact = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(11);
    write(`${label}: `, { continued: true, width: factsWidth });
    doc.font('Helvetica');
    write(value, { width: factsWidth });
  };
  if (proof.holderName) fact(t.name, proof.holderName);
  fact(t.period, `${dateText(proof.from, locale)} – ${dateText(proof.to, locale)}`);
  fact(t.issued, dateText(proof.createdAt.slice(0, 10), locale));
  fact(t.total, String(proof.entries.length));
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(10).fillColor('#555');
  write(t.code, { width: factsWidth });
  doc.font('Courier-Bold').fontSize(22).fillColor('#000');
  write(proof.code, { width: factsWidth });
  doc.font('Helvetica').fontSize(9.5).fillColor('#000');
  write(t.verifyAt, { width: factsWidth });
  doc.fillColor('#0b5394');
  write(proof.verifyUrl, { width: factsWidth, link: proof.verifyUrl, underline: true });
  doc.fillColor('#000');
  drawQr(doc, proof.verifyUrl, left + width - qrSize, top, qrSize);
  doc.fontSize(8).fillColor('#555').text(winAnsi(t.scan), left + width - qrSize, top + qrSize + 4, { width: qrSize, align: 'center' });
  doc.fillColor('#000');
  doc.x = left;
  doc.y = Math.max(doc.y, top + qrSize + 20) + 12;

  // ── The meetings ──
  const columns = columnsFor(proof, locale, width);
  const pad = 4;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    return Math.max(...cells.map((text, i) => doc.heightOfString(winAnsi(text), { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, shade: boolean) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (shade) doc.rect(left, y, width, h).fillColor('#eeeeee').fill();
    doc.font(font).fontSize(9).fillColor('#000');
    let x = left;
    cells.forEach((text, i) => {
      doc.text(winAnsi(text), x + pad, y + pad, { width: columns[i]!.width - 2 * pad });
      x += columns[i]!.width;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor('#999').stroke();
    doc.x = left;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.title);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  if (proof.entries.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(11);
    write(t.none);
  } else {
    drawRow(header, 'Helvetica-Bold', true);
    for (const entry of proof.entries) {
      const cells = columns.map((c) => c.cell(entry));
      if (doc.y + rowHeight(cells, 'Helvetica') > bottom()) {
        doc.addPage();
        drawRow(header, 'Helvetica-Bold', true);
      }
      drawRow(cells, 'Helvetica', false);
    }
  }
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(8.5).fillColor('#333');
  write(t.note, { width });

  // ── Every page: the code and the page number, so a loose page still leads back to the record ──
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin;
    doc.font('Helvetica').fontSize(8).fillColor('#555');
    doc.text(winAnsi(`${organization} · ${t.code}: ${proof.code}`), left, y, { width: width * 0.8, lineBreak: false, ellipsis: true });
    doc.text(t.page(i - start + 1, count), left + width * 0.8, y, { width: width * 0.2, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
