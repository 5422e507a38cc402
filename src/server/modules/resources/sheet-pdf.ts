import PDFDocument from 'pdfkit';
import type { Locale } from '../../../contracts/common.ts';
import type { ResourceCategory } from '../../../contracts/resources.ts';
import { winAnsi } from '../meetings/proof-pdf.ts';
import { type CompactHours, formatCompactHours } from './transfer-parse.ts';

/** One entry as the sheet prints it: name and description already in the reader's language, the phone as people dial it. */
export interface SheetEntry {
  name: string;
  category: ResourceCategory;
  description: string;
  phone: string | null;
  textLine: { number: string; keyword: string | null } | null;
  website: string | null;
  address: string | null;
  hours: CompactHours | null;
}

const TEXT = {
  en: {
    title: 'Recovery resources',
    printed: (date: string) => `Printed ${date}`,
    search: (q: string) => `Search: "${q}"`,
    call: 'Call',
    text: 'Text',
    textTo: (keyword: string, number: string) => `${keyword} to ${number}`,
    web: 'Web',
    address: 'Address',
    hours: 'Hours',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    always: 'Open 24 hours, every day',
    none: 'No entries match.',
    more: (shown: number, total: number) =>
      `This sheet shows the first ${shown} of ${total.toLocaleString('en-US')} entries. Choose a category or search to print the others.`,
    crisis: 'In an emergency, call your local emergency number.',
    continued: (category: string) => `${category} (continued)`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    categories: {
      crisis_lines: 'Crisis lines',
      treatment_detox: 'Treatment and detox',
      medication_treatment: 'Medication for addiction treatment',
      mental_health: 'Mental health',
      harm_reduction: 'Harm reduction and naloxone',
      housing: 'Housing',
      employment: 'Employment',
      legal_aid: 'Legal aid',
      food: 'Food',
      transport: 'Transport',
      family_support: 'Family support',
      mutual_aid: 'Mutual-aid fellowships',
    },
  },
  es: {
    title: 'Recursos para la recuperación',
    printed: (date: string) => `Impreso el ${date}`,
    search: (q: string) => `Búsqueda: "${q}"`,
    call: 'Llamar',
    text: 'Mensaje de texto',
    textTo: (keyword: string, number: string) => `${keyword} al ${number}`,
    web: 'Web',
    address: 'Dirección',
    hours: 'Horario',
    days: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
    always: 'Abierto las 24 horas, todos los días',
    none: 'Ninguna entrada coincide.',
    more: (shown: number, total: number) =>
      `Esta hoja muestra las primeras ${shown} de ${total.toLocaleString('es')} entradas. Elige una categoría o busca para imprimir las demás.`,
    crisis: 'En una emergencia, llama al número de emergencias local.',
    continued: (category: string) => `${category} (continuación)`,
    page: (n: number, of: number) => `Página ${n} de ${of}`,
    categories: {
      crisis_lines: 'Líneas de crisis',
      treatment_detox: 'Tratamiento y desintoxicación',
      medication_treatment: 'Medicamentos para tratar la adicción',
      mental_health: 'Salud mental',
      harm_reduction: 'Reducción de daños y naloxona',
      housing: 'Vivienda',
      employment: 'Empleo',
      legal_aid: 'Asistencia legal',
      food: 'Alimentos',
      transport: 'Transporte',
      family_support: 'Apoyo a familias',
      mutual_aid: 'Grupos de ayuda mutua',
    },
  },
} satisfies Record<Locale, unknown>;

/** A printed sheet is read, not clicked: the address without its scheme and trailing slash. */
const printedUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

/** Long descriptions are cut at a sentence (or a word) so one entry does not take a column. */
export function shortDescription(text: string, max = 260): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  if (sentence > max / 2) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

type Line = { label?: string; value: string; font: string; size: number; color: string; gapAfter?: number };

function entryLines(e: SheetEntry, t: (typeof TEXT)[Locale]): Line[] {
  const detail = (label: string, value: string): Line => ({ label, value, font: 'Helvetica', size: 8.5, color: '#000' });
  const lines: Line[] = [{ value: e.name, font: 'Helvetica-Bold', size: 10, color: '#000', gapAfter: 1 }];
  if (e.description) lines.push({ value: shortDescription(e.description), font: 'Helvetica', size: 8.5, color: '#333', gapAfter: 1 });
  if (e.phone) lines.push(detail(t.call, e.phone));
  if (e.textLine) lines.push(detail(t.text, e.textLine.keyword ? t.textTo(e.textLine.keyword, e.textLine.number) : e.textLine.number));
  if (e.website) lines.push(detail(t.web, printedUrl(e.website)));
  if (e.address) lines.push(detail(t.address, e.address));
  if (e.hours) lines.push(detail(t.hours, formatCompactHours(e.hours, t.days, '–', t.always)));
  return lines;
}

/**
 * The printable resource sheet: the instance's name, the title and the date, then the entries grouped by category in
 * two columns, each with its phone, text line, website, address and hours. US Letter with margins that fit A4.
 * Entries come in directory order (categories, then names); `total` says how many matched in all.
 */
export function renderResourceSheet(opts: {
  entries: SheetEntry[];
  total: number;
  organization: string;
  locale: Locale;
  printedAt: Date;
  filter?: { category?: ResourceCategory; q?: string };
  compress?: boolean;
}): Promise<Buffer> {
  const { entries, organization, locale } = opts;
  const t = TEXT[locale];
  const margin = 40;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: margin, bottom: margin + 16, left: margin, right: margin },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: locale,
    info: { Title: winAnsi(`${t.title} - ${organization}`), Author: winAnsi(organization), Creator: 'Kindred', Producer: 'Kindred' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const date = new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(opts.printedAt);
  const left = margin;
  const width = doc.page.width - 2 * margin;
  const gap = 18;
  const columnWidth = (width - gap) / 2;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // ── Heading ──
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(winAnsi(organization), left, margin, { width });
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000').text(winAnsi(t.title), { width });
  const filters = [opts.filter?.category ? t.categories[opts.filter.category] : null, opts.filter?.q ? t.search(opts.filter.q) : null].filter(Boolean);
  doc.font('Helvetica').fontSize(9).fillColor('#333').text(winAnsi([t.printed(date), ...filters].join(' · ')), { width });
  doc.font('Helvetica-Oblique').fontSize(9).fillColor('#000').text(winAnsi(t.crisis), { width });
  let top = doc.y + 8;
  doc.moveTo(left, top - 4).lineTo(left + width, top - 4).lineWidth(0.75).strokeColor('#999').stroke();

  // ── Entries, column by column ──
  let column = 0;
  let y = top;
  const x = () => left + column * (columnWidth + gap);
  /** Room for `h` points in this column, else the next column, else a new page. */
  const makeRoom = (h: number): boolean => {
    if (y + h <= bottom()) return false;
    if (column === 0) column = 1;
    else {
      doc.addPage();
      column = 0;
      top = margin;
    }
    y = top;
    return true;
  };
  // Measured in bold, a little wider than what is drawn, so a block never runs past the bottom margin.
  const heightOf = (line: Line) => {
    doc.font(line.label ? 'Helvetica-Bold' : line.font).fontSize(line.size);
    return doc.heightOfString(winAnsi(line.label ? `${line.label}: ${line.value}` : line.value), { width: columnWidth }) + (line.gapAfter ?? 0);
  };
  const drawLine = (line: Line) => {
    doc.fontSize(line.size).fillColor(line.color);
    if (line.label) {
      doc.font('Helvetica-Bold').text(winAnsi(`${line.label}: `), x(), y, { width: columnWidth, continued: true });
      doc.font(line.font).text(winAnsi(line.value));
    } else doc.font(line.font).text(winAnsi(line.value), x(), y, { width: columnWidth });
    y += heightOf(line);
  };

  const headingHeight = 22;
  const heading = (text: string) => {
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#0b5394').text(winAnsi(text), x(), y + 4, { width: columnWidth, lineBreak: false, ellipsis: true });
    doc.moveTo(x(), y + 18).lineTo(x() + columnWidth, y + 18).lineWidth(0.5).strokeColor('#0b5394').stroke();
    y += headingHeight;
  };
  let category: ResourceCategory | null = null;
  for (const entry of entries) {
    const lines = entryLines(entry, t);
    const blockHeight = lines.reduce((sum, l) => sum + heightOf(l), 0) + 8;
    if (entry.category !== category) {
      category = entry.category;
      // A heading stays with its first entry.
      makeRoom(headingHeight + blockHeight);
      heading(t.categories[category]);
    } else if (makeRoom(blockHeight)) {
      // A category that runs on into a new column says so at its top.
      makeRoom(headingHeight + blockHeight);
      heading(t.continued(t.categories[category]));
    }
    for (const line of lines) drawLine(line);
    y += 8;
  }

  const closing = entries.length === 0 ? t.none : opts.total > entries.length ? t.more(entries.length, opts.total) : null;
  if (closing) {
    doc.font('Helvetica-Oblique').fontSize(9);
    makeRoom(doc.heightOfString(winAnsi(closing), { width: columnWidth }) + 4);
    doc.fillColor('#000').text(winAnsi(closing), x(), y, { width: columnWidth });
  }

  // ── Every page: where it comes from, when, and which page ──
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    const footY = doc.page.height - margin;
    doc.font('Helvetica').fontSize(8).fillColor('#555');
    doc.text(winAnsi(`${organization} · ${t.title} · ${date}`), left, footY, { width: width * 0.8, lineBreak: false, ellipsis: true });
    doc.text(winAnsi(t.page(i - start + 1, count)), left + width * 0.8, footY, { width: width * 0.2, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
